"""A real SMTP conversation: what arrives, and what happens while the mail server is down."""

import importlib

import pytest
from django.test import override_settings
from django.utils import timezone

from core.models import OutgoingEmail
from partners.application.mail import CONFIRMATION, NOTIFICATION
from partners.models import ApplicationSubmission
from tests.factories.partners import valid_post_data
from tests.mail import send_pending_mail
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db

APPLICANT = "jana.dvorakova@example.cz"


@pytest.fixture
def submit(client, site):
    """POST the form as a visitor would, then let the mail worker make its first attempt."""

    def _submit(path=CS_FORM, **fields):
        response = client.post(path, valid_post_data(**fields))
        send_pending_mail()
        return response

    return _submit


def header(message, name):
    # Python folds a long encoded header onto a new line; mail clients unfold and strip it.
    return str(message[name]).strip()


def make_due():
    """Time passes: every waiting message's next attempt is now."""
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())


def test_czech_submission_sends_notification_and_confirmation(submit, smtp_sink):
    response = submit(CS_FORM, application_type="sponsorship")
    assert response.status_code == 302
    assert response["Location"] == "/cs/prihlaska/dekujeme/?type=sponsorship"

    [notification] = smtp_sink.to("info@lepsimesta.cz")
    assert header(notification, "Subject") == "Lepší města – Sponzorský program: Jana Dvořáková"
    assert header(notification, "From") == "Lepší města <noreply@lepsimesta.cz>"
    assert header(notification, "Reply-To") == APPLICANT
    assert notification.get_content_type() == "text/plain"
    body = notification.get_content()
    assert "Typ přihlášky: Sponzorský program" in body
    assert "Jméno a příjmení: Jana Dvořáková" in body
    assert "Organizace: Chytrá řešení, s. r. o." in body
    assert "Zpráva: Rádi bychom se zapojili do sponzorského programu." in body
    assert "Jazyk: Čeština" in body

    [confirmation] = smtp_sink.to(APPLICANT)
    assert header(confirmation, "Subject") == "Lepší města: vaši zprávu jsme přijali"
    assert header(confirmation, "Reply-To") == "info@lepsimesta.cz"
    body = confirmation.get_content()
    assert "Dobrý den," in body
    assert "Vaši přihlášku do sponzorského programu posoudí koordinátoři" in body
    # Nothing the visitor typed is repeated to an address anyone can type in.
    assert "Rádi bychom" not in body
    assert len(smtp_sink.messages) == 2
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_english_submission_confirms_in_english_and_notifies_in_czech(submit, smtp_sink, areas):
    response = submit(
        EN_FORM,
        application_type="expert",
        name="John Smith",
        email="john@example.com",
        # What the English list's "Energy" sends: the area's code (partners/application/forms.py).
        working_group="energy",
        message="I nominate our energy expert.",
    )
    assert response["Location"] == "/en/apply/thank-you/?type=expert"

    [notification] = smtp_sink.to("info@lepsimesta.cz")
    assert header(notification, "Subject") == (
        "Lepší města – Nominace odborníka do pracovní skupiny: John Smith"
    )
    assert header(notification, "Reply-To") == "john@example.com"
    body = notification.get_content()
    # The team reads Czech labels and the Czech group name; the rest is what the visitor typed.
    assert "Pracovní skupina: Energetika" in body
    assert "Zpráva: I nominate our energy expert." in body
    assert "Jazyk: English" in body

    [confirmation] = smtp_sink.to("john@example.com")
    assert header(confirmation, "Subject") == "Lepší města: we have received your submission"
    body = confirmation.get_content()
    assert body.startswith("Hello,")
    assert "We will pass the nomination to the head of the working group" in body
    assert "Nomination of an expert to a working group" in body


def test_notification_goes_to_the_address_in_site_settings(submit, smtp_sink, site):
    from core.models import SiteSettings

    site_settings = SiteSettings.for_site(site["cs"].get_site())
    site_settings.contact_email = "prihlasky@lepsimesta.cz"
    site_settings.save()
    submit()
    assert len(smtp_sink.to("prihlasky@lepsimesta.cz")) == 1
    assert smtp_sink.to("info@lepsimesta.cz") == []


def test_header_injection_in_the_name_stays_in_the_subject(submit, smtp_sink):
    submit(name="Eva\r\nBcc: victim@example.com")
    [notification] = smtp_sink.to("info@lepsimesta.cz")
    assert (
        header(notification, "Subject")
        == "Lepší města – Sponzorský program: Eva Bcc: victim@example.com"
    )
    assert notification["Bcc"] is None
    assert smtp_sink.to("victim@example.com") == []


def test_mail_server_down_keeps_the_submission_and_delivers_once_when_it_is_back(
    client, submit, smtp_sink_down
):
    response = submit()
    assert response.status_code == 302
    thank_you = client.get(response["Location"])
    assert thank_you.status_code == 200
    assert "Děkujeme" in thank_you.content.decode()

    submission = ApplicationSubmission.objects.get()
    assert submission.form_data["name"] == "Jana Dvořáková"
    messages = OutgoingEmail.objects.filter(application_submission=submission)
    assert {(m.kind, m.status, m.attempts) for m in messages} == {
        (NOTIFICATION, "pending", 1),
        (CONFIRMATION, "pending", 1),
    }
    assert all("Connection refused" in m.last_error for m in messages)
    assert all(m.next_attempt_at > timezone.now() for m in messages)

    smtp_sink_down.start()
    send_pending_mail()
    assert smtp_sink_down.messages == []  # the backoff is respected: not due yet

    make_due()
    send_pending_mail()
    send_pending_mail()
    assert len(smtp_sink_down.to("info@lepsimesta.cz")) == 1
    assert len(smtp_sink_down.to("jana.dvorakova@example.cz")) == 1
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.parametrize(
    "reply", ["451 4.3.0 Try again later", "550 5.7.1 Message rejected"], ids=["4xx", "5xx"]
)
def test_refused_messages_wait_in_the_outbox_until_the_server_accepts(submit, smtp_sink, reply):
    smtp_sink.handler.refuse_with = reply
    response = submit()
    assert response.status_code == 302
    assert ApplicationSubmission.objects.count() == 1
    pending = OutgoingEmail.objects.filter(status="pending")
    assert pending.count() == 2
    assert all(reply.split()[0] in m.last_error for m in pending)

    smtp_sink.handler.refuse_with = None
    make_due()
    send_pending_mail()
    send_pending_mail()
    assert len(smtp_sink.messages) == 2
    assert OutgoingEmail.objects.filter(status="sent", attempts=2).count() == 2


def test_backoff_doubles_and_a_message_fails_after_the_last_attempt(submit, smtp_sink_down):
    with override_settings(MAIL_MAX_ATTEMPTS=3):
        submit()
        delays = []
        for _attempt in range(2):
            message = OutgoingEmail.objects.get(kind=NOTIFICATION)
            delays.append(message.next_attempt_at - timezone.now())
            make_due()
            send_pending_mail()
    message = OutgoingEmail.objects.get(kind=NOTIFICATION)
    assert message.attempts == 3
    assert message.status == "failed"
    # 1 minute after the first failure, 2 after the second.
    assert delays[0].total_seconds() <= 60 < delays[1].total_seconds() <= 120

    smtp_sink_down.start()
    make_due()
    send_pending_mail()
    assert smtp_sink_down.messages == []  # failed messages wait for an editor's decision
    send_pending_mail("--retry-failed")
    assert len(smtp_sink_down.messages) == 2


def test_an_unexpected_error_while_sending_leaves_the_message_for_the_next_attempt(
    submit, monkeypatch
):
    def broken_send(self, *args, **kwargs):
        raise RuntimeError("a bug in the mail backend")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken_send)
    response = submit()
    assert response.status_code == 302
    assert ApplicationSubmission.objects.count() == 1
    pending = OutgoingEmail.objects.filter(status="pending", attempts=1)
    assert pending.count() == 2
    assert all(m.last_error == "RuntimeError: a bug in the mail backend" for m in pending)


@override_settings(MAIL_DELIVERY="immediate")
def test_in_development_the_request_sends_at_once(
    client, site, smtp_sink, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CS_FORM, valid_post_data())
    assert response.status_code == 302
    assert len(smtp_sink.to("info@lepsimesta.cz")) == 1
    assert len(smtp_sink.to(APPLICANT)) == 1
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


@override_settings(MAIL_DELIVERY="immediate")
def test_in_development_an_error_while_sending_still_thanks_the_visitor(
    client, site, smtp_sink_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CS_FORM, valid_post_data())
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    pending = OutgoingEmail.objects.filter(status="pending", attempts=1)
    assert pending.count() == 2
    assert all("Connection refused" in m.last_error for m in pending)


def test_development_settings_send_at_once_to_the_console(monkeypatch):
    """`make run` prints e-mails at once: dev settings pair immediate delivery with the console
    backend, which cannot hang; every other settings module leaves sending to the worker."""
    for name in ("MAIL_DELIVERY", "MAIL_DELIVERY_BACKEND", "EMAIL_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    dev = importlib.reload(importlib.import_module("lepsimesta.settings.dev"))
    base = importlib.reload(importlib.import_module("lepsimesta.settings.base"))
    assert dev.MAIL_DELIVERY == "immediate"
    assert dev.MAIL_DELIVERY_BACKEND == "django.core.mail.backends.console.EmailBackend"
    assert base.MAIL_DELIVERY == "worker"
