"""Form tokens already used: each display of the application form can be sent once.

The token itself (partners/application/forms.py) is signed and carries the display time and a
random nonce; only the nonce of an accepted submission is kept here, and only as long as the
token could still be valid (`purge_submissions` deletes older rows).
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FormTokenUsed(Exception):
    """The form's token was already used for a submission."""


class UsedFormToken(models.Model):
    nonce = models.CharField(_("Nonce"), max_length=64, unique=True)
    used_at = models.DateTimeField(_("Used at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Used form token")
        verbose_name_plural = _("Used form tokens")

    def __str__(self):
        return self.nonce

    @classmethod
    def is_used(cls, nonce):
        return cls.objects.filter(nonce=nonce).exists()

    @classmethod
    def claim(cls, nonce):
        """Record the nonce as used, in the caller's transaction; FormTokenUsed if it was already.

        The unique constraint decides between two requests sending the same token at once: the
        second waits for the first to commit, then fails here.
        """
        try:
            with transaction.atomic():
                cls.objects.create(nonce=nonce)
        except IntegrityError:
            raise FormTokenUsed(nonce) from None

    @classmethod
    def expired(cls):
        """Rows no token can need any more: a token this old is refused as expired anyway."""
        max_age = timedelta(hours=settings.FORM_TOKEN_MAX_AGE_HOURS)
        return cls.objects.filter(used_at__lt=timezone.now() - max_age)
