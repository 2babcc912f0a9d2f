"""The catalogue in the admin: areas and topics under one "Catalogue" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.admin_language import LocalizedSnippetViewSet

from .models import Area, Topic


class AreaViewSet(LocalizedSnippetViewSet):
    model = Area
    icon = "group"
    list_display = ["name", "slug"]


class TopicViewSet(LocalizedSnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "area", "slug"]
    list_filter = ["area"]


class CatalogueSnippetsGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (AreaViewSet, TopicViewSet)


register_snippet(CatalogueSnippetsGroup)
