"""The judged table of search queries (tests/search_eval.toml), run through the search page as a
visitor uses it: which result is the expected page, and the shares first and in the top three."""

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation

from tests.html import get_html

TABLE = Path(__file__).with_name("search_eval.toml")


@dataclass
class Judged:
    query: str
    language: str
    expected: list
    found: list  # the addresses of the first page of results, in order

    @property
    def position(self):
        """1 for the first result; None when no expected page is on the first page."""
        return next((i for i, url in enumerate(self.found, 1) if url in self.expected), None)


def judged_queries():
    with TABLE.open("rb") as table:
        rows = tomllib.load(table)["query"]
    for row in rows:
        expected = row["expected"]
        yield row["q"], row["language"], [expected] if isinstance(expected, str) else expected


def evaluate(client):
    results = []
    for query, language, expected in judged_queries():
        with translation.override(language):
            address = reverse("search") + "?" + urlencode({"q": query})
        html = get_html(client, address)
        found = [a["href"] for a in html.select(".search-result__title a")]
        results.append(Judged(query, language, expected, found))
    return results


def share(results, within):
    return sum(1 for r in results if r.position and r.position <= within) / len(results)


def report(results):
    """The lines make search-eval prints: one per query, then the shares."""
    lines = []
    for r in results:
        where = f"#{r.position}" if r.position else "missed"
        lines.append(f"  {r.language}  {where:>6}  {r.query}")
    lines.append(
        f"{len(results)} queries: expected page first {share(results, 1):.0%}, "
        f"in the top three {share(results, 3):.0%}"
    )
    for language in sorted({r.language for r in results}):
        mine = [r for r in results if r.language == language]
        lines.append(
            f"  {language}: {len(mine)} queries, first {share(mine, 1):.0%}, "
            f"top three {share(mine, 3):.0%}"
        )
    return lines
