"""The partners app's models: the partner and start-up profiles, the application form, its outbox
and used form tokens."""

from partners.models.application_form import (
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationSubmission,
    ApplicationType,
)
from partners.models.form_tokens import FormTokenUsed, UsedFormToken
from partners.models.outbox import OutgoingEmail
from partners.models.profiles import PartnerIndexPage, PartnerPage, StartupPage

__all__ = [
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationSubmission",
    "ApplicationType",
    "FormTokenUsed",
    "OutgoingEmail",
    "PartnerIndexPage",
    "PartnerPage",
    "StartupPage",
    "UsedFormToken",
]
