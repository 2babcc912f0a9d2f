"""The outbox's service: every e-mail the site sends is queued here, and the mail worker
delivers what is due.

Every e-mail, whoever sends it: the site's EMAIL_BACKEND is `OutboxBackend`, so Django's mail API
(send_mail, mail_admins, EmailMessage.send), the admin's password reset and Wagtail's notices
all queue; only the worker's delivery step uses the real backend, MAIL_DELIVERY_BACKEND.

Delivery is at least once, with a stable Message-ID. A worker claims a message (a lease,
committed) before it speaks to the mail server; when the server's answer never comes, SMTP cannot
say whether the message was delivered, so it is sent again when the lease ends, with the same
Message-ID. Nothing stronger is possible over SMTP.

Hand-written, not django-post-office (3.12): its queue has no claim or lease (a file lock on one
host, statuses written after each batch), so it resends at once what a killed worker had sent.

E-mails are plain text only: whatever a visitor typed (HTML or script included) arrives as the
literal text and is never interpreted by a mail client. Header values (subject, addresses) are
made one line, so text a visitor typed can never add a header or a recipient.
"""

import logging
import re
import smtplib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.outbox_models import OutgoingEmail, register_kind

__all__ = [
    "OutboxBackend",
    "OutgoingEmail",
    "deliver",
    "one_line",
    "queue_email",
    "register_kind",
]

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = OutgoingEmail._meta.get_field("subject").max_length


def one_line(text, max_length=None):
    """Text safe for a header: whitespace (line breaks included) collapsed, length limited."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    if max_length and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def queue_email(*, to, subject, body, kind, about=None, reply_to="", language=None):
    """Store one plain-text message as pending and return it.

    Call it inside the transaction that stores its cause: both are kept, or neither. `to` is an
    address or a list of them; `about` is the object the message concerns (its delivery state
    can be shown beside it); `kind` names the message for operators ("partners.invitation").
    The mail worker sends it; with MAIL_DELIVERY = "immediate" (development) it is sent right
    after the commit.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    message = OutgoingEmail.objects.create(
        kind=kind,
        content_type=ContentType.objects.get_for_model(about) if about is not None else None,
        object_id=about.pk if about is not None else None,
        to="\n".join(one_line(address) for address in recipients if address.strip()),
        reply_to=one_line(reply_to),
        subject=one_line(subject, SUBJECT_MAX_LENGTH),
        body=body,
        language=language or "",
    )
    if settings.MAIL_DELIVERY == "immediate":
        # robust: whatever sending raises, the caller's work is committed and the worker
        # retries the message.
        transaction.on_commit(lambda: deliver(ids=[message.pk]), robust=True)
    return message


# The server answered no: the message was certainly not taken.
REFUSALS = (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused)


def deliver(ids=None, should_stop=None):
    """Send the pending messages that are due (all, or those in `ids`); return (sent, failed).

    Each message is claimed before it is sent (`OutgoingEmail.claim`): several workers never
    take the same message, and one that dies while sending leaves it to the next after the lease.
    Run it outside a transaction, so that each claim and result is committed at once.
    `should_stop()` is asked before each message: the mail worker stops between two messages.
    """
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=timezone.now()
    )
    if ids is not None:
        due = due.filter(pk__in=ids)
    sent = failed = 0
    for pk in list(due.values_list("pk", flat=True)):
        if should_stop and should_stop():
            break
        message = OutgoingEmail.claim(pk)
        if message is None:
            continue
        if attempt(message):
            sent += 1
        else:
            failed += 1
    return sent, failed


def attempt(message):
    """Send a claimed message through MAIL_DELIVERY_BACKEND and record the outcome."""
    connection = get_connection(settings.MAIL_DELIVERY_BACKEND)
    connected = False
    try:
        connection.open()
        connected = True
        message.as_email_message(connection=connection).send()
    # Whatever the backend raises (refusal, timeout, a bug), the message waits for its next
    # attempt and the ones after it are still tried.
    except Exception as exc:  # noqa: BLE001
        # Unless the server said no, a failure once connected may have come after the data went
        # out (no answer to it in time): the message may have been delivered.
        maybe_delivered = connected and not isinstance(exc, REFUSALS)
        logger.warning(
            "E-mail %s not sent (attempt %s%s): %s",
            message.pk,
            message.attempts,
            ", may have been delivered: retried after the lease" if maybe_delivered else "",
            one_line(exc),
        )
        message.record_failure(exc, maybe_delivered=maybe_delivered)
        return False
    finally:
        close(connection)
    message.record_sent()
    return True


def close(connection):
    """Close the connection; an error here changes nothing about the attempt's outcome."""
    try:
        connection.close()
    except Exception as exc:  # noqa: BLE001 - e.g. a server that took the message, then hung
        logger.info("Mail server connection not closed cleanly: %s", one_line(exc))


ADMIN_NOTIFICATION = "wagtail.notification"
register_kind(ADMIN_NOTIFICATION, _("Admin notification"))


class OutboxBackend(BaseEmailBackend):
    """The site's EMAIL_BACKEND: it queues into the outbox instead of sending, so everything
    sent through Django's mail API (the admin's password reset, Wagtail's workflow and comment
    notices, mail_admins) is stored in the caller's transaction and delivered by the worker.

    The plain-text body is kept; an HTML alternative, attachments and extra headers are not (no
    sender of the site uses them: the outbox sends plain text), and the sender is always
    DEFAULT_FROM_EMAIL."""

    def send_messages(self, email_messages):
        for message in email_messages:
            # A blind copy stays blind: each of those recipients gets a message of their own.
            for recipients in ([*message.to, *message.cc], *([address] for address in message.bcc)):
                if recipients:
                    queue_email(
                        to=recipients,
                        subject=message.subject,
                        body=message.body,
                        kind=ADMIN_NOTIFICATION,
                        reply_to=message.reply_to[0] if message.reply_to else "",
                        language=translation.get_language(),
                    )
        return len(email_messages)
