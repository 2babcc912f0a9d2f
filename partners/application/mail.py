"""The application form's e-mails: the notification to the site's team and the confirmation
to the applicant, written into the outbox (core/outbox.py), which sends them.

E-mails are plain text only: whatever a visitor typed (HTML or script included) arrives as the
literal text and is never interpreted by a mail client.
"""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from core.models import SiteSettings
from core.outbox import one_line, queue_email, register_kind
from partners.application.forms import WorkingGroupAnswers
from partners.application.names import APPLICATION_TYPE_FIELD
from partners.application.types import ApplicationType

SUBJECT_NAME_MAX_LENGTH = 80

# The outbox's kinds of the form's messages, in the order a submission lists them.
NOTIFICATION = "application.notification"
CONFIRMATION = "application.confirmation"
KINDS = (NOTIFICATION, CONFIRMATION)
register_kind(NOTIFICATION, gettext_lazy("Notification"))
register_kind(CONFIRMATION, gettext_lazy("Confirmation"))


def display_value(value):
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return "" if value is None else str(value)


def notification_recipients(page):
    if page.to_address.strip():
        return [address.strip() for address in page.to_address.split(",") if address.strip()]
    return [SiteSettings.for_site(page.get_site()).contact_email]


def applicant(page, form):
    """The applicant's (name, e-mail) from the editors' fields: the field named "name" (or the
    first single-line field) and the first e-mail field."""
    fields = list(page.get_form_fields())
    data = form.cleaned_data
    name_field = next((f for f in fields if f.clean_name == "name"), None) or next(
        (f for f in fields if f.field_type == "singleline"), None
    )
    email_field = next((f for f in fields if f.field_type == "email"), None)
    name = data.get(name_field.clean_name, "") if name_field else ""
    email = data.get(email_field.clean_name, "") if email_field else ""
    return one_line(name, SUBJECT_NAME_MAX_LENGTH), email


def field_labels(page):
    """Labels by field name, taken from the page in the site's default language."""
    default = page.get_translation_or_none(Locale.get_default()) or page
    return {field.clean_name: field.label for field in default.specific.get_form_fields()}


def queue_submission_emails(page, submission, form):
    """Store the notification to the site and the confirmation to the applicant as pending;
    call it in the transaction that stores the submission. Returns the stored messages."""
    name, email = applicant(page, form)
    application_type = form.cleaned_data[APPLICATION_TYPE_FIELD]
    site_settings = SiteSettings.for_site(page.get_site())
    messages = []

    # The notification is read by the site's team, in the site's default language.
    with translation.override(settings.LANGUAGE_CODE):
        labels = field_labels(page)
        type_label = str(ApplicationType(application_type).label)
        answers = WorkingGroupAnswers(page).readable(form.cleaned_data)
        fields = [
            (labels.get(field.name, field.label), display_value(answers[field.name]))
            for field in form.builder_fields
        ]
        body = render_to_string(
            "emails/application_notification.txt",
            {
                "page_title": page.title,
                "type_label": type_label,
                "fields": fields,
                "language_name": str(dict(settings.LANGUAGES)[submission.language]),
                "submit_time": date_format(
                    timezone.localtime(submission.submit_time), "DATETIME_FORMAT"
                ),
                "admin_url": settings.WAGTAILADMIN_BASE_URL
                + reverse("wagtailforms:list_submissions", args=[page.pk]),
            },
        )
        messages.append(
            queue_email(
                kind=NOTIFICATION,
                about=submission,
                to=notification_recipients(page),
                reply_to=email,
                subject=_("Lepší města – %(type)s: %(name)s")
                % {"type": type_label, "name": name or _("(no name)")},
                body=body,
                language=settings.LANGUAGE_CODE,
            )
        )

    # The confirmation goes to an address anyone can type in, so it repeats nothing the
    # visitor typed: the form cannot be used to send someone else a message.
    if email:
        with translation.override(submission.language):
            body = render_to_string(
                "emails/application_confirmation.txt",
                {
                    "type_label": str(ApplicationType(application_type).label),
                    "confirmation_text": page.confirmation_text(application_type),
                    "contact_email": site_settings.contact_email,
                },
            )
            messages.append(
                queue_email(
                    kind=CONFIRMATION,
                    about=submission,
                    to=email,
                    reply_to=site_settings.contact_email,
                    subject=_("Lepší města: we have received your submission"),
                    body=body,
                    language=submission.language,
                )
            )
    return messages
