"""What one can do through the application form: the choices the form, its e-mails and its
stored submissions all read (a module of its own, so that none of them imports another)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationType(models.TextChoices):
    SPONSORSHIP = "sponsorship", _("Sponsorship programme")
    STARTUP = "startup", _("Start-up or small firm with its own solution")
    EXPERT = "expert", _("Nomination of an expert to a working group")
    QUESTION = "question", _("General question")
