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
a query finds the pages that have any of its words by one of its keys, and `RANKING` orders
them, the title first. The index only compares plain tokens, so both databases find the same
pages (core/search_index.py asks each in its SQL). tests/core/test_search.py holds the pairs of
words that must meet or stay apart, including what the strategy knowingly misses; the judged
queries of tests/search_eval.toml measure the ranking (`make search-eval`). A lemmatiser with
Czech and English data (simplemma) did worse on that table: it cannot read a word typed without
diacritics, keeps "parkování" and "parkovací" apart and makes "parking" a park.
"""

import operator
import re
import unicodedata
from functools import reduce
from operator import attrgetter

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search import index

from core import search_index

# Longest first: the first ending that fits is the one cut off.
ENDINGS = {
    "cs": sorted(
        """atech atum etem ata aty ach ami ama ech eho emi emu ete eti iho ich imi imu
        ove ovi ovy ych ymi ani aci eni ici iste em es um us ym im at am os ou mi
        a e i o u y""".split(),
        key=len,
        reverse=True,
    ),
    "en": ["ies", "ing", "ied", "es", "ed", "s"],
}
# Words kept whole: cutting their ending would make them another word ("parking" is no park).
KEPT_WHOLE = {"cs": set(), "en": {"parking"}}
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
    if word in KEPT_WHOLE[language]:
        return (_key(word, czech),)
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


def query_words(query, language):
    """Each word of a query as (its keys, its plain form), once per keys, without the stop
    words (unless there is nothing else)."""
    words = WORD.findall(query)
    meaningful = [word for word in words if word.lower() not in STOP_WORDS[language]]
    pairs = ((unaccent(word.lower()), word_keys(word, language)) for word in meaningful or words)
    return list({keys: plain for plain, keys in pairs}.items())


def query_keys(query, language):
    """The keys of a query's words, a tuple per word: a word is found by any of its keys."""
    return [keys for keys, _plain in query_words(query, language)]


def title_terms(title, language):
    """What a title adds to its words in the index's title column: each word's plain form
    (lowercase, no diacritics) and its keys, so that the ranking can tell a word in the title
    (by its keys) and a word typed as the title spells it (by its plain form)."""
    words = WORD.findall(title)
    plain = (unaccent(word.lower()) for word in words)
    keys = (key for word in words for key in word_keys(word, language))
    return list(dict.fromkeys([*plain, *keys]))


class TitleTermsField(index.SearchField):
    """The title's plain forms and keys (`title_terms`), for Wagtail's index.

    Wagtail's database backend puts every search field named "title" in the index's title
    column, and every other field in the body: beside the title's words (Page's own "title"
    field, which the admin's search finds), the column then holds what the site search ranks by.
    """

    def get_value(self, obj):
        return " ".join(title_terms(obj.title, obj.locale.language_code))


# The order of results (annotations `search` makes), best first: pages with more of the words
# in the title (a match in the title outranks any match in the body); then with more of the words
# anywhere; then more of them typed as the title spells them ("parkovani" is the title's
# "parkování", not its "parkovacích"); then the shorter title, which is more about the words
# (Wagtail's title_norm: the average title's length over this one's); then the body's
# relevance; at last the newer page.
RANKING = (
    "search_title_words",
    "search_words",
    "search_exact_words",
    "search_title_norm",
    "search_relevance",
    "pk",
)


def search(queryset, query, language, every_word=False):
    """The pages of `queryset` that have any word of `query` (or, with `every_word`, every
    word: a filter that narrows, as the catalogue's), best first (`RANKING`).

    `queryset` carries the filters (language, type, place in the tree). The result is a queryset
    of those pages, annotated with the ranking, so that a caller can count, facet and page it in
    the same query (core/views.py).
    """
    words = query_words(query, language)
    if not words:
        return queryset.none()
    every_key = [keys for keys, _plain in words]
    found = queryset.filter(search_index.matching(every_key, every_word)).annotate(
        search_words=_total(search_index.has_word("body", keys) for keys in every_key),
        search_title_words=_total(search_index.has_word("title", keys) for keys in every_key),
        search_exact_words=_total(search_index.has_word("title", (plain,)) for _k, plain in words),
        search_title_norm=F("index_entries__title_norm"),
        search_relevance=search_index.relevance(every_key),
    )
    return found.order_by(*(F(name).desc() for name in RANKING))


def counted_page(found, number, per_page, content_type_id=None):
    """From one query: how many of the pages `found` (by `search`) are of each page type, and
    the rows on page `number` of them (of one page type, if given), best first.

    Window functions number the rows over all of them and over each page type; the query returns
    the rows of the page and the first of each type, which carries its type's count.
    Returns ({content type id: count}, [pages on the page])."""
    if found.query.is_empty():  # a query without words
        return {}, []
    order = [F(name).desc() for name in RANKING]
    by_type = {"partition_by": [F("content_type_id")]}
    rows = found.annotate(
        search_type_count=Window(Count("pk"), **by_type),
        search_type_position=Window(RowNumber(), order_by=order, **by_type),
        search_position=Window(RowNumber(), order_by=order),
    )
    first, last = (number - 1) * per_page + 1, number * per_page
    if content_type_id is None:
        position = "search_position"
        shown = Q(search_position__range=(first, last))
    else:
        position = "search_type_position"
        shown = Q(content_type_id=content_type_id, search_type_position__range=(first, last))
    rows = list(rows.filter(shown | Q(search_type_position=1)))
    counts = {row.content_type_id: row.search_type_count for row in rows}
    page = [
        row
        for row in rows
        if first <= getattr(row, position) <= last
        and content_type_id in (None, row.content_type_id)
    ]
    return counts, sorted(page, key=attrgetter(position))


def _total(expressions):
    return reduce(operator.add, expressions)


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
