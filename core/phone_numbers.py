"""Phone numbers as the site shows them: one place for press contacts, partners and projects.

Editors type numbers the Czech way ("725 997 546") or with the country code. A tel: link must
work from abroad, and an English reader needs the country code on the page too; Czech readers
see the number as the editor typed it.
"""

import re

CZECH_COUNTRY_CODE = "+420"
# Nine digits after an optional +420 or 00420, in any spacing: a Czech number.
CZECH_NUMBER = re.compile(r"(?:\+420|00420)?(\d{9})")


def _czech_digits(number):
    """The nine national digits of a Czech number, or None for any other number."""
    match = CZECH_NUMBER.fullmatch(re.sub(r"[^\d+]", "", number))
    return match[1] if match else None


def tel_uri(number):
    """A tel: link that works from abroad: Czech numbers get +420, others keep their digits."""
    czech = _czech_digits(number)
    if czech:
        return f"tel:{CZECH_COUNTRY_CODE}{czech}"
    return "tel:" + re.sub(r"[^\d+]", "", number)


def displayed(number, language_code):
    """The number for a reader of `language_code`: as typed in Czech; in other languages a Czech
    number in international form ("+420 725 997 546"), any other as typed."""
    czech = _czech_digits(number)
    if language_code == "cs" or not czech:
        return number
    return " ".join([CZECH_COUNTRY_CODE, czech[:3], czech[3:6], czech[6:]])
