"""The admin's side of partner invitations: the page behind the invitation link (set a password,
then the admin), the "Invite as partner" step from an application, and the report of profiles
that SMO last checked more than a year ago."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import re_path, reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from core.models import SiteSettings
from partners.accounts.invitations import (
    InvitationError,
    already_invited,
    invitation_tokens,
    profile_for,
    profile_from_application,
)
from partners.accounts.reminders import stale_profiles
from partners.application.forms import WorkingGroupAnswers
from partners.models import ApplicationSubmission
from partners.models.profiles import VERIFY_PERMISSION

# Who may turn an application into a profile: those who may read applications (the
# "Přihlášky / Applications" group and superusers), as the submissions hook decides.
PROCESS_APPLICATIONS = "partners.view_applicationsubmission"


def forbidden(request):
    """A plain 403: Wagtail turns a raised PermissionDenied into a redirect to the dashboard,
    which would hide from a test, and a person, that the address itself is closed."""
    return permission_denied(request, PermissionDenied())


class AcceptInvitationView(auth_views.PasswordResetConfirmView):
    """Django's password-reset confirmation with the invitation's token: the link is swapped
    for a session-held token (no token in a Referer), the password set, the person signed in
    and sent to the admin. In the invitation's language, whatever the browser prefers."""

    token_generator = invitation_tokens
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    template_name = "partners/accept_invitation.html"
    success_url = reverse_lazy("wagtailadmin_home")

    def dispatch(self, request, *args, **kwargs):
        with translation.override(kwargs["language"]):
            response = super().dispatch(request, *args, **kwargs)
            # Rendered here, while the invitation's language is active.
            if hasattr(response, "render"):
                response.render()
        return response

    def render_to_response(self, context, **response_kwargs):
        if not self.validlink:
            # Expired, used, tampered with or for nobody: gone, and said so.
            response_kwargs.setdefault("status", 410)
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            language=translation.get_language(),
            login_url=reverse("wagtailadmin_login"),
            contact_email=SiteSettings.for_request(self.request).contact_email,
        )
        return context


def invitation_url_patterns():
    """The link's address, in the project's URLconf ahead of the admin's (whose own URLs all
    require a signed-in user)."""
    languages = "|".join(code for code, _name in settings.LANGUAGES)
    return [
        re_path(
            # Any segments: a mangled link gets the page that explains it, not the admin's login.
            rf"^admin/partner-invitation/(?P<language>{languages})/(?P<uidb64>[^/]+)/(?P<token>[^/]+)/$",
            AcceptInvitationView.as_view(),
            name="partner_invitation",
        )
    ]


class InviteApplicantView(WagtailAdminTemplateMixin, TemplateView):
    """One application to a draft profile and an invitation, after one confirmation."""

    template_name = "partners/invite_applicant.html"
    page_title = gettext_lazy("Invite as partner")
    header_icon = "user"

    def dispatch(self, request, submission_id):
        if not request.user.has_perm(PROCESS_APPLICATIONS):
            return forbidden(request)
        self.submission = get_object_or_404(
            ApplicationSubmission.objects.select_related("page"), pk=submission_id
        )
        return super().dispatch(request, submission_id)

    def list_url(self):
        page = self.submission.page
        default = page.get_translations(inclusive=True).filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
        return reverse("wagtailforms:list_submissions", args=[(default.first() or page).pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(submission=self.submission, list_url=self.list_url())
        context["invitation"] = already_invited(self.submission)
        try:
            model, data = profile_for(self.submission)
        except InvitationError as error:
            context["problem"] = str(error)
        else:
            # The working group by its name in the admin's language, not by its code.
            data = WorkingGroupAnswers(self.submission.page.specific_deferred).readable(data)
            context.update(profile_type=model._meta.verbose_name, data=data)
        context["language_name"] = self.submission.get_language_display()
        return context

    def post(self, request, submission_id):
        try:
            invitation = profile_from_application(self.submission, invited_by=request.user)
        except InvitationError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        page = invitation.page
        messages.success(
            request,
            _(
                "The draft profile %(title)s was created in both languages and %(email)s was "
                "invited (in %(language)s)."
            )
            % {
                "title": page.title,
                "email": invitation.user.email,
                "language": invitation.get_language_display(),
            },
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Edit the draft")
                )
            ],
        )
        return redirect(self.list_url())


class StaleProfilesView(ReportView):
    """Profiles SMO last approved more than a year ago, oldest first: for SMO's editors, whose
    partners `remind_stale_partners` reminds."""

    page_title = gettext_lazy("Profiles to check")
    header_icon = "time"
    index_url_name = "partners_stale_profiles"
    index_results_url_name = "partners_stale_profiles_results"
    list_export = ["title", "profile_type", "language", "last_verified_at"]
    export_headings = {
        "title": gettext_lazy("Organisation"),
        "profile_type": gettext_lazy("Type"),
        "language": gettext_lazy("Language"),
        "last_verified_at": gettext_lazy("Last checked"),
    }
    columns = [
        TitleColumn(
            "title", label=gettext_lazy("Organisation"), url_name="wagtailadmin_pages:edit"
        ),
        Column("profile_type", label=gettext_lazy("Type")),
        Column("language", label=gettext_lazy("Language")),
        DateColumn("last_verified_at", label=gettext_lazy("Last checked")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VERIFY_PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return stale_profiles()

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            page.profile_type = page.content_type.model_class()._meta.verbose_name
            page.language = page.locale.get_display_name()
        return object_list

    def get_index_url(self):
        return reverse(self.index_url_name)
