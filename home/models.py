"""The home page and the generic content pages (about, privacy, accessibility statement)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.blocks import BodyBlock, CallToActionBlock
from core.models import BasePage


class WorkingGroupBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=100)
    description = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "group"
        label = _("Working group")


# The pictogram of each working group on the home page, in the order the groups are listed
# (transport, energy, ICT, smart governance). Position, not a field: the catalogue's working-group
# snippets will carry their own pictogram, and then this goes.
WORKING_GROUP_PICTOGRAMS = (
    "img/groups/transport.svg",
    "img/groups/energy.svg",
    "img/groups/ict.svg",
    "img/groups/governance.svg",
)


class HomePage(BasePage):
    """The landing page of each language: what the initiative is and how to join."""

    lead = models.TextField(_("Lead"), help_text=_("One or two sentences under the title."))
    working_groups = StreamField(
        [("working_group", WorkingGroupBlock())],
        verbose_name=_("Working groups"),
        blank=True,
    )
    call_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name=_("Call to action"),
        blank=True,
        max_num=1,
    )
    body = StreamField(BodyBlock(), verbose_name=_("Body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        FieldPanel("working_groups"),
        FieldPanel("call_to_action"),
        FieldPanel("body"),
    ]

    template = "pages/home_page.html"
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Home page")

    def working_group_cards(self):
        """The working groups with their pictograms (None for a group beyond the four)."""
        return [
            (
                block.value,
                WORKING_GROUP_PICTOGRAMS[i] if i < len(WORKING_GROUP_PICTOGRAMS) else None,
            )
            for i, block in enumerate(self.working_groups)
        ]


class StandardPage(BasePage):
    """A page of text: about the initiative, privacy, accessibility statement."""

    lead = models.TextField(_("Lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Body"))

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("body")]

    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("Standard page")
