"""Numbers in an address's query string (`?page=2`, `?p=81`), read the one way every view shares.

What a visitor types is text: `str.isdigit()` is true for "²" and "٣", which `int()` refuses or
reads as a number the visitor never saw, and a run of a thousand digits is no page or id at all.
"""

# The largest id a database integer column holds (PostgreSQL's `integer`, Django's AutoField):
# a larger number in a filter is an overflow error in the database, not an empty result.
DATABASE_ID_MAX = 2**31 - 1


def whole_number(value, maximum):
    """The whole number `value` spells in ASCII digits, at most `maximum`; None if it spells none.

    A number past `maximum` is `maximum` (the last page, an id that cannot exist), so that a
    long run of digits costs no more than a short one.
    """
    if not value or not (value.isascii() and value.isdigit()):
        return None
    digits = value.lstrip("0") or "0"
    if len(digits) > len(str(maximum)):
        return maximum
    return min(int(digits), maximum)
