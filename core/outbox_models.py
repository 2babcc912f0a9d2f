"""The outbox: every e-mail the site sends, kept until it is delivered.

Any app queues a message through `core.outbox.queue_email`, in the same transaction as what
caused it; the mail worker (`manage.py send_pending_mail --loop`) sends it outside any web
request, retrying with exponential backoff while the mail server refuses it or is down, so
nothing is lost and nothing is e-mailed twice.

Core knows no app: a message says what it is with a free-text `kind` set by its sender
("application.notification") and what it is about with a generic link, so an app can show its
objects' delivery state (a GenericRelation on its model) and name its kinds (`register_kind`).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
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
            headers={"Content-Language": self.language} if self.language else None,
            connection=connection,
        )

    def record_sent(self):
        self.status = self.Status.SENT
        self.attempts += 1
        self.sent_at = timezone.now()
        self.last_error = ""
        self.save(update_fields=["status", "attempts", "sent_at", "last_error"])

    def record_failure(self, error):
        self.attempts += 1
        self.last_error = f"{type(error).__name__}: {error}"[:2000]
        if self.attempts >= settings.MAIL_MAX_ATTEMPTS:
            self.status = self.Status.FAILED
        delay = min(RETRY_BASE * 2 ** (self.attempts - 1), RETRY_MAX)
        self.next_attempt_at = timezone.now() + delay
        self.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
