"""The outbox is core's: any app queues mail through core.outbox and the worker delivers it."""

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import override_settings

from core.models import OutgoingEmail
from core.outbox import queue_email, register_kind
from tests.mail import send_pending_mail

pytestmark = pytest.mark.django_db

INVITATION = "tests.invitation"


@pytest.fixture
def partner():
    return User.objects.create_user("partner", "partner@example.cz", "heslo")


def invite(partner, **overrides):
    """What a future app (partner invitations) does: store its cause and queue the message."""
    with transaction.atomic():
        partner.is_active = True
        partner.save()
        return queue_email(
            **{
                "kind": INVITATION,
                "about": partner,
                "to": partner.email,
                "subject": "Pozvánka do administrace",
                "body": "Dobrý den,\nzveme vás <b>do</b> administrace.",
                "reply_to": "info@lepsimesta.cz",
                "language": "cs",
                **overrides,
            }
        )


def test_another_app_queues_mail_that_the_worker_delivers_once(partner, smtp_sink):
    message = invite(partner)
    assert message.status == OutgoingEmail.Status.PENDING
    assert message.about == partner
    assert smtp_sink.messages == []  # stored, not sent: the worker sends

    assert send_pending_mail().strip() == "Sent 1, failed 0, still waiting 0."
    assert send_pending_mail().strip() == "Sent 0, failed 0, still waiting 0."
    [received] = smtp_sink.to("partner@example.cz")
    assert str(received["Subject"]) == "Pozvánka do administrace"
    assert str(received["Reply-To"]) == "info@lepsimesta.cz"
    assert str(received["Content-Language"]) == "cs"
    assert received.get_content_type() == "text/plain"
    assert received.get_content().splitlines() == [
        "Dobrý den,",
        "zveme vás <b>do</b> administrace.",
    ]
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutgoingEmail.Status.SENT, 1)


def test_a_message_is_found_by_what_it_is_about(partner):
    message = invite(partner)
    about_partner = OutgoingEmail.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=partner.pk
    )
    assert list(about_partner) == [message]
    assert queue_email(kind=INVITATION, to="a@example.cz", subject="S", body="B").about is None


def test_a_message_is_stored_only_with_its_cause(partner):
    with pytest.raises(RuntimeError), transaction.atomic():
        invite(partner)
        raise RuntimeError("the cause is not stored")
    assert not OutgoingEmail.objects.exists()


def test_header_values_stay_one_line(partner, smtp_sink):
    invite(
        partner,
        to=[" partner@example.cz ", ""],
        subject="Pozvánka\nBcc: victim@example.com",
        reply_to="info@lepsimesta.cz\r\nBcc: victim@example.com",
    )
    send_pending_mail()
    [received] = smtp_sink.messages
    assert received.envelope_recipients == ["partner@example.cz"]
    assert str(received["Subject"]) == "Pozvánka Bcc: victim@example.com"
    assert received["Bcc"] is None


def test_a_kind_is_named_by_the_app_that_sends_it(partner, monkeypatch):
    monkeypatch.setattr("core.outbox_models._KIND_LABELS", {})  # this test's names only
    message = invite(partner)
    assert message.kind_label == INVITATION  # not registered: the kind itself
    register_kind(INVITATION, "Invitation")
    assert message.kind_label == "Invitation"
    assert str(message) == "Invitation: Pozvánka do administrace"


@override_settings(MAIL_DELIVERY="immediate")
def test_immediate_delivery_sends_after_the_commit_for_every_caller(
    partner, smtp_sink, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(partner)
        assert smtp_sink.messages == []  # not before the commit
    assert len(smtp_sink.to("partner@example.cz")) == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
