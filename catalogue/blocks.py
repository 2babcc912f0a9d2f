"""The structured parts of projects, working groups and guides: typed data that stays typed.

StreamField rows rather than related models, so that wagtail-localize translates their text
(indicators, line items, steps) while the numbers are copied unchanged.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import RICH_TEXT_FEATURES

from .choices import BudgetLineScaling, MemberRole, Sector


class MemberValue(blocks.StructValue):
    def sector_label(self):
        return Sector(self["sector"]).label

    def role_label(self):
        return MemberRole(self["role"]).label


class MemberBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Full name"), max_length=200)
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=200)
    sector = blocks.ChoiceBlock(label=_("Sector"), choices=Sector.choices)
    role = blocks.ChoiceBlock(label=_("Role in the group"), choices=MemberRole.choices)

    class Meta:
        icon = "user"
        label = _("Member")
        value_class = MemberValue


class ResultValue(blocks.StructValue):
    def change(self):
        """After minus before, or None where there was no "before"."""
        if self.get("before") is None:
            return None
        return self["after"] - self["before"]

    def change_percent(self):
        """The change as a whole percentage of "before" (None where "before" is 0 or missing)."""
        change = self.change()
        if change is None or not self["before"]:
            return None
        return round(change * 100 / self["before"])


class ResultBlock(blocks.StructBlock):
    """A measurable result: the indicator before and after the project."""

    indicator = blocks.CharBlock(label=_("Indicator"), max_length=200)
    before = blocks.DecimalBlock(label=_("Before"), required=False)
    after = blocks.DecimalBlock(label=_("After"))
    unit = blocks.CharBlock(label=_("Unit"), max_length=50, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Result")
        value_class = ResultValue


class SupplierBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Supplier"), max_length=200)
    partner_page = blocks.PageChooserBlock(
        label=_("Partner page"),
        required=False,
        page_type=["partners.PartnerPage", "partners.StartupPage"],
        help_text=_("Link the supplier's partner profile, where it has one."),
    )
    url = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "site"
        label = _("Supplier")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Label"),
        max_length=200,
        required=False,
        help_text=_("What the document is, in this language; the document title otherwise."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    text = blocks.RichTextBlock(label=_("What to do"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class BudgetLineBlock(blocks.StructBlock):
    """One line of a guide's budget, in CZK for the guide's reference town."""

    item = blocks.CharBlock(label=_("Item"), max_length=200)
    min_czk = blocks.DecimalBlock(label=_("From (CZK)"), min_value=0, decimal_places=0)
    max_czk = blocks.DecimalBlock(label=_("To (CZK)"), min_value=0, decimal_places=0)
    scaling = blocks.ChoiceBlock(
        label=_("For another town"),
        choices=BudgetLineScaling.choices,
        default=BudgetLineScaling.PER_INHABITANT,
    )

    class Meta:
        icon = "table"
        label = _("Budget line")

    def clean(self, value):
        value = super().clean(value)
        if value["max_czk"] < value["min_czk"]:
            raise blocks.StructBlockValidationError(
                {"max_czk": [_("The upper figure must not be lower than the lower one.")]}
            )
        return value


class CriterionBlock(blocks.StructBlock):
    """An evaluation criterion of the tender; the weights of a guide sum to 100 %."""

    name = blocks.CharBlock(label=_("Criterion"), max_length=200)
    weight = blocks.IntegerBlock(label=_("Weight (%)"), min_value=1, max_value=100)
    description = blocks.TextBlock(label=_("How it is assessed"), required=False)

    class Meta:
        icon = "pick"
        label = _("Evaluation criterion")


class MilestoneBlock(blocks.StructBlock):
    phase = blocks.CharBlock(label=_("Phase"), max_length=200)
    weeks = blocks.IntegerBlock(label=_("Duration (weeks)"), min_value=1, max_value=520)

    class Meta:
        icon = "time"
        label = _("Phase")


class RiskBlock(blocks.StructBlock):
    risk = blocks.CharBlock(label=_("Risk"), max_length=300)
    mitigation = blocks.TextBlock(label=_("How to prevent it"))

    class Meta:
        icon = "warning"
        label = _("Risk")


class ChangeBlock(blocks.StructBlock):
    """A line of the guide's public change log."""

    date = blocks.DateBlock(label=_("Date"))
    version = blocks.CharBlock(label=_("Version"), max_length=20)
    note = blocks.TextBlock(label=_("What changed"))

    class Meta:
        icon = "history"
        # Not Wagtail's "Change" (a button).
        label = pgettext_lazy("change log entry", "Change")
