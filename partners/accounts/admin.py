"""The partners' admin: a dashboard that leads to their own profile, a menu with only their
images and documents, and refusals where Wagtail's page permissions alone would not do.

A partner's group may change its own profile (partners/accounts/access.py), which Wagtail turns into
edit, preview, history and "submit for moderation". Everything that changes the page tree or
publication — add, copy, move, delete, unpublish, convert an alias — is refused here as well,
for a partner's own profile too, so that a permission added to the group by mistake later does
not open it. Registered by partners/wagtail_hooks.py.
"""

import functools
import json
from io import BytesIO

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.models import TaskState, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile
from wagtail_localize.models import OverridableSegment

from partners.accounts.access import own_profiles
from partners.accounts.moderation import outdated_translations, usual_review_time
from partners.accounts.scope import (
    PUBLIC_VOCABULARY,
    all_within,
    choosable,
    is_partner,
    media_permission_policy,
    pages_in_view,
)
from partners.profiles.admin_forms import chosen_objects, refusal

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
        outdated = outdated_translations(self.pages)
        profiles = []
        for page in self.pages:
            state, comment = profile_state(page)
            profiles.append(
                {
                    "page": page,
                    "state": state,
                    "comment": comment,
                    "in_moderation": state == ProfileState.IN_MODERATION,
                    "behind_source": page.pk in outdated,
                }
            )
        return {"profiles": profiles, "usual_review_time": usual_review_time()}


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


def partners_choose_pages_in_view(pages, request):
    """The page chooser (links in a description) offers a partner its own profiles and the pages
    above them, no other page: not a draft such as a press release under embargo, nor the draft
    title of a live page."""
    if is_partner(request.user):
        return pages.filter(pk__in=pages_in_view(request.user).values("pk"))
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
#   translation, and the page goes offline (core/patches/translation_drafts.py keeps such aliases
#   offline): an unpublication that no moderator approved. "Stop translation", "sync" and
#   "submit for translation" are SMO's decisions too;
# - the press office's list of releases, which has nothing of a partner's.
REFUSED_NAMESPACES = {"wagtailadmin_reports", "press_releases"}
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


# Views that show a partner what is not its own, whatever it may see elsewhere, with no hook to
# narrow them: each answers a partner only when its check holds (partners/accounts/scope.py says
# what a partner sees).


def parent_page_in_view(request, kwargs):
    # The explorer and the page chooser list the children a user may see, but name the page
    # they list, any page by its id, drafts included.
    return pages_in_view(request.user).filter(pk=kwargs["parent_page_id"]).exists()


def chosen_pages_in_view(request, kwargs):
    # The page chooser's answer for several pages gives the title of every id it is sent.
    return all_within(pages_in_view(request.user), request.GET.getlist("id"))


def untyped_page_chooser(request, kwargs):
    # Given a page type, the chooser opens at the pages of that type wherever they are (at their
    # common ancestor: a draft, if it is the only one); a profile's links need no type.
    return request.GET.get("page_type", "").lower() in ("", "wagtailcore.page")


def choosable_image(request, kwargs):
    # The image chooser's format step shows the title and a rendition of any image id.
    return all_within(choosable(request.user, get_image_model()), [str(kwargs["image_id"])])


def requested_model(kwargs):
    try:
        return apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError:
        return None


def public_vocabulary_api(request, kwargs):
    # wagtail-localize's snippet API lists every snippet of a model, press contacts included, to
    # anyone who may use the admin.
    model = requested_model(kwargs)
    return model is not None and issubclass(model, PUBLIC_VOCABULARY)


def own_media_in_bulk(request, kwargs):
    # A bulk action's confirmation names every object it is sent, those the user may not act on
    # included. A partner acts on no page in bulk (it publishes, moves and deletes none), and on
    # its own images and documents only; "all" is what Wagtail lists for it: its own.
    model = requested_model(kwargs)
    policy = model and media_permission_policy(model)
    if policy is None:
        return False
    ids = request.GET.getlist("id")
    own = policy.instances_user_has_permission_for(request.user, "change")
    return "all" in ids or all_within(own, ids)


SCOPED_VIEWS = {
    "wagtailadmin_explore": parent_page_in_view,
    "wagtailadmin_explore_results": parent_page_in_view,
    "wagtailadmin_choose_page_child": parent_page_in_view,
    "wagtailadmin_choose_page": untyped_page_chooser,
    "wagtailadmin_choose_page_chosen_multiple": chosen_pages_in_view,
    "wagtailimages_chooser:select_format": choosable_image,
    "wagtail_bulk_action": own_media_in_bulk,
    "wagtail_localize:snippets_api_listing": public_vocabulary_api,
    "wagtail_localize:snippets_api_detail": public_vocabulary_api,
}


@functools.cache
def snippet_choosers():
    """{URL namespace of a snippet model's chooser: the model}."""
    return {
        model.snippet_viewset.get_chooser_admin_url_namespace(): model
        for model in get_snippet_models()
    }


def public_vocabulary_chooser(request, kwargs):
    # Snippet choosers list and return every snippet of their model to anyone who may use the
    # admin; a partner's are the public vocabulary's.
    return issubclass(snippet_choosers()[request.resolver_match.namespace], PUBLIC_VOCABULARY)


def form_fields(request):
    """The fields of a PUT's form (Django parses only a POST's); the view can still read it."""
    if request.content_type == "multipart/form-data":
        parser = MultiPartParser(
            request.META, BytesIO(request.body), request.upload_handlers, request.encoding
        )
        return parser.parse()[0]
    return QueryDict(request.body, encoding=request.encoding)


def override_refusal(request, kwargs):
    """wagtail-localize keeps whatever a translation's override of a synchronised field is sent
    (edit_override, no hook), so the English profile's logo could be any image id. A partner's
    chosen object must be one it may choose, or the source page's own: the answer is a 400 with
    the form error, in the editor's language; None lets the view save it."""
    if request.method != "PUT":
        return None
    segment = (
        OverridableSegment.objects.filter(pk=kwargs["overridable_segment_id"])
        .select_related("context", "source__specific_content_type")
        .first()
    )
    if segment is None:
        return None
    page_model = segment.source.specific_content_type.model_class()
    try:
        model_field = page_model._meta.get_field(segment.context.path)
    except FieldDoesNotExist:
        # A value inside a StreamField: a profile's blocks are synchronised, never overridden.
        return None
    try:
        value = form_fields(request).get("value")
    except MultiPartParserError:
        return None  # The view's own parser refuses it too: a 400, nothing saved.
    source_value = chosen_objects(model_field, json.loads(segment.data_json))
    for model, pk in chosen_objects(model_field, value) - source_value:
        if not all_within(choosable(request.user, model), [pk]):
            with translation.override(admin_language(request.user)):
                return JsonResponse({"value": [str(refusal(model))]}, status=400)
    return None


def admin_language(user):
    return UserProfile.get_for_user(user).get_preferred_language()


def scope_check(match):
    """The check a partner's request must pass for this view, None if it has none."""
    if match.view_name in SCOPED_VIEWS:
        return SCOPED_VIEWS[match.view_name]
    if match.namespace in snippet_choosers():
        return public_vocabulary_chooser
    return None


class PartnerAdminScopeMiddleware:
    """Partners get 403 for the refused views above, and for the scoped ones unless their check
    holds; an override of another collection's image is answered with its form error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        refused = REFUSED_NAMESPACES.intersection(match.namespaces) or (
            match.view_name in REFUSED_VIEWS
        )
        check = scope_check(match)
        is_override = match.view_name == "wagtail_localize:edit_override"
        if not (refused or check or is_override) or not is_partner(request.user):
            return None
        if refused or (check and not check(request, view_kwargs)):
            raise PermissionDenied
        return override_refusal(request, view_kwargs) if is_override else None
