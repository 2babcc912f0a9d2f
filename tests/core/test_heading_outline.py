"""No page skips a heading level going down (WCAG 1.3.1; the Nu HTML Checker's "skipping a
heading level"), on every page type in both languages and on the views that are not pages.

Read from the HTML, as the checker does: a screen reader's list of headings is the same outline.
"""

import re

import pytest
from bs4 import BeautifulSoup

from tests.html import get_html
from tests.page_types import SITE_PAGE_TYPES, example_pages

pytestmark = pytest.mark.django_db

# Views that are not page types, and pages in a state of their own (filtered, a year, a query).
OTHER_VIEWS = [
    "/cs/hledat/?q=parkovani",
    "/en/search/?q=parking",
    "/cs/mapa-stranek/",
    "/en/sitemap/",
    "/cs/partneri/?area=transport",
    "/en/partners/?stage=pilot",
    "/cs/katalog/?topic=parking&area=transport",
    "/en/catalogue/?q=parking",
    "/en/press/2016/",
    "/cs/prihlaska/dekujeme/",
    "/en/apply/thank-you/",
]
HEADING_TAG = re.compile(r"^h[1-6]$")


def outline(html):
    """[(computed level, text)] of the page's headings in document order."""
    headings = []
    for element in html.find_all(
        lambda tag: HEADING_TAG.match(tag.name) or tag.get("role") == "heading"
    ):
        default_level = int(element.name[1]) if HEADING_TAG.match(element.name) else 2
        level = int(element.get("aria-level", default_level))
        headings.append((level, " ".join(element.get_text(" ", strip=True).split())))
    return headings


def skipped_levels(headings):
    """Each heading that goes down more than one level from the one before it (the first from
    an imagined level 0, so a page must start at h1)."""
    skips = []
    previous_level, previous_text = 0, "the start of the page"
    for level, text in headings:
        if level > previous_level + 1:
            skips.append(f"h{level} “{text}” after h{previous_level} “{previous_text}”")
        previous_level, previous_text = level, text
    return skips


def test_the_check_reports_a_skipped_level_and_a_page_not_starting_at_h1():
    assert skipped_levels([(1, "Partneři"), (3, "Oblast")]) == ["h3 “Oblast” after h1 “Partneři”"]
    assert skipped_levels([(2, "Kontakt")]) == ["h2 “Kontakt” after h0 “the start of the page”"]
    assert skipped_levels([(1, "A"), (2, "B"), (3, "C"), (2, "D"), (2, "E"), (1, "F")]) == []


def test_role_heading_counts_with_its_aria_level(client, site):
    html = BeautifulSoup(
        '<h1>A</h1><div role="heading" aria-level="4">B</div><p role="heading">C</p>',
        "html.parser",
    )
    assert outline(html) == [(1, "A"), (4, "B"), (2, "C")]


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=lambda model: model.__name__)
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_page_type_skips_no_heading_level(client, site, model, lang):
    url = example_pages(model, site["en"].locale)[lang].url
    headings = outline(get_html(client, url))
    assert [level for level, _ in headings].count(1) == 1, (url, headings)
    assert skipped_levels(headings) == [], url


@pytest.mark.parametrize("path", OTHER_VIEWS)
def test_other_views_skip_no_heading_level(client, site, path):
    headings = outline(get_html(client, path))
    assert skipped_levels(headings) == [], path


@pytest.mark.parametrize("path", ["/cs/neexistuje/", "/en/does-not-exist/"])
def test_the_404_page_skips_no_heading_level(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert skipped_levels(outline(BeautifulSoup(response.content, "html.parser"))) == []
