"""Admin integration: who may see applications, their audit trail, the dashboard's shortcut to
new applications and its warning about e-mails that could not be delivered."""

from datetime import date, timedelta
from urllib.parse import urlsplit

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.contrib.forms.utils import get_form_types, get_forms_for_user
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from core.dashboard import Shortcut
from core.models import OutgoingEmail
from core.querysets import without_view_restrictions
from partners.accounts import admin as admin_partner

# Partner invitations and the profiles to check register their own hooks; moderation tells a
# partner what follows its submission (registered below).
from partners.accounts import (
    invitation_hooks,  # noqa: F401
    moderation,
)
from partners.application.views import (
    DELETE_ACTION,
    EXPORT_ACTION,
    PURGE_ACTION,
    ApplicationSubmissionsDeleteView,
    FormPagesIndexView,
)
from partners.models import ApplicationFormPage, ApplicationSubmission

# Applications are personal data ---------------------------------------------------------------


@hooks.register("filter_form_submissions_for_user")
def only_applications_staff_see_submissions(user, editable_forms):
    """Every submissions view (list, export, delete), the forms menu and the dashboard ask this.

    Editing a page does not make its applications one's business: only superusers and the
    "Přihlášky / Applications" group see them, and that group needs no right to edit pages.
    """
    if not user.has_perm("partners.view_applicationsubmission"):
        return editable_forms.none()
    return Page.objects.filter(content_type__in=get_form_types())


@hooks.register("register_permissions")
def register_submission_permissions():
    # So that Settings → Groups can give them to a group other than the one the migration made.
    return Permission.objects.filter(
        content_type__app_label="partners",
        codename__in=["view_applicationsubmission", "delete_applicationsubmission"],
    )


@hooks.register("register_admin_urls")
def register_submission_urls():
    # Ahead of Wagtail's own URLs for the same paths (partners precedes wagtail.contrib.forms in
    # INSTALLED_APPS), so reverse("wagtailforms:…") keeps working and leads here.
    return [
        path("forms/", FormPagesIndexView.as_view(), name="partners_forms_index"),
        path(
            "forms/results/",
            FormPagesIndexView.as_view(results_only=True),
            name="partners_forms_index_results",
        ),
        path(
            "forms/submissions/<int:page_id>/delete/",
            ApplicationSubmissionsDeleteView.as_view(),
            name="partners_delete_submissions",
        ),
    ]


def holds_submissions(pages):
    """True if deleting these pages would delete submissions with them: the pages' subtrees,
    and those of their translations, which Wagtail deletes along with them."""
    translations = Page.objects.filter(translation_key__in=[page.translation_key for page in pages])
    subtrees = Q()
    for page in translations:
        subtrees |= Q(page__path__startswith=page.path)
    return ApplicationSubmission.objects.filter(subtrees).exists()


def refuse_deleting_submissions(request, pages):
    if request.user.is_superuser or not holds_submissions(pages):
        return None
    messages.error(
        request,
        ngettext(
            "This page cannot be deleted: it holds applications. Only an administrator can "
            "delete it.",
            "These pages cannot be deleted: they hold applications. Only an administrator can "
            "delete them.",
            len(pages),
        ),
    )
    next_url = get_valid_next_url_from_request(request)
    if next_url:
        return redirect(next_url)
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


@hooks.register("before_delete_page")
def keep_pages_holding_submissions(request, page):
    return refuse_deleting_submissions(request, [page])


@hooks.register("before_bulk_action")
def keep_pages_holding_submissions_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return refuse_deleting_submissions(request, objects)
    return None


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    @actions.register_action(EXPORT_ACTION)
    class ExportFormatter(LogFormatter):
        label = _("Export applications")

        def format_message(self, log_entry):
            count = log_entry.data.get("count", 0)
            return ngettext(
                "Exported %(count)d application as %(format)s",
                "Exported %(count)d applications as %(format)s",
                count,
            ) % {"count": count, "format": log_entry.data.get("format", "").upper()}

    @actions.register_action(DELETE_ACTION)
    class DeleteFormatter(LogFormatter):
        label = _("Delete applications")

        def format_message(self, log_entry):
            count = log_entry.data.get("count", 0)
            return ngettext(
                "Deleted %(count)d application",
                "Deleted %(count)d applications",
                count,
            ) % {"count": count}

    @actions.register_action(PURGE_ACTION)
    class PurgeFormatter(LogFormatter):
        label = _("Delete applications past the retention period")

        def format_message(self, log_entry):
            count = log_entry.data.get("count", 0)
            sent_before = date.fromisoformat(log_entry.data["before"])
            return ngettext(
                "Deleted %(count)d application sent before %(date)s, past the retention period",
                "Deleted %(count)d applications sent before %(date)s, past the retention period",
                count,
            ) % {"count": count, "date": date_format(sent_before)}


# Undelivered mail -----------------------------------------------------------------------------

# A message still pending after this long means the mail server has refused it several times.
PENDING_TOO_LONG = timedelta(hours=1)
# "New" applications on the dashboard: those of the last week.
NEW_APPLICATIONS = timedelta(days=7)


def undelivered_messages(forms):
    """The outbox's undelivered messages about these forms' submissions."""
    return OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.FAILED)
        | Q(
            status=OutgoingEmail.Status.PENDING,
            created_at__lt=timezone.now() - PENDING_TOO_LONG,
        ),
        application_submission__page__translation_key__in=forms.values("translation_key"),
    ).prefetch_related("about")


class UndeliveredMailPanel(Component):
    name = "partners_undelivered_mail"
    template_name = "partners/undelivered_mail_panel.html"
    # Above Wagtail's own panels: this needs an editor's attention.
    order = 50

    def __init__(self, messages):
        self.messages = messages

    def get_context_data(self, parent_context):
        return {"messages": self.messages}


@hooks.register("construct_homepage_panels")
def add_undelivered_mail_panel(request, panels):
    forms = get_forms_for_user(request.user)
    messages = list(undelivered_messages(forms)[:50])
    if messages:
        panels.append(UndeliveredMailPanel(messages))


@hooks.register("dashboard_shortcuts")
def new_applications_shortcut(request):
    forms = get_forms_for_user(request.user)
    if not forms.exists():
        return []
    new = ApplicationSubmission.objects.filter(
        page__translation_key__in=forms.values("translation_key"),
        submit_time__gte=timezone.now() - NEW_APPLICATIONS,
    )
    return [
        Shortcut(
            _("New applications (last 7 days)"),
            reverse("wagtailforms:index"),
            icon="form",
            count=new.count(),
        )
    ]


# Partners' own admin (partners/accounts/admin.py) ------------------------------------------------

# After every other app's panels, which a partner's dashboard replaces.
hooks.register("construct_homepage_panels", admin_partner.partner_dashboard, order=100)
hooks.register("construct_homepage_summary_items", admin_partner.partner_summary_items, order=100)
hooks.register("construct_main_menu", admin_partner.partner_main_menu, order=100)
for _action in (
    "before_create_page",
    "before_copy_page",
    "before_move_page",
    "before_delete_page",
    "before_unpublish_page",
    "before_convert_alias_page",
):
    # First, so that no other hook acts on a request that is refused anyway.
    hooks.register(_action, admin_partner.refuse_partners, order=-100)
hooks.register("before_edit_page", admin_partner.refuse_editing_others, order=-100)
hooks.register("after_edit_page", moderation.after_submission)
hooks.register("construct_page_chooser_queryset", admin_partner.partners_choose_pages_in_view)
hooks.register("before_serve_document", admin_partner.refuse_restricted_documents, order=-100)
hooks.register("before_serve_image", admin_partner.refuse_restricted_images, order=-100)


@hooks.register("robots_txt_disallow")
def thank_you_pages(request):
    """The form's thank-you pages, in every language: only a sent application leads there."""
    forms = without_view_restrictions(ApplicationFormPage.objects.live()).select_related("locale")
    return [urlsplit(form.thank_you_url(request)).path for form in forms]
