"""The partners app's models: the partner and start-up profiles, the application form, used
form tokens, partner invitations and reminders. The form's e-mails wait in core's outbox
(core.OutgoingEmail)."""

from partners.application.types import ApplicationType
from partners.models.application_form import (
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationSubmission,
)
from partners.models.form_tokens import FormTokenUsed, UsedFormToken
from partners.models.invitations import PartnerInvitation, ProfileReminder
from partners.models.profiles import PartnerIndexPage, PartnerPage, StartupPage

__all__ = [
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationSubmission",
    "ApplicationType",
    "FormTokenUsed",
    "PartnerIndexPage",
    "PartnerInvitation",
    "PartnerPage",
    "ProfileReminder",
    "StartupPage",
    "UsedFormToken",
]
