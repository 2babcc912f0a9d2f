"""What the partner invitations and reminders remember: which application became which profile
(so that inviting twice creates nothing twice), and when a stale profile's partners were last
reminded (at most once per REMINDER_INTERVAL)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A stale profile's partners are reminded at most this often.
REMINDER_INTERVAL = timedelta(days=30)


class PartnerInvitation(models.Model):
    """One invitation of a person to keep a profile: sent by a command or from an application."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Profile"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Invited person"),
        on_delete=models.CASCADE,
        related_name="partner_invitations",
    )
    # The application the profile was made from: one profile per application (the unique
    # constraint decides between two clicks at once). Purging old applications keeps the record.
    submission = models.OneToOneField(
        "partners.ApplicationSubmission",
        verbose_name=_("Application"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_invitation",
    )
    language = models.CharField(_("Language"), max_length=8, choices=settings.LANGUAGES)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Invited at"), default=timezone.now)

    class Meta:
        verbose_name = _("Partner invitation")
        verbose_name_plural = _("Partner invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} → {self.page}"


class ProfileReminder(models.Model):
    """When the partners of a stale profile (its default-language page) were last reminded."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("Profile"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("Reminded at"), default=timezone.now)

    class Meta:
        verbose_name = _("Profile reminder")
        verbose_name_plural = _("Profile reminders")

    def __str__(self):
        return f"{self.page} ({self.reminded_at:%Y-%m-%d})"

    @classmethod
    def recently_reminded(cls, now=None):
        """Ids of the pages reminded within the interval: not to be reminded again yet."""
        since = (now or timezone.now()) - REMINDER_INTERVAL
        return cls.objects.filter(reminded_at__gt=since).values_list("page_id", flat=True)
