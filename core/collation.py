"""Alphabetical order as each language sorts: Czech titles in the Czech alphabet."""

import unicodedata

# Czech alphabetical order: č, ř, š, ž and "ch" are letters of their own (ch after h); the
# other accents only break ties. English titles sort by their letters, accents aside.
CZECH_LETTERS = {"č": "c\uffff", "ř": "r\uffff", "š": "s\uffff", "ž": "z\uffff"}


def sort_key(text, czech=True):
    text = text.casefold()
    if czech:
        text = text.replace("ch", "h\uffff")
    letters = "".join(
        (CZECH_LETTERS.get(char) if czech else None) or unicodedata.normalize("NFD", char)[0]
        for char in text
    )
    return (letters, text)


# Below every character a title has: a shorter sequence of letters sorts first, as in a tuple.
KEY_SEPARATOR = "\x01"


def sort_string(text, czech=True):
    """`sort_key` as one string that compares the same character by character (code point
    order), for a database column: SQLite's BINARY and PostgreSQL's "C" collation sort it as
    Python sorts the tuples, on both databases alike."""
    letters, folded = sort_key(text, czech)
    return letters + KEY_SEPARATOR + folded
