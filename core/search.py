"""Site search: one engine for the search page and the catalogue's free-text search.

PostgreSQL has no Czech text-search dictionary, and SQLite's FTS5 and PostgreSQL split words in
their own ways. So words become *search keys* here, in Python, the same way for what a page
indexes and for what a visitor asks:

1. lowercase, diacritics removed (what PostgreSQL's `unaccent` does): "Plzeň" → "plzen";
2. one inflectional ending cut off (Czech: case and adjective endings; English: plural, -ing,
   -ed), keeping at least three letters; in Czech, a final c/z reverts to k/h (Praze → Praha)
   and a mobile e drops (Plzeň, Plzni → plzn);
3. the rest cut to a fixed length, which joins the derived words of one root:
   "parkování", "parkovací", "parkoviště" and "parkovani" all become "parkov".

Each page indexes the keys of its title and text beside its words (`BasePage.search_fields`);
a query asks for its keys, every one of them. The backend only compares plain tokens, so both
databases find the same pages. tests/core/test_search_keys.py is the table of Czech and English
queries this strategy is judged by, including what it knowingly misses.
"""

import operator
import re
import unicodedata
from functools import reduce

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.query import PlainText

# Longest first: the first ending that fits is the one cut off.
ENDINGS = {
    "cs": sorted(
        """atech atum etem ata aty ach ami ama ech eho emi emu ete eti iho ich imi imu
        ove ovi ovy ych ymi ani aci eni ici iste ie em es um us ym im at am os ou mi
        a e i o u y""".split(),
        key=len,
        reverse=True,
    ),
    "en": ["ies", "ing", "ied", "es", "ed", "s"],
}
KEY_LENGTH = {"cs": 6, "en": 7}
MIN_STEM = 3
# Words a query may leave out: they are on nearly every page and decide nothing.
STOP_WORDS = {
    "cs": set("a i v ve na do z ze s se k ke o u po pro za je to jak co".split()),
    "en": set("a an and the of in on at to for with by is are".split()),
}
VOWELS = set("aeiouy")
WORD = re.compile(r"\w+")


def unaccent(text):
    return "".join(
        char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)
    )


def _key(word, czech):
    if czech:
        if word[-1:] in ("c", "z") and len(word) > MIN_STEM:
            word = word[:-1] + {"c": "k", "z": "h"}[word[-1]]
        # A mobile e between the last two consonants: Plzeň/Plzni, den/dne, pes/psa.
        if (
            len(word) > MIN_STEM
            and word[-2] == "e"
            and word[-1] not in VOWELS
            and word[-3] not in VOWELS
        ):
            word = word[:-2] + word[-1]
    return word[: KEY_LENGTH["cs" if czech else "en"]]


def word_keys(word, language):
    """The keys a word is indexed and searched by (see the module's docstring): one, or two
    when the ending cut off could belong to the root ("systém" is not "syst" + "-em")."""
    word = unaccent(word.lower())
    czech = language == "cs"
    for ending in ENDINGS["cs" if czech else "en"]:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            stem = word[: -len(ending)] + ("y" if ending in ("ies", "ied") else "")
            keys = [_key(stem, czech)]
            if czech and ending[-1] not in VOWELS:
                keys.append(_key(word, czech))
            return tuple(dict.fromkeys(keys))
    return (_key(word, czech),)


def search_keys(text, language):
    """The keys of every word in a text, once each: what a page indexes."""
    keys = (key for word in WORD.findall(text) for key in word_keys(word, language))
    return list(dict.fromkeys(keys))


def query_keys(query, language):
    """The keys of a query's words, a tuple per word, without the stop words (unless nothing
    else): each word must be found by one of its keys."""
    words = WORD.findall(query)
    meaningful = [word for word in words if word.lower() not in STOP_WORDS[language]]
    return list(dict.fromkeys(word_keys(word, language) for word in meaningful or words))


def search(queryset, query, language):
    """The pages of `queryset` matching every word of `query`, the most relevant first.

    `queryset` carries the filters (language, type, place in the tree); the keys are searched
    in the index, where `BasePage.search_fields` put them.
    """
    words = [
        reduce(operator.or_, (PlainText(key) for key in keys))
        for keys in query_keys(query, language)
    ]
    if not words:
        return queryset.none()
    return queryset.search(reduce(operator.and_, words), order_by_relevance=True)


def excerpt(text, query, language, words_around=12):
    """The passage of `text` around the query's first match, matches in <mark>; else its start.

    Escaped here; only the <mark> elements are markup.
    """
    keys = {key for word in query_keys(query, language) for key in word}
    tokens = re.split(r"(\w+)", " ".join(text.split()))
    # Even positions are the gaps between words, odd positions the words.
    word_positions = range(1, len(tokens), 2)
    first = next(
        (i for i in word_positions if not keys.isdisjoint(word_keys(tokens[i], language))), None
    )
    if first is None:
        start, end = 1, 1 + 4 * words_around
    else:
        start, end = max(1, first - 2 * words_around), first + 2 * words_around + 1
    parts = []
    for i in range(max(0, start - 1), min(len(tokens), end + 1)):
        piece = escape(tokens[i])
        if i % 2 and not keys.isdisjoint(word_keys(tokens[i], language)):
            piece = f"<mark>{piece}</mark>"
        parts.append(piece)
    passage = "".join(parts).strip()
    if start > 1:
        passage = "… " + passage
    if end < len(tokens) - 1:
        passage += " …"
    return mark_safe(passage)
