"""The HTML sitemap: every live page of the visitor's language as a nested list."""

import pytest
from wagtail.models import PageViewRestriction

from press.models import PressIndexPage
from tests.conftest import page_by_slug
from tests.factories.press import PressReleasePageFactory
from tests.html import get_html
from tests.press.conftest import CS_RELEASE, EN_RELEASE

pytestmark = pytest.mark.django_db

SITEMAPS = {"cs": "/cs/mapa-stranek/", "en": "/en/sitemap/"}


def tree(html):
    """The sitemap as (title, href, [children]) tuples."""

    def read(ul):
        items = []
        for li in ul.find_all("li", recursive=False):
            link = li.find("a", recursive=False)
            sub = li.find("ul", recursive=False)
            items.append((link.get_text(strip=True), link["href"], read(sub) if sub else []))
        return items

    return read(html.select_one("main ul.sitemap-tree"))


def test_czech_sitemap_nests_the_live_czech_pages_under_the_home_page(client, site):
    html = get_html(client, SITEMAPS["cs"])
    assert html.select_one("h1").get_text(strip=True) == "Mapa stránek"
    [(home_title, home_href, children)] = tree(html)
    assert (home_title, home_href) == ("Lepší města", "/cs/")
    by_href = {href: (title, sub) for title, href, sub in children}
    assert by_href["/cs/o-iniciative/"][0] == "O iniciativě"
    assert by_href["/cs/prihlaska/"][0] == "Přihláška"
    assert "/cs/ochrana-osobnich-udaju/" in by_href
    # Releases sit under the press index.
    assert [href for _t, href, _s in by_href["/cs/tiskove-zpravy/"][1]] == [CS_RELEASE]


def test_english_sitemap_lists_only_english_pages(client, site):
    html = get_html(client, SITEMAPS["en"])
    assert html.select_one("h1").get_text(strip=True) == "Sitemap"
    [(home_title, home_href, children)] = tree(html)
    assert (home_title, home_href) == ("Better Cities", "/en/")
    hrefs = [href for _t, href, _s in children]
    assert "/en/about/" in hrefs and "/en/apply/" in hrefs
    press = next(sub for _t, href, sub in children if href == "/en/press/")
    assert [href for _t, href, _s in press] == [EN_RELEASE]
    assert not [a for a in html.select("main a") if a["href"].startswith("/cs/")]


@pytest.mark.parametrize(("language", "other"), [("cs", "en"), ("en", "cs")])
def test_footer_links_the_sitemap_and_the_language_switch_its_counterpart(
    client, site, language, other
):
    html = get_html(client, f"/{language}/")
    assert html.select_one(f'footer a[href="{SITEMAPS[language]}"]')
    sitemap = get_html(client, SITEMAPS[language])
    assert sitemap.select_one(f'[data-testid="switch-{other}"]')["href"] == SITEMAPS[other]


def test_unpublished_and_private_pages_are_left_out(client, site):
    page_by_slug("o-iniciative", "cs").unpublish()
    PageViewRestriction.objects.create(
        page=page_by_slug("prihlaska", "cs"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="tajne",
    )
    hrefs = [a["href"] for a in get_html(client, SITEMAPS["cs"]).select("main a")]
    assert "/cs/o-iniciative/" not in hrefs
    assert not [href for href in hrefs if href.startswith("/cs/prihlaska/")]
    assert "/cs/tiskove-zpravy/" in hrefs


# 1 query reads the whole tree of the language (view restrictions are a subquery in it).
# The rest is what every non-page view costs: the active locale, looked up once per request
# (core/patches/request_locales.py), and the site's root in it (2), the main menu's items (1) and
# the footer's site settings with its two pages (1).
SITEMAP_QUERIES = 1 + 4


@pytest.mark.parametrize("releases", [5, 100])
def test_the_sitemap_costs_the_same_for_5_and_100_releases(
    client, site, django_assert_num_queries, releases
):
    index = PressIndexPage.objects.get(locale__language_code="cs")
    PressReleasePageFactory.create_batch(releases, parent=index)
    # The first request fills Wagtail's cache of site root paths; measure the second.
    assert client.get(SITEMAPS["cs"]).status_code == 200
    with django_assert_num_queries(SITEMAP_QUERIES):
        response = client.get(SITEMAPS["cs"])
    assert response.content.decode().count("/cs/tiskove-zpravy/tiskova-zprava-") == releases
