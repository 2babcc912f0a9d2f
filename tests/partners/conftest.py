"""The SMTP fixtures for the mail tests (tests/partners/smtp.py), the loaded form pages and the
mail worker's delivery step."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from partners.models import ApplicationFormPage
from tests.partners.smtp import SMTP_BACKEND, SilentServer, SmtpSink, free_port

CS_FORM = "/cs/prihlaska/"
EN_FORM = "/en/apply/"


def send_pending_mail(*args):
    """One round of the mail worker, as `manage.py send_pending_mail` runs it; its output."""
    out = StringIO()
    call_command("send_pending_mail", *args, stdout=out)
    return out.getvalue()


def smtp_settings(port):
    """Django's SMTP backend pointed at 127.0.0.1:port."""
    return override_settings(
        EMAIL_BACKEND=SMTP_BACKEND,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )


@pytest.fixture
def smtp_port():
    """A port with nothing listening, that Django's SMTP backend is pointed at."""
    port = free_port()
    with smtp_settings(port):
        yield port


@pytest.fixture
def silent_smtp():
    """A mail server that accepts connections and never answers, that Django sends to."""
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
    """A running SMTP sink that Django sends to."""
    smtp_sink_down.start()
    return smtp_sink_down


@pytest.fixture
def form_pages(site):
    return {
        page.locale.language_code: page
        for page in ApplicationFormPage.objects.select_related("locale")
    }
