"""Press in the admin: the list of releases, and contacts and about boxes under one "Press" menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.dashboard import Shortcut
from core.patches.admin_language import LocalizedSnippetViewSet

from .models import Boilerplate, PressContact, PressReleasePage
from .views import PressReleaseListingViewSet, awaiting_approval


class PressContactViewSet(LocalizedSnippetViewSet):
    model = PressContact
    icon = "user"
    list_display = ["name", "organisation", "role", "phone", "email"]


class BoilerplateViewSet(LocalizedSnippetViewSet):
    model = Boilerplate
    icon = "doc-full"
    list_display = ["title"]


class PressSnippetsGroup(SnippetViewSetGroup):
    menu_label = _("Press")
    menu_icon = "mail"
    menu_order = 300
    items = (PressContactViewSet, BoilerplateViewSet)


register_snippet(PressSnippetsGroup)


press_release_listing = PressReleaseListingViewSet()


@hooks.register("register_admin_viewset")
def register_press_release_listing():
    return press_release_listing


@hooks.register("dashboard_shortcuts")
def press_shortcuts(request):
    if not page_permission_policy.user_has_any_permission(request.user, ["add", "change"]):
        return []
    listing = reverse(press_release_listing.get_url_name("index"))
    return [
        Shortcut(
            _("New release"), reverse(press_release_listing.get_url_name("choose_parent")), "plus"
        ),
        Shortcut(
            _("Releases awaiting approval"),
            f"{listing}?status=awaiting_approval",
            "tasks",
            count=awaiting_approval(PressReleasePage.objects.all()).count(),
        ),
    ]
