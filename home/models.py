"""The home page and the generic content pages (about, privacy, accessibility statement)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from catalogue.models import GuideIndexPage, ProjectIndexPage, ProjectPage, working_groups
from core.blocks import BodyBlock, CallToActionBlock
from core.models import BasePage, SiteSettings
from core.structured_data import organisation
from partners.models import PartnerIndexPage


class HomePage(BasePage):
    """The landing page of each language: what the initiative is and how to join."""

    lead = models.TextField(_("Lead"), help_text=_("One or two sentences under the title."))
    call_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name=_("Call to action"),
        blank=True,
        max_num=1,
    )
    body = StreamField(BodyBlock(), verbose_name=_("Body"), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        FieldPanel("call_to_action"),
        FieldPanel("body"),
    ]

    template = "pages/home_page.html"
    description_field = "lead"
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home pages")

    def working_group_cards(self):
        """The working groups (the catalogue's areas) in this page's language, with their
        live pages."""
        return working_groups(self.locale_id)

    def catalogue_highlights(self, count=3):
        """The newest projects of this language with the catalogue and the guides, or None
        while the catalogue is not live."""
        catalogue = ProjectIndexPage.live_in_locale(self.locale_id)
        if catalogue is None:
            return None
        projects = (
            ProjectPage.objects.live()
            .child_of(catalogue)
            .defer_streamfields()
            .order_by("-first_published_at", "-pk")[:count]
        )
        return {
            "catalogue": catalogue,
            "guides": GuideIndexPage.live_in_locale(self.locale_id),
            "projects": list(projects),
        }

    def partner_highlights(self, count=4):
        """The first partners of this language by tier, with their index, or None while the
        partner index is not live."""
        index = PartnerIndexPage.live_in_locale(self.locale_id)
        if index is None:
            return None
        return {"index": index, "partners": index.leading_partners(count)}

    def structured_data(self, request):
        return organisation(SiteSettings.for_request(request), self.locale.language_code, request)


class StandardPage(BasePage):
    """A page of text: about the initiative, privacy, accessibility statement."""

    lead = models.TextField(_("Lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Body"))

    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("body")]

    template = "pages/standard_page.html"
    description_field = "lead"

    class Meta:
        verbose_name = _("Standard page")
        verbose_name_plural = _("Standard pages")
