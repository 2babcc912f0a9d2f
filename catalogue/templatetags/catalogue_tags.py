"""Numbers and money in the page's language: "12 000 000 Kč" in Czech, "CZK 12,000,000"
in English.
"""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

NOTHING = "—"


@register.filter
def number(value, decimal_places=0):
    """A number grouped in thousands as the active language writes it; None → "—"."""
    if value is None or value == "":
        return NOTHING
    return number_format(value, decimal_pos=decimal_places, force_grouping=True)


@register.filter
def czk(value):
    """An amount in Czech crowns, whole crowns, in the active language; None → "—"."""
    if value is None or value == "":
        return NOTHING
    # Translators: an amount of Czech crowns; Czech writes "12 000 000 Kč".
    return _("CZK %(amount)s") % {"amount": number(value)}
