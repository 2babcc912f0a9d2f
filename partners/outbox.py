"""Writing a submission's e-mails into the outbox, and delivering what is due.

E-mails are plain text only: whatever a visitor typed (HTML or script included) arrives as the
literal text and is never interpreted by a mail client.
"""

import datetime
import logging
import re

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.models import SiteSettings
from partners.form_names import APPLICATION_TYPE_FIELD
from partners.models import ApplicationType, OutgoingEmail

logger = logging.getLogger(__name__)

SUBJECT_NAME_MAX_LENGTH = 80


def one_line(text, max_length=None):
    """Text safe for a header: whitespace (line breaks included) collapsed, length limited."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    if max_length and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


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
    """Store the notification to the site and the confirmation to the applicant as pending."""
    name, email = applicant(page, form)
    application_type = form.cleaned_data[APPLICATION_TYPE_FIELD]
    site_settings = SiteSettings.for_site(page.get_site())
    messages = []

    # The notification is read by the site's team, in the site's default language.
    with translation.override(settings.LANGUAGE_CODE):
        labels = field_labels(page)
        type_label = str(ApplicationType(application_type).label)
        fields = [
            (labels.get(field.name, field.label), display_value(form.cleaned_data[field.name]))
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
        subject = one_line(
            _("Lepší města – %(type)s: %(name)s")
            % {"type": type_label, "name": name or _("(no name)")}
        )
        messages.append(
            OutgoingEmail(
                submission=submission,
                kind=OutgoingEmail.Kind.NOTIFICATION,
                to="\n".join(notification_recipients(page)),
                reply_to=email,
                subject=subject,
                body=body,
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
                OutgoingEmail(
                    submission=submission,
                    kind=OutgoingEmail.Kind.CONFIRMATION,
                    to=email,
                    reply_to=site_settings.contact_email,
                    subject=one_line(_("Lepší města: we have received your submission")),
                    body=body,
                )
            )
    return OutgoingEmail.objects.bulk_create(messages)


def deliver(ids=None, should_stop=None):
    """Send the pending messages that are due (or those in `ids`); return (sent, failed).

    Each message is locked while it is sent (skip_locked: two workers never take the same
    row), and a message that was sent meanwhile is no longer pending, so none goes out twice.
    `should_stop()` is asked before each message: the mail worker stops between two messages.
    """
    due = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
    if ids is None:
        due = due.filter(next_attempt_at__lte=timezone.now())
    else:
        due = due.filter(pk__in=ids)
    sent = failed = 0
    for pk in list(due.values_list("pk", flat=True)):
        if should_stop and should_stop():
            break
        with transaction.atomic():
            message = (
                OutgoingEmail.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=OutgoingEmail.Status.PENDING)
                .first()
            )
            if message is None:
                continue
            try:
                message.as_email_message(connection=get_connection()).send()
            # Whatever the backend raises (refusal, timeout, a bug), the message waits for
            # its next attempt and the ones after it are still tried.
            except Exception as exc:  # noqa: BLE001
                logger.warning("E-mail %s not sent (attempt %s): %s", pk, message.attempts, exc)
                message.record_failure(exc)
                failed += 1
            else:
                message.record_sent()
                sent += 1
    return sent, failed
