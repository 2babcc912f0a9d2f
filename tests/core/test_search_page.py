"""The search page as a visitor meets it: /cs/hledat/ and /en/search/, from the header's box."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from press.models import PressIndexPage
from tests.factories.press import PressReleasePageFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db

PISEK_CS = "Senzory obsazenosti parkovacích míst a navigace k volným místům"
PISEK_EN = "Parking-space occupancy sensors and guidance to free spaces"


def result_titles(html):
    return [a.get_text(strip=True) for a in html.select(".search-result__title a")]


def test_every_page_has_a_search_box_leading_to_the_search_in_its_language(client, site):
    for home, action in (("/cs/", "/cs/hledat/"), ("/en/", "/en/search/")):
        form = get_html(client, home).select_one("header form[role=search]")
        assert form["action"] == action
        assert form.select_one("input[type=search]")["name"] == "q"


def test_a_czech_query_without_diacritics_finds_czech_pages_only(client, site):
    html = get_html(client, "/cs/hledat/?q=parkovani")
    titles = result_titles(html)
    assert PISEK_CS in titles
    assert PISEK_EN not in titles
    assert "Chytré parkování: senzory obsazenosti a navigace k volným místům" in titles
    assert "nalezen" in html.select_one(".search-results__summary").get_text()
    # The match is marked in the excerpt; the result says what kind of page it is.
    assert html.select(".search-result mark")
    types = {p.get_text(strip=True) for p in html.select(".search-result__type")}
    assert {"Projekt", "Implementační návod"} <= {t.split(" ·")[0] for t in types}
    assert html.select_one("meta[name=robots]")["content"] == "noindex, follow"


def test_an_english_query_finds_english_pages(client, site):
    titles = result_titles(get_html(client, "/en/search/?q=parking"))
    assert PISEK_EN in titles
    assert PISEK_CS not in titles


def test_results_can_be_filtered_by_type(client, site):
    html = get_html(client, "/cs/hledat/?q=parkovani")
    project_filter = next(
        a for a in html.select(".filter-links a") if a.get_text().startswith("Projekty")
    )
    filtered = get_html(client, "/cs/hledat/" + project_filter["href"])
    assert PISEK_CS in result_titles(filtered)
    types = {p.get_text(strip=True) for p in filtered.select(".search-result__type")}
    assert types == {"Projekt"}
    assert filtered.select_one(".filter-links a[aria-current]") is not None


@pytest.mark.parametrize(
    ("address", "date"),
    [("/cs/hledat/?q=partnery", "3. srpna 2016"), ("/en/search/?q=partners", "3 August 2016")],
)
def test_a_press_release_shows_its_date_as_its_language_writes_it(client, site, address, date):
    html = get_html(client, address)
    dates = [time.get_text() for time in html.select(".search-result__type time")]
    assert dates == [date]
    assert html.select_one(".search-result__type time")["datetime"] == "2016-08-03"


def test_the_language_switch_keeps_the_query_and_the_type(client, site):
    html = get_html(client, "/cs/hledat/?q=parkovani&type=projectpage&page=1")
    switch = html.select_one('[data-testid="switch-en"]')["href"]
    assert switch == "/en/search/?q=parkovani&type=projectpage"
    html = get_html(client, "/en/search/?q=parking")
    assert html.select_one('[data-testid="switch-cs"]')["href"] == "/cs/hledat/?q=parking"
    html = get_html(client, "/en/search/")
    assert html.select_one('[data-testid="switch-cs"]')["href"] == "/cs/hledat/"


def test_nothing_found_suggests_the_catalogue_and_the_other_language(client, site):
    html = get_html(client, "/cs/hledat/?q=occupancy")
    box = html.select_one(".search-results__none")
    assert "nic neodpovídá" in box.get_text()
    assert box.find("a", string="katalog projektů")
    other = box.find("a", hreflang="en")
    assert other["href"] == "/en/search/?q=occupancy"
    assert "v angličtině" in other.get_text()


@pytest.mark.parametrize(
    "address",
    [
        "/cs/hledat/",
        "/cs/hledat/?q=",
        "/cs/hledat/?q=" + "parkování " * 100,
        "/cs/hledat/?q=parkovani&page=abc",
        "/cs/hledat/?q=parkovani&page=999",
        "/cs/hledat/?q=parkovani&type=nonsense",
        "/en/search/?q=%27%22%2A%3A%26%7C",
    ],
)
def test_odd_requests_get_a_clear_page(client, site, address):
    response = client.get(address)
    assert response.status_code == 200
    assert "Hledat na webu" in response.content.decode() or "Search the site" in (
        response.content.decode()
    )


def search_queries(client, path):
    """The queries a second GET of the search costs, and how many of them read the index."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), sum("wagtailsearch_indexentry" in q["sql"] for q in captured)


def add_releases(count):
    press_index = PressIndexPage.objects.get(locale__language_code="cs")
    for _ in range(count):
        PressReleasePageFactory(parent=press_index, title="Kompostárna pro celé město")


def test_the_search_costs_the_same_queries_for_3_and_30_results(client, site):
    add_releases(3)
    few = search_queries(client, "/cs/hledat/?q=kompostárny")
    add_releases(27)
    many = search_queries(client, "/cs/hledat/?q=kompostárny")
    html = get_html(client, "/cs/hledat/?q=kompostárny&page=2")
    assert "bylo nalezeno 30 stránek" in html.select_one(".search-results__summary").get_text()
    assert "Strana 2 z 3" in html.select_one(".pagination").get_text()
    # The match, the ranking, the counts by type and the page of results are one query (the
    # only one that reads the index); besides it: the site, the locale, the promotions, the
    # pages shown with their own fields (one query per type), the content types of the page
    # models (once per process) ...
    assert few == many
    assert many[1] == 1


def test_a_page_past_the_last_or_a_type_without_results_costs_one_query_more(client, site):
    _total, on_the_first_page = search_queries(client, "/cs/hledat/?q=parkovani")
    assert on_the_first_page == 1
    assert search_queries(client, "/cs/hledat/?q=parkovani&page=99")[1] == 2
    assert search_queries(client, "/cs/hledat/?q=parkovani&type=applicationformpage")[1] == 2
    html = get_html(client, "/cs/hledat/?q=parkovani&type=applicationformpage")
    # The type filter none of the results has is ignored: every result is listed.
    assert not html.select_one(".filter-links a[aria-current]").get_text().startswith("Přihl")
    assert PISEK_CS in result_titles(html)


@pytest.fixture
def promotion(site):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    pisek_en = Page.objects.get(title=PISEK_EN)
    guide_cs = Page.objects.get(title__startswith="Chytré parkování")
    SearchPromotion.objects.create(
        query=Query.get("parkování"), page=guide_cs, description="Jak začít.", sort_order=0
    )
    SearchPromotion.objects.create(query=Query.get("parking"), page=pisek_en, sort_order=0)


def test_a_promoted_result_shows_first_in_its_language_only(client, promotion):
    html = get_html(client, "/cs/hledat/?q=parkovani")
    promoted = html.select(".search-promotions .search-result__title a")
    assert [a.get_text(strip=True) for a in promoted] == [
        "Chytré parkování: senzory obsazenosti a navigace k volným místům"
    ]
    assert "Jak začít." in html.select_one(".search-promotions").get_text()
    english = get_html(client, "/en/search/?q=parking")
    assert [a.get_text(strip=True) for a in english.select(".search-promotions a")] == [PISEK_EN]
    assert not get_html(client, "/cs/hledat/?q=parking").select(".search-promotions")


def test_editors_and_moderators_may_pin_promotions(site):
    from django.contrib.auth.models import Group

    for name in ("Editors", "Moderators"):
        rights = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_searchpromotion", "change_searchpromotion"} <= rights
