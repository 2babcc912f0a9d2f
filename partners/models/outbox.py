"""The outbox: every e-mail the site sends on behalf of a submission, kept until it is delivered.

A message is stored in the same transaction as its submission and sent by the mail worker
(`manage.py send_pending_mail --loop`), outside any web request; it is retried with exponential
backoff while the mail server refuses it or is down, so a submission is never lost and never
e-mailed twice.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Backoff after the n-th failed attempt: 1, 2, 4, … minutes, at most 6 hours.
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=6)


class OutgoingEmail(models.Model):
    class Kind(models.TextChoices):
        NOTIFICATION = "notification", _("Notification")
        CONFIRMATION = "confirmation", _("Confirmation")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    submission = models.ForeignKey(
        "partners.ApplicationSubmission",
        verbose_name=_("Submission"),
        on_delete=models.CASCADE,
        related_name="outgoing_emails",
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices)
    to = models.TextField(_("To"), help_text=_("One address per line."))
    reply_to = models.CharField(_("Reply-To"), max_length=320, blank=True)
    subject = models.CharField(_("Subject"), max_length=255)
    body = models.TextField(_("Body"))
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
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"

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
        if self.attempts >= settings.FORM_MAIL_MAX_ATTEMPTS:
            self.status = self.Status.FAILED
        delay = min(RETRY_BASE * 2 ** (self.attempts - 1), RETRY_MAX)
        self.next_attempt_at = timezone.now() + delay
        self.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
