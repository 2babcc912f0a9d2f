"""The partners app's models: the application form, its outbox and used form tokens (partner
profiles follow)."""

from partners.models.application_form import (
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationSubmission,
    ApplicationType,
)
from partners.models.form_tokens import FormTokenUsed, UsedFormToken
from partners.models.outbox import OutgoingEmail

__all__ = [
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationSubmission",
    "ApplicationType",
    "FormTokenUsed",
    "OutgoingEmail",
    "UsedFormToken",
]
