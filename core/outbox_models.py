"""The outbox: every e-mail the site sends, kept until it is delivered.

Any app queues a message through `core.outbox.queue_email`, in the same transaction as what
caused it; the mail worker (`manage.py send_pending_mail --loop`) sends it outside any web
request, retrying with exponential backoff while the mail server refuses it or is down, so
nothing is lost: delivery is at least once, with a stable Message-ID (core/outbox.py says why).

Core knows no app: a message says what it is with a free-text `kind` set by its sender
("application.notification") and what it is about with a generic link, so an app can show its
objects' delivery state (a GenericRelation on its model) and name its kinds (`register_kind`).
"""

from datetime import timedelta
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.core.mail.message import DNS_NAME
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Backoff after the n-th failed attempt: 1, 2, 4, … minutes, at most 6 hours.
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=6)

# Labels of the kinds, registered by the apps that send them (their own translated words).
_KIND_LABELS = {}


def register_kind(kind, label):
    """Name a kind of message for people: "application.notification" → "Notification"."""
    _KIND_LABELS[kind] = label


def new_message_id():
    """A Message-ID in the sender's domain, made once when a message is queued: every attempt
    sends the same one, so a copy sent again after an uncertain delivery is recognisably the
    same message (mail clients and servers drop or thread the duplicate)."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    return make_msgid(domain=domain or str(DNS_NAME))


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    kind = models.CharField(
        _("Kind"),
        max_length=100,
        help_text=_("What the message is, set by the app that sends it."),
    )
    # What the message is about (a submission, an invitation…), if anything.
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("About (type)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("About (ID)"), null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    to = models.TextField(_("To"), help_text=_("One address per line."))
    reply_to = models.CharField(_("Reply-To"), max_length=320, blank=True)
    subject = models.CharField(_("Subject"), max_length=255)
    body = models.TextField(_("Body"))
    message_id = models.CharField(
        _("Message-ID"), max_length=255, unique=True, default=new_message_id, editable=False
    )
    language = models.CharField(
        _("Language"), max_length=8, blank=True, help_text=_("The language the message is in.")
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("Attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("Next attempt"), default=timezone.now)
    last_error = models.TextField(_("Last error"), blank=True)
    created_at = models.DateTimeField(_("Created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("Outgoing e-mail")
        verbose_name_plural = _("Outgoing e-mails")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self):
        return f"{self.kind_label}: {self.subject}"

    @property
    def kind_label(self):
        return _KIND_LABELS.get(self.kind, self.kind)

    @property
    def recipients(self):
        return [line.strip() for line in self.to.splitlines() if line.strip()]

    def as_email_message(self, connection=None):
        return EmailMessage(
            subject=self.subject,
            body=self.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=self.recipients,
            reply_to=[self.reply_to] if self.reply_to else None,
            headers={
                "Message-ID": self.message_id,
                **({"Content-Language": self.language} if self.language else {}),
            },
            connection=connection,
        )

    @classmethod
    def claim(cls, pk):
        """Take a due message for one attempt, or None if it is not due (another worker has it).

        One conditional UPDATE, committed before anything is sent (call it outside a
        transaction): it counts the attempt and moves the next one to the end of the lease, so a
        worker killed while it sends, or a send whose outcome is unknown, is not retried by
        anyone before MAIL_LEASE_SECONDS have passed. Two workers cannot both claim a message:
        the second UPDATE finds it no longer due.
        """
        now = timezone.now()
        claimed = cls.objects.filter(
            pk=pk, status=cls.Status.PENDING, next_attempt_at__lte=now
        ).update(
            attempts=models.F("attempts") + 1,
            next_attempt_at=now + timedelta(seconds=settings.MAIL_LEASE_SECONDS),
        )
        return cls.objects.filter(pk=pk).first() if claimed else None

    def record_sent(self):
        self.status = self.Status.SENT
        self.sent_at = timezone.now()
        self.last_error = ""
        self.save(update_fields=["status", "sent_at", "last_error"])

    def record_failure(self, error, *, maybe_delivered):
        """After a failed attempt: back off (1, 2, 4 … minutes); if the server may have taken
        the message anyway (`maybe_delivered`: no answer after the data was sent), not before
        the claim's lease has ended either."""
        self.last_error = f"{type(error).__name__}: {error}"[:2000]
        if self.attempts >= settings.MAIL_MAX_ATTEMPTS:
            self.status = self.Status.FAILED
        delay = min(RETRY_BASE * 2 ** (self.attempts - 1), RETRY_MAX)
        retry_at = timezone.now() + delay
        # next_attempt_at holds the lease's end, set by claim().
        self.next_attempt_at = max(retry_at, self.next_attempt_at) if maybe_delivered else retry_at
        self.save(update_fields=["status", "last_error", "next_attempt_at"])
