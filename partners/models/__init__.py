"""The partners app's models: the application form and its outbox (partner profiles follow)."""

from partners.models.application_form import (
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationSubmission,
    ApplicationType,
)
from partners.models.outbox import OutgoingEmail

__all__ = [
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationSubmission",
    "ApplicationType",
    "OutgoingEmail",
]
