"""The partners' admin: a dashboard that leads to their own profile, a menu with only their
images and documents, and refusals where Wagtail's page permissions alone would not do.

A partner's group may change its own profile (partners/accounts/access.py), which Wagtail turns into
edit, preview, history and "submit for moderation". Everything that changes the page tree or
publication — add, copy, move, delete, unpublish, convert an alias — is refused here as well,
for a partner's own profile too, so that a permission added to the group by mistake later does
not open it. Registered by partners/wagtail_hooks.py.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.models import TaskState, WorkflowState

from partners.accounts.access import is_partner, own_profiles

# The only main menu items a partner uses: its own collection's images and documents.
PARTNER_MENU_ITEMS = {"images", "documents"}


class ProfileState:
    LIVE = _("Live")
    DRAFT = _("Draft")
    IN_MODERATION = _("In moderation")
    CHANGES_REQUESTED = _("Changes requested")


def profile_state(page):
    """(state, the moderator's comment if they asked for changes) of one profile page."""
    if page.workflow_in_progress:
        return ProfileState.IN_MODERATION, ""
    last = page.workflow_states.order_by("-created_at").first()
    if last is not None and last.status == WorkflowState.STATUS_NEEDS_CHANGES:
        rejected = last.task_states.filter(status=TaskState.STATUS_REJECTED).last()
        return ProfileState.CHANGES_REQUESTED, rejected.comment if rejected else ""
    if page.live and not page.has_unpublished_changes:
        return ProfileState.LIVE, ""
    return ProfileState.DRAFT, ""


class ProfilePanel(Component):
    name = "partners_own_profile"
    template_name = "partners/admin/profile_panel.html"
    order = 10

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        profiles = []
        for page in self.pages:
            state, comment = profile_state(page)
            profiles.append({"page": page, "state": state, "comment": comment})
        return {"profiles": profiles}


def partner_dashboard(request, panels):
    """A partner's dashboard is its profile, nothing about other people's content."""
    if is_partner(request.user):
        panels[:] = [ProfilePanel(list(own_profiles(request.user)))]


def partner_summary_items(request, items):
    if is_partner(request.user):
        items.clear()


def partner_main_menu(request, menu_items):
    if is_partner(request.user):
        menu_items[:] = [item for item in menu_items if item.name in PARTNER_MENU_ITEMS]


def refuse_partners(request, *args, **kwargs):
    """Partners only edit: no page is added, copied, moved, deleted, unpublished or converted."""
    if is_partner(request.user):
        raise PermissionDenied


def refuse_editing_others(request, page):
    # Wagtail refuses this already (the group may change only its profile); kept as the second
    # lock because wagtail-localize's translation editor answers the same URL.
    if is_partner(request.user) and not own_profiles(request.user).filter(pk=page.pk).exists():
        raise PermissionDenied


def live_pages_only_for_partners(pages, request):
    """The page chooser (links in a description) shows partners only what visitors see:
    no draft, such as a press release under embargo."""
    if is_partner(request.user):
        return pages.filter(live=True)
    return pages


def _refuse_restricted(item, request, permission_policy):
    """A partner's login is no SMO login: a file in a collection "private, for logged-in users"
    is served to a partner only from its own collection."""
    if not is_partner(request.user):
        return None
    own = permission_policy.collections_user_has_permission_for(request.user, "change")
    restricted = item.collection.get_view_restrictions().exists()
    if restricted and not own.filter(pk=item.collection_id).exists():
        raise PermissionDenied
    return None


def refuse_restricted_documents(document, request):
    return _refuse_restricted(document, request, document_permission_policy)


def refuse_restricted_images(image, request):
    """Original images and renditions under /media/ (core/media.py's before_serve_image)."""
    return _refuse_restricted(image, request, image_permission_policy)


# Views that Wagtail and wagtail-localize open to anyone who may change some page, with no hook
# to refuse them:
# - reports list pages, titles and people from the whole site (page types usage names the last
#   edited page of each type, drafts included; wagtail-localize's report lists every translation);
# - wagtail-localize's views that change how a translation is kept: "convert to alias" lets
#   anyone who may edit the English page replace it with the Czech content and delete its
#   translation, and the page goes offline (core/translation_drafts.py keeps such aliases
#   offline): an unpublication that no moderator approved. "Stop translation", "sync" and
#   "submit for translation" are SMO's decisions too.
REFUSED_NAMESPACES = {"wagtailadmin_reports"}
REFUSED_VIEWS = {
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
    "wagtail_localize:convert_to_alias",
    "wagtail_localize:stop_translation",
    "wagtail_localize:update_translations",
    "wagtail_localize:submit_page_translation",
    "wagtail_localize:submit_snippet_translation",
    "sync_translations_without_publishing",
    "untranslated_pages",
    "untranslated_pages_results",
    "login_attempts",
    "login_attempts_results",
}


class PartnerAdminScopeMiddleware:
    """Partners get 403 for the views above."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        refused = REFUSED_NAMESPACES.intersection(match.namespaces) or (
            match.view_name in REFUSED_VIEWS
        )
        if refused and is_partner(request.user):
            raise PermissionDenied
        return None
