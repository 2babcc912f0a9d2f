"""Mail servers for tests on 127.0.0.1: a real SMTP sink (aiosmtpd) recording what it accepts,
and a silent server that takes connections and never answers."""

import socket
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    """Keeps every message it accepts; answers `refuse_with` (e.g. "451 …") while that is set."""

    def __init__(self):
        self.messages = []
        self.refuse_with = None

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_with:
            return self.refuse_with
        message = message_from_bytes(envelope.content, policy=policy.default)
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


class SmtpSink:
    """An SMTP server on a fixed free port that a test can stop and start again."""

    def __init__(self, port):
        self.port = port
        self.handler = RecordingHandler()
        self.controller = None

    @property
    def messages(self):
        return self.handler.messages

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def to(self, address):
        return [m for m in self.messages if address in m.envelope_recipients]


class SilentServer:
    """A TCP server that accepts connections and never says a word: an SMTP client waits for the
    greeting until its timeout.

    The kernel completes each connection in the listen backlog, so a client's connect() has
    succeeded before it starts waiting; `connections()` then takes them out of the backlog and
    counts them, without any timing involved.
    """

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.setblocking(False)
        self.port = self.sock.getsockname()[1]
        self.accepted = []

    def connections(self):
        """How many connections clients have made so far (they stay open, unanswered)."""
        while True:
            try:
                connection, _address = self.sock.accept()
            except BlockingIOError:
                return len(self.accepted)
            self.accepted.append(connection)

    def close(self):
        for connection in self.accepted:
            connection.close()
        self.sock.close()
