"""The catalogue in the admin: areas and topics under one "Catalogue" menu; the catalogue as
the search's suggestion when nothing matches."""

from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.patches.admin_language import LocalizedSnippetViewSet

from .models import Area, ProjectIndexPage, Topic


@hooks.register("search_suggestions")
def browse_the_catalogue(request):
    catalogue = ProjectIndexPage.live_in_locale(Locale.get_active().pk)
    if catalogue is None:
        return []
    text = gettext(
        'Browse the <a href="{url}">catalogue of projects</a> by area, town size or budget.'
    )
    return [format_html(text, url=catalogue.get_url(request))]


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
