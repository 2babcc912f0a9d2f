"""The blocks of the partner profiles."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from catalogue.choices import MemberRole
from catalogue.models import Area


def working_group_choices():
    """The working groups (areas) by code, named in the source language as editors know them."""
    areas = Area.objects.in_source_language()
    return [(area.slug, area.name) for area in areas.order_by("sort_order")]


class ExpertValue(blocks.StructValue):
    def role_label(self):
        role = self.get("role")
        return MemberRole(role).label if role in MemberRole.values else role


class ExpertBlock(blocks.StructBlock):
    """An expert the organisation nominated into a working group."""

    name = blocks.CharBlock(label=_("Full name"), max_length=200)
    role = blocks.ChoiceBlock(label=_("Role in the group"), choices=MemberRole.choices)
    working_group = blocks.ChoiceBlock(label=_("Working group"), choices=working_group_choices)

    class Meta:
        icon = "user"
        label = _("Expert")
        value_class = ExpertValue
