"""Real TCP peers for the cache tests: a server that never answers, and a forwarder to Redis."""

import os
import socket
import threading

import pytest
import redis

# The suite's own Redis (CI sets REDIS_URL); db 5 is this repository's when run by hand.
REAL_REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/5"


class _Listener:
    """A TCP server on 127.0.0.1 (a free port unless given) that runs `serve(conn)` per client."""

    def __init__(self, port=0):
        self._socket = socket.socket()
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", port))
        self._socket.listen(64)
        self.port = self._socket.getsockname()[1]
        self.accepted = 0
        self.sockets = []  # every socket to close on stop()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self._socket.accept()
            except OSError:
                return  # closed by stop()
            self.accepted += 1
            self.sockets.append(conn)
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        """Hold the connection open and say nothing (a hung server); subclasses answer."""

    def stop(self):
        self._socket.close()
        for sock in self.sockets:
            sock.close()


class SilentServer(_Listener):
    """Accepts every connection and never answers: a hung Redis."""


class Forwarder(_Listener):
    """Passes bytes both ways between its clients and a real server: Redis "coming back"."""

    def __init__(self, target, port=0):
        self.target = target
        super().__init__(port)

    def serve(self, conn):
        upstream = socket.create_connection(self.target)
        self.sockets.append(upstream)
        for source, sink in ((conn, upstream), (upstream, conn)):
            threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()


def _pipe(source, sink):
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        sink.close()


def real_redis():
    """(host, port, db) of the suite's Redis; skips the test if it does not answer (fails on CI)."""
    client = redis.Redis.from_url(REAL_REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must provide Redis at {REAL_REDIS_URL}: {error}")
        pytest.skip(f"no Redis at {REAL_REDIS_URL}")
    kwargs = client.connection_pool.connection_kwargs
    return kwargs["host"], kwargs["port"], kwargs.get("db", 0)
