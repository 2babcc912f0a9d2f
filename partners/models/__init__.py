"""The partners app's models: the application form and used form tokens (partner profiles
follow). The form's e-mails wait in core's outbox (core.OutgoingEmail)."""

from partners.application_types import ApplicationType
from partners.models.application_form import (
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationSubmission,
)
from partners.models.form_tokens import FormTokenUsed, UsedFormToken

__all__ = [
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationSubmission",
    "ApplicationType",
    "FormTokenUsed",
    "UsedFormToken",
]
