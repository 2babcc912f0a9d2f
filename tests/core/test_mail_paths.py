"""Every e-mail the site sends goes through the outbox: whatever path sends it (Django's mail API,
Wagtail's, the admin's password reset), the request only stores it and never speaks to the mail
server; the mail worker delivers it. Each settings module makes it so, and an operator's old
EMAIL_BACKEND variable cannot undo it."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from wagtail.admin import mail as wagtail_mail

from core.models import OutgoingEmail
from lepsimesta.settings.base import mail_delivery_backend
from tests.mail import SMTP_BACKEND, send_pending_mail

pytestmark = pytest.mark.django_db

CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
OUTBOX_BACKEND = "core.outbox.OutboxBackend"

TO = "jana.dvorakova@example.cz"

SEND_PATHS = {
    "send_mail": lambda: mail.send_mail("Předmět", "Dobrý den", None, [TO]),
    "EmailMessage.send": lambda: mail.EmailMessage("Předmět", "Dobrý den", to=[TO]).send(),
    "HTML alternative": lambda: mail.send_mail(
        "Předmět", "Dobrý den", None, [TO], html_message="<p>Dobrý den</p>"
    ),
    "connection.send_messages": lambda: mail.get_connection().send_messages(
        [mail.EmailMessage("Předmět", "Dobrý den", to=[TO])]
    ),
    "mail_admins": lambda: mail.mail_admins("Předmět", "Dobrý den"),
    "mail_managers": lambda: mail.mail_managers("Předmět", "Dobrý den"),
    "Wagtail's send_mail": lambda: wagtail_mail.send_mail("Předmět", "Dobrý den", [TO]),
}


@override_settings(ADMINS=[("Správce", TO)], MANAGERS=[("Správce", TO)])
@pytest.mark.parametrize("send", SEND_PATHS.values(), ids=SEND_PATHS.keys())
def test_every_way_of_sending_mail_only_queues_it(send, silent_smtp, mailoutbox):
    send()

    [message] = OutgoingEmail.objects.all()
    assert message.recipients == [TO]
    assert message.subject.endswith("Předmět")
    assert message.body == "Dobrý den"  # plain text: an HTML alternative is not kept
    assert (message.status, message.attempts) == (OutgoingEmail.Status.PENDING, 0)
    # Nothing reached the mail server (the worker's) or any other backend.
    assert silent_smtp.connections() == 0
    assert mailoutbox == []


def test_what_the_outbox_queued_the_worker_delivers(mailoutbox):
    mail.send_mail("Předmět", "Dobrý den", None, [TO])
    assert send_pending_mail().strip() == "Sent 1, failed 0, still waiting 0."
    [delivered] = mailoutbox
    assert (delivered.to, delivered.subject, delivered.body) == ([TO], "Předmět", "Dobrý den")


def backends_of(settings_module):
    """What `manage.py` under `settings_module` sends with, and what its worker delivers with."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name not in {"EMAIL_BACKEND", "MAIL_DELIVERY_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings; from django.core.mail import get_connection; "
            "backend = type(get_connection()); "
            "print(f'{backend.__module__}.{backend.__qualname__}', settings.MAIL_DELIVERY_BACKEND)",
        ],
        cwd=settings.BASE_DIR,
        env={
            **inherited,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "SECRET_KEY": "test-only-key",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.subprocess
@pytest.mark.parametrize(
    ("settings_module", "delivery"),
    [
        ("lepsimesta.settings.dev", CONSOLE_BACKEND),
        ("lepsimesta.settings.test", LOCMEM_BACKEND),
        ("lepsimesta.settings.production", SMTP_BACKEND),
    ],
)
def test_every_settings_module_sends_through_the_outbox(settings_module, delivery):
    result = backends_of(settings_module)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [OUTBOX_BACKEND, delivery]


@pytest.mark.parametrize(
    ("env", "delivery"),
    [
        ({"MAIL_DELIVERY_BACKEND": LOCMEM_BACKEND}, LOCMEM_BACKEND),
        # An operator's EMAIL_BACKEND, from before the outbox was the site's backend, now
        # chooses how the worker delivers; the new name wins.
        ({"EMAIL_BACKEND": CONSOLE_BACKEND}, CONSOLE_BACKEND),
        (
            {"EMAIL_BACKEND": CONSOLE_BACKEND, "MAIL_DELIVERY_BACKEND": LOCMEM_BACKEND},
            LOCMEM_BACKEND,
        ),
    ],
    ids=["MAIL_DELIVERY_BACKEND", "former EMAIL_BACKEND", "both"],
)
def test_the_environment_chooses_only_how_the_worker_delivers(monkeypatch, env, delivery):
    for name in ("EMAIL_BACKEND", "MAIL_DELIVERY_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert mail_delivery_backend(SMTP_BACKEND) == delivery


@pytest.mark.parametrize("name", ["MAIL_DELIVERY_BACKEND", "EMAIL_BACKEND"])
def test_the_outbox_cannot_be_its_own_delivery_backend(monkeypatch, name):
    monkeypatch.setenv(name, OUTBOX_BACKEND)
    with pytest.raises(ImproperlyConfigured, match="MAIL_DELIVERY_BACKEND"):
        mail_delivery_backend(SMTP_BACKEND)


# The admin's password reset ---------------------------------------------------------------------

RESET = "/admin/password_reset/"
EDITOR = "redaktorka@lepsimesta.cz"


@pytest.fixture
def editor():
    return User.objects.create_user("redaktorka", EDITOR, "Brnenske-tramvaje-2016")


def request_reset(client):
    response = client.post(RESET, {"email": EDITOR})
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    [message] = OutgoingEmail.objects.all()
    assert message.recipients == [EDITOR]
    # Stored, never tried: the request did not speak to the mail server.
    assert (message.status, message.attempts, message.last_error) == ("pending", 0, "")
    return message


def test_a_password_reset_with_a_silent_mail_server_only_queues_the_email(
    client, editor, silent_smtp
):
    request_reset(client)
    assert silent_smtp.connections() == 0


def test_a_password_reset_while_the_mail_server_is_down_arrives_when_it_is_back(
    client, editor, smtp_sink_down
):
    message = request_reset(client)
    smtp_sink_down.start()
    assert send_pending_mail().strip() == "Sent 1, failed 0, still waiting 0."

    [received] = smtp_sink_down.to(EDITOR)
    assert received["Message-ID"] == message.message_id
    link = re.search(r"https?://\S+", received.get_content()).group()
    # The link works: it leads to the form for a new password.
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert 'name="new_password1"' in response.content.decode()
