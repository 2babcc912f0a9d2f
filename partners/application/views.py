"""The admin's views of application-form submissions: one list per form, export and delete.

Submissions are personal data: who may see them is decided in one place, the
`filter_form_submissions_for_user` hook (partners/wagtail_hooks.py), which every one of Wagtail's
submission views consults. Each export and each deletion is written to Wagtail's audit log.
"""

import datetime
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import (
    DeleteSubmissionsView,
    FormPagesListView,
    SubmissionsListView,
)
from wagtail.log_actions import log

from core.spreadsheets import as_spreadsheet_text
from partners.application.forms import WorkingGroupAnswers

EXPORT_ACTION = "partners.submissions.export"
# Applications that can become a profile (partners/accounts/invitations.py): "Invite as partner".
INVITABLE_TYPES = ("sponsorship", "startup")
DELETE_ACTION = "partners.submissions.delete"
# Deleted by `manage.py purge_submissions` when the retention period is over.
PURGE_ACTION = "partners.submissions.purge"


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

    def get_base_queryset(self):
        # Whether each application already became a profile, in the same query.
        return super().get_base_queryset().select_related("partner_invitation__page")

    @cached_property
    def working_groups(self):
        # Named in the language of the person reading the list or the export.
        return WorkingGroupAnswers(self.form_page)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            name_working_groups(context, self.working_groups)
            add_invite_column(context)
        return context

    def to_row_dict(self, item):
        return self.working_groups.readable(super().to_row_dict(item))

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


def invite_cell(submission):
    """The link to make a profile of a sponsorship or start-up application, or to its profile."""
    try:
        invitation = submission.partner_invitation
    except ObjectDoesNotExist:
        invitation = None
    if invitation is not None:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[invitation.page_id]),
            invitation.page.title,
        )
    if submission.application_type in INVITABLE_TYPES:
        return format_html(
            '<a class="button button-small" href="{}">{}</a>',
            reverse("partners_invite_applicant", args=[submission.pk]),
            _("Invite as partner"),
        )
    return ""


def name_working_groups(context, working_groups):
    """The list's working-group cells by the area's name instead of the stored code."""
    columns = [
        index
        for index, heading in enumerate(context["data_headings"])
        if heading["name"] in working_groups.fields
    ]
    for row in context["data_rows"]:
        for index in columns:
            row["fields"][index] = working_groups.name(row["fields"][index])


def add_invite_column(context):
    submissions = {submission.pk: submission for submission in context["submissions"]}
    context["data_headings"].append({"name": "partner", "label": _("Partner profile")})
    for row in context["data_rows"]:
        row["fields"].append(invite_cell(submissions[row["model_id"]]))


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
