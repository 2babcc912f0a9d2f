"""Numbers and money in the active language: cs "12 000 000 Kč", en "CZK 12,000,000"."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext, pgettext

register = template.Library()

MISSING = "—"
# Czech writes the crown's own symbol after the amount; English, the code before it.
CZECH_SYMBOLS = {"CZK": "Kč", "EUR": "€"}


@register.filter
def number(value):
    """Thousands grouped, decimals only where the value has them (12.50 → "12.5")."""
    if value is None or value == "":
        return MISSING
    value = Decimal(value)
    if value == value.to_integral_value():
        return number_format(value, 0, force_grouping=True)
    places = -value.normalize().as_tuple().exponent
    return number_format(value, places, force_grouping=True)


@register.filter
def percent(value):
    """cs "60 %" (a non-breaking space), en "60%": the language's own way, from its catalogue."""
    return percent_text(number(value))


@register.filter
def signed(value):
    """A change with its sign, "+3" or "−4,5": a minus sign, which a hyphen only imitates."""
    if value is None or value == "":
        return MISSING
    value = Decimal(value)
    sign = "+" if value > 0 else "\u2212" if value < 0 else ""
    return sign + number(abs(value))


def percent_text(number_text):
    """A number already written out, with the percent sign as the active language writes it."""
    return gettext("%(percent)s%%") % {"percent": number_text}


@register.filter
def measure(value, unit=""):
    """A value with its unit, "4,5 min"; a percentage as the active language writes it."""
    if value is None or value == "":
        return MISSING
    unit = (unit or "").strip()
    if unit == "%":
        return percent_text(number(value))
    return f"{number(value)} {unit}".strip()


def change_parts(result):
    """How a measurable result changed: (absolute, relative) texts, relative None where "before"
    is 0; None without a "before". A change of a percentage is in percentage points ("+39 p. b.",
    "+39 pp"): "+39 %" would be read as the relative change, which stands beside it."""
    change = result.change()
    if change is None:
        return None
    unit = (result.get("unit") or "").strip()
    if unit == "%":
        absolute = pgettext("a change of a percentage", "%(number)s pp") % {
            "number": signed(change)
        }
    else:
        absolute = f"{signed(change)} {unit}".strip()
    relative = result.change_percent()
    return absolute, percent_text(signed(relative)) if relative is not None else None


@register.filter
def result_change(result):
    """A result's change as its table shows it: "−7,5 min (−62 %)", "+39 p. b. (+81 %)"."""
    parts = change_parts(result)
    if parts is None:
        return MISSING
    absolute, relative = parts
    return f"{absolute} ({relative})" if relative else absolute


@register.filter
def money(value, currency="CZK"):
    """An amount in whole units of its currency, the way the active language writes it."""
    if value is None or value == "":
        return MISSING
    amount = number_format(
        Decimal(value).quantize(Decimal("1"), ROUND_HALF_UP), 0, force_grouping=True
    )
    if (get_language() or "").startswith("cs"):
        return f"{amount}\xa0{CZECH_SYMBOLS.get(currency, currency)}"
    return f"{currency}\xa0{amount}"


@register.filter
def czk(value):
    return money(value, "CZK")
