"""The admin's views of application-form submissions: one list per form, export and delete.

Submissions are personal data: who may see them is decided in one place, the
`filter_form_submissions_for_user` hook (partners/wagtail_hooks.py), which every one of Wagtail's
submission views consults. Each export and each deletion is written to Wagtail's audit log.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import (
    DeleteSubmissionsView,
    FormPagesListView,
    SubmissionsListView,
)
from wagtail.log_actions import log

from core.spreadsheets import as_spreadsheet_text

EXPORT_ACTION = "partners.submissions.export"
DELETE_ACTION = "partners.submissions.delete"


def local_time_for_xlsx(value):
    """Submission times as the site's people read them, Prague time (TIME_ZONE), not UTC; a
    spreadsheet cell holds no time zone, so the wall-clock time is written."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def local_time_for_csv(value):
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


class ApplicationSubmissionsListView(SubmissionsListView):
    """Both languages' submissions with their delivery state; exports that keep text as text."""

    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        datetime.datetime: {
            SubmissionsListView.FORMAT_XLSX: local_time_for_xlsx,
            SubmissionsListView.FORMAT_CSV: local_time_for_csv,
        },
        # XLSX needs no prefix: Wagtail already stores formula-like cells as text there.
        str: {SubmissionsListView.FORMAT_CSV: as_spreadsheet_text},
    }

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            log(
                self.form_page,
                EXPORT_ACTION,
                user=self.request.user,
                data={
                    "count": context["submissions"].count(),
                    "format": self.request.GET["export"],
                },
            )
        return super().render_to_response(context, **response_kwargs)

    def stream_csv(self, queryset):
        # A byte order mark makes spreadsheet programs read the UTF-8 (Czech diacritics) right.
        yield "\ufeff".encode()
        yield from super().stream_csv(queryset)


class ApplicationSubmissionsDeleteView(DeleteSubmissionsView):
    """Wagtail's deletion, for those allowed to delete submissions, and logged with the count."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("partners.delete_applicationsubmission"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def handle_delete(self, submissions):
        count = submissions.count()
        super().handle_delete(submissions)
        log(self.page, DELETE_ACTION, user=self.request.user, data={"count": count})


class FormPagesIndexView(FormPagesListView):
    """Wagtail's list of forms, open to whoever may see some form's submissions.

    Wagtail's own asks for a page permission as well; the applications group has none and
    needs none.
    """

    any_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not get_forms_for_user(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        # Each form lists the submissions of every language (ApplicationFormPage.
        # get_submissions): one row per form, the Czech one, not one per language.
        return super().get_base_queryset().filter(locale__language_code=settings.LANGUAGE_CODE)
