"""The site search's questions to Wagtail's search index, in the SQL of each database.

Wagtail keeps one index entry per page (`wagtailsearch_indexentry`): a *title* and a *body*, as
tsvectors on PostgreSQL and as an FTS5 table on SQLite. What a page puts there is decided by
`BasePage.search_fields`: the title holds the title's words, their plain forms and their keys,
and the body holds every key of the page, the title's included. So one column answers "does
the page have this word" (on PostgreSQL through the body's GIN index), and the title answers
"is the word in the title".

Wagtail's database backend ranks by ts_rank on PostgreSQL and bm25 on SQLite, which let a long
body outweigh a title and rank the two databases apart, and each of its answers (facets, count,
page) is a query of its own. Here the match and the ranking are expressions on the page
queryset: the view filters, counts and pages with them in one query, and the order is decided
by counts both databases compute alike (see `core.search.search`).
"""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import BooleanField, Case, Expression, F, FloatField, IntegerField, Q, When

# PostgreSQL compares the keys as they are (core/search.py made them): no stemming, no stop words.
TEXT_SEARCH_CONFIG = "simple"
# ts_rank's normalisation 32 (rank / (rank + 1)) keeps the body's relevance below 1.
RANK_NORMALISATION = 32


def _entry(field):
    return F(f"index_entries__{field}")


class _Fts5(Expression):
    """A question to SQLite's FTS5 table of the index, about the page's own index entry.

    The FTS5 table is named only inside this subquery, so it never meets Django's aliases."""

    TABLE = "wagtailsearch_indexentry_fts"
    TEMPLATES = {
        "match": "{entry} IN (SELECT rowid FROM {table} WHERE {table} MATCH %s)",
        "has": "EXISTS (SELECT 1 FROM {table} WHERE {table} MATCH %s AND rowid = {entry})",
        # bm25 is lower for better matches.
        "relevance": (
            "(SELECT -bm25({table}) FROM {table} WHERE {table} MATCH %s AND rowid = {entry})"
        ),
    }

    def __init__(self, question, match, output_field):
        super().__init__(output_field=output_field)
        self.question = question
        self.match = match
        self.entry = _entry("id")

    def get_source_expressions(self):
        return [self.entry]

    def set_source_expressions(self, expressions):
        (self.entry,) = expressions

    def as_sql(self, compiler, connection):
        entry_sql, entry_params = compiler.compile(self.entry)
        sql = self.TEMPLATES[self.question].format(entry=entry_sql, table=self.TABLE)
        if self.question == "match":
            return sql, [*entry_params, self.match]
        return sql, [self.match, *entry_params]


def _fts5_query(column, word_keys, every_word=False):
    """FTS5's query language: one of the words (or every word), each by any of its keys, quoted
    (keys are letters and digits only), in one column."""
    words = [" OR ".join(f'"{key}"' for key in keys) for keys in word_keys]
    joiner = " AND " if every_word else " OR "
    return f"{column} : ({joiner.join(f'({word})' for word in words)})"


def _tsquery(word_keys, every_word=False):
    words = (
        reduce(
            operator.or_,
            (SearchQuery(key, config=TEXT_SEARCH_CONFIG, search_type="plain") for key in keys),
        )
        for keys in word_keys
    )
    return reduce(operator.and_ if every_word else operator.or_, words)


def _postgres():
    return connection.vendor == "postgresql"


def matching(word_keys, every_word=False):
    """The condition for pages that have one of the words (or every word, each by any of its
    keys) anywhere."""
    if _postgres():
        return Q(index_entries__body=_tsquery(word_keys, every_word))
    return Q(
        _Fts5("match", _fts5_query("body", word_keys, every_word), output_field=BooleanField())
    )


def has_word(column, keys):
    """1 if the page's `column` ("title" or "body") has the word (by any of its keys), else 0."""
    if _postgres():
        return Case(
            When(**{f"index_entries__{column}": _tsquery([keys])}, then=1),
            default=0,
            output_field=IntegerField(),
        )
    return _Fts5("has", _fts5_query(column, [keys]), output_field=IntegerField())


def relevance(word_keys):
    """How much of the body is about the words (term frequency): the last of the tie-breaks."""
    if _postgres():
        return SearchRank(_entry("body"), _tsquery(word_keys), normalization=RANK_NORMALISATION)
    return _Fts5("relevance", _fts5_query("body", word_keys), output_field=FloatField())
