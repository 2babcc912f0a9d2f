"""Money and numbers as each language writes them: "12 000 000 Kč", "CZK 12,000,000"."""

from django import template
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext

register = template.Library()


@register.filter
def number(value):
    """A whole number with the language's thousands separator; None → "—"."""
    if value is None or value == "":
        return "—"
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=0,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


@register.filter
def czk(value):
    """An amount in Czech crowns, in whole crowns; None → "—"."""
    if value is None or value == "":
        return "—"
    # Translators: an amount of money in Czech crowns; Czech writes "12 000 Kč".
    amount = gettext("CZK %(amount)s") % {"amount": number(value)}
    # The figure and its currency stay on one line.
    return amount.replace(" ", "\N{NO-BREAK SPACE}")
