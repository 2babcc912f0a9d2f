"""Press in the admin: the list of releases, and contacts and about boxes under one "Press" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Boilerplate, PressContact
from .views import PressReleaseListingViewSet


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    list_display = ["name", "organisation", "role", "phone", "email"]


class BoilerplateViewSet(SnippetViewSet):
    model = Boilerplate
    icon = "doc-full"
    list_display = ["title"]


class PressSnippetsGroup(SnippetViewSetGroup):
    menu_label = _("Press")
    menu_icon = "mail"
    menu_order = 300
    items = (PressContactViewSet, BoilerplateViewSet)


register_snippet(PressSnippetsGroup)


@hooks.register("register_admin_viewset")
def register_press_release_listing():
    return PressReleaseListingViewSet()
