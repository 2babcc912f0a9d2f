"""The working groups: their index and one page per group, and the list the home page shows."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from catalogue.blocks import MemberBlock
from catalogue.models.catalogue_index import ProjectIndexPage
from catalogue.models.guides import GuidePage
from catalogue.models.projects import ProjectPage
from catalogue.models.vocabulary import Area, in_source_language
from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage
from core.querysets import localized


class WorkingGroupIndexPage(BasePage):
    """The working groups of a language: one card per area."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    template = "pages/catalogue/working_group_index_page.html"
    description_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalogue.WorkingGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Working group index")
        verbose_name_plural = _("Working group indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = working_groups(self.locale_id)
        return context


class WorkingGroupPage(BasePage):
    """One working group: its mission, members, guides and projects, and how to join it."""

    area = models.ForeignKey(
        Area,
        verbose_name=_("Area"),
        on_delete=models.PROTECT,
        related_name="working_groups",
        limit_choices_to=in_source_language,
    )
    mission = RichTextField(_("Mission"), features=RICH_TEXT_FEATURES)
    members = StreamField([("member", MemberBlock())], verbose_name=_("Members"), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("area"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("area"),
        FieldPanel("mission"),
        FieldPanel("members"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("mission")]

    template = "pages/catalogue/working_group_page.html"
    description_field = "mission"
    parent_page_types = ["catalogue.WorkingGroupIndexPage"]
    subpage_types = []

    # The newest projects shown; the catalogue, filtered by the area, lists them all.
    PROJECTS_SHOWN = 5

    class Meta:
        verbose_name = _("Working group")
        verbose_name_plural = _("Working groups")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        [area] = localized([self.area], self.locale_id)
        projects = ProjectPage.objects.live().filter(area=self.area, locale_id=self.locale_id)
        context.update(
            area=area,
            guides=GuidePage.objects.live()
            .filter(area=self.area, locale_id=self.locale_id)
            .order_by("title"),
            projects=projects.order_by("-start_year", "-first_published_at")[: self.PROJECTS_SHOWN],
            project_count=projects.count(),
            catalogue=ProjectIndexPage.live_in_locale(self.locale_id),
        )
        return context


def working_groups(locale_id):
    """[(area in the language, its live working-group page or None)], in the areas' order.

    Every area of the default language is listed, in translation where one exists: a group is
    never missing from one language's list.
    """
    areas = list(Area.objects.in_source_language())
    if not areas:
        return []
    pages = {
        page.area_id: page
        for page in WorkingGroupPage.objects.live()
        .filter(locale_id=locale_id, area__in=areas)
        .order_by("-path")
    }
    return list(zip(localized(areas, locale_id), [pages.get(a.pk) for a in areas], strict=True))
