"""A real SMTP server for the mail tests (aiosmtpd on 127.0.0.1) and the loaded form pages."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from partners.models import ApplicationFormPage

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CS_FORM = "/cs/prihlaska/"
EN_FORM = "/en/apply/"


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


@pytest.fixture
def smtp_port():
    """A port with nothing listening, that Django's SMTP backend is pointed at."""
    port = free_port()
    with override_settings(
        EMAIL_BACKEND=SMTP_BACKEND,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    ):
        yield port


@pytest.fixture
def smtp_sink_down(smtp_port):
    """The sink, not started yet: the mail server is down until the test calls start()."""
    sink = SmtpSink(smtp_port)
    yield sink
    sink.stop()


@pytest.fixture
def smtp_sink(smtp_sink_down):
    """A running SMTP sink that Django sends to."""
    smtp_sink_down.start()
    return smtp_sink_down


@pytest.fixture
def form_pages(site):
    return {
        page.locale.language_code: page
        for page in ApplicationFormPage.objects.select_related("locale")
    }


@pytest.fixture
def live_site(live_server, site, transactional_db):
    """The live server's base URL, with the site's content loaded in its database."""
    return live_server.url
