"""Text that a spreadsheet program opens as text: every CSV the site writes goes through here."""

import re

# A spreadsheet treats a cell starting with one of these as a formula; what a visitor or an
# editor typed must stay text (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A telephone number ("+420 603 111 222") starts like a formula but cannot do anything: it is
# exported as typed, readable.
PHONE_NUMBER = re.compile(r"\+?[0-9][0-9 ()/.-]{5,}")


def as_spreadsheet_text(value):
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES) and not PHONE_NUMBER.fullmatch(text):
        return "'" + text
    return text
