"""Mail for tests of any app: servers on 127.0.0.1 (a real SMTP sink, aiosmtpd, recording what
it accepts, and a silent server that takes connections and never answers), fixtures pointing
the mail worker's SMTP delivery at them, one round of the worker, and the worker as a process.

A pytest plugin (tests/conftest.py): its fixtures are there for every test package.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from email import message_from_bytes, policy
from io import StringIO
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# A bound on waiting for a worker in another thread or process, so that a broken worker fails
# the test instead of hanging it; no assertion depends on it.
PATIENCE = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    """Keeps every message it accepts, stamped with the time it arrived (`received_at`).

    While `refuse_with` is set (e.g. "451 …") it answers that instead. While `hang_after_data`
    is set it keeps each message it receives and does not answer until that is cleared: the
    client times out not knowing that the server has the message.
    """

    def __init__(self):
        self.messages = []
        self.refuse_with = None
        self.hang_after_data = False

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_with:
            return self.refuse_with
        message = message_from_bytes(envelope.content, policy=policy.default)
        message.envelope_recipients = list(envelope.rcpt_tos)
        message.received_at = datetime.now(UTC)
        self.messages.append(message)
        while self.hang_after_data:
            await asyncio.sleep(0.05)
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
        for accepted in self.accepted:
            accepted.close()
        self.sock.close()


def send_pending_mail(*args):
    """One round of the mail worker, as `manage.py send_pending_mail` runs it; its output."""
    out = StringIO()
    call_command("send_pending_mail", *args, stdout=out)
    return out.getvalue()


def smtp_settings(port):
    """The mail worker delivers through Django's SMTP backend to 127.0.0.1:port."""
    return override_settings(
        MAIL_DELIVERY_BACKEND=SMTP_BACKEND,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )


@pytest.fixture
def smtp_port():
    """A port with nothing listening, that the mail worker delivers to."""
    port = free_port()
    with smtp_settings(port):
        yield port


@pytest.fixture
def silent_smtp():
    """A mail server that accepts connections and never answers, that the worker delivers to."""
    server = SilentServer()
    with smtp_settings(server.port):
        yield server
    server.close()


@pytest.fixture
def smtp_sink_down(smtp_port):
    """The sink, not started yet: the mail server is down until the test calls start()."""
    sink = SmtpSink(smtp_port)
    yield sink
    sink.stop()


@pytest.fixture
def smtp_sink(smtp_sink_down):
    """A running SMTP sink that the mail worker delivers to."""
    smtp_sink_down.start()
    return smtp_sink_down


def worker_database_url(port=None):
    """The test database's URL for a worker process (PostgreSQL), optionally through another
    port (a proxy in front of it)."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"


class WorkerProcess:
    """`manage.py send_pending_mail --loop` in a process of its own, with production settings;
    its log is collected as it comes."""

    def __init__(self, database_url, **env):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "send_pending_mail", "--loop", "--interval", "0.1"],
            cwd=Path(settings.BASE_DIR),
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.production",
                "SECRET_KEY": "test-only-key",
                "DATABASE_URL": database_url,
                "LOG_LEVEL": "INFO",
                **env,
            },
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line)

    def wait_until(self, condition):
        """Until condition() holds or the worker exits (bounded by PATIENCE)."""
        deadline = time.monotonic() + PATIENCE
        while not condition() and self.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)

    def logged(self, text):
        return [line for line in self.lines if text in line]

    def stop(self):
        """SIGTERM, as a container stop or systemd sends it; the whole log."""
        assert self.process.poll() is None, "the worker exited by itself:\n" + "".join(self.lines)
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=PATIENCE)
        self.reader.join(PATIENCE)
        return "".join(self.lines)

    def kill(self):
        """SIGKILL, as the kernel's OOM killer or a forced container stop does it."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
