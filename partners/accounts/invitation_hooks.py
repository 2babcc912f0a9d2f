"""The admin hooks of partner invitations (imported at the end of partners/wagtail_hooks.py):
the "Invite as partner" step's address, the report of profiles to check in the Reports menu,
and the audit log's name for a profile made from an application."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from partners.accounts.invitation_views import InviteApplicantView, StaleProfilesView
from partners.accounts.invitations import FROM_APPLICATION_ACTION
from partners.models.profiles import VERIFY_PERMISSION


@hooks.register("register_admin_urls")
def register_invitation_urls():
    return [
        path(
            "partners/applications/<int:submission_id>/invite/",
            InviteApplicantView.as_view(),
            name="partners_invite_applicant",
        ),
        path(
            "reports/profiles-to-check/",
            StaleProfilesView.as_view(),
            name="partners_stale_profiles",
        ),
        path(
            "reports/profiles-to-check/results/",
            StaleProfilesView.as_view(results_only=True),
            name="partners_stale_profiles_results",
        ),
    ]


class StaleProfilesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VERIFY_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_stale_profiles_menu_item():
    return StaleProfilesMenuItem(
        _("Profiles to check"), reverse("partners_stale_profiles"), icon_name="time", order=750
    )


@hooks.register("register_log_actions")
def register_invitation_log_actions(actions):
    @actions.register_action(FROM_APPLICATION_ACTION)
    class FromApplicationFormatter(LogFormatter):
        label = _("Profile made from an application")

        def format_message(self, log_entry):
            return _("Profile made from an application; %(email)s invited") % {
                "email": log_entry.data.get("email", "")
            }
