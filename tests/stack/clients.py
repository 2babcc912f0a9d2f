"""Clients that hold a server's connections: a request begun and never finished."""

import socket
import threading


def open_request(port, path="/healthz"):
    """A socket that has sent a request line and one header, and not the end of its headers."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=30)
    connection.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n".encode())
    return connection


class SlowClients:
    """`count` connections that send one more header every `interval` seconds and never end
    their headers (slowloris), until the `with` block ends."""

    def __init__(self, port, count, interval=2.0):
        self.sockets = [open_request(port) for _ in range(count)]
        self._stopped = threading.Event()
        self._trickle = threading.Thread(target=self._send_headers, args=(interval,), daemon=True)
        self._trickle.start()

    def _send_headers(self, interval):
        number = 0
        while not self._stopped.wait(interval):
            number += 1
            for connection in self.sockets:
                try:
                    connection.sendall(f"X-Slow-{number}: 1\r\n".encode())
                except OSError:
                    pass  # closed by the server: still_open() tells

    def still_open(self):
        """True if the server has closed none of them (nothing to read, and no end of file)."""
        for connection in self.sockets:
            connection.setblocking(False)
            try:
                if connection.recv(1) == b"":
                    return False
            except BlockingIOError:
                pass
            finally:
                connection.setblocking(True)
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._stopped.set()
        self._trickle.join(10)
        for connection in self.sockets:
            connection.close()
