"""The catalogue page: facets with their counts, search, sorting, pagination, chart, head."""

import pytest

from catalogue.listing import SEARCH_MAX_LENGTH
from tests.catalogue.known_catalogue import CS_CATALOGUE, EN_CATALOGUE
from tests.catalogue.pages import card_titles, counts, facet_options, get_html
from tests.factories.catalogue import ProjectPageFactory

pytestmark = pytest.mark.django_db

KOLIN = "Chytré parkování v Kolíně"
BRNO = "Řízení křižovatek v Brně"
VIENNA = "Elektrobusy ve Vídni"
PISEK = "Úsporné osvětlení v Písku"
TABOR = "Portál občana v Táboře"
KRAKOW = "Zateplení škol v Krakově"


def robots(html):
    meta = html.select_one('meta[name="robots"]')
    return meta["content"] if meta else None


def test_the_catalogue_lists_its_live_projects_newest_first_with_their_facts(client, projects):
    ProjectPageFactory(parent=projects["kolin"].get_parent(), title="Rozpracovaný", live=False)
    html = get_html(client, CS_CATALOGUE)
    assert card_titles(html) == [TABOR, VIENNA, PISEK, KOLIN, BRNO, KRAKOW]
    assert html.select_one(".catalogue__count").get_text(strip=True) == "6 projektů"
    kolin = html.select(".project-card")[3]
    text = " ".join(kolin.get_text(" ", strip=True).split())
    for fact in [
        "Kolín, Česká republika",
        "33 000",
        "Doprava",
        "Dokončený",
        "12 000 000 Kč",
        "364 Kč",
    ]:
        assert fact in text.replace("\xa0", " ")
    assert kolin.select_one(".project-card__sample")
    assert not html.select(".project-card")[0].select_one(".project-card__sample")  # Tábor
    assert kolin.select_one("a")["href"] == projects["kolin"].url


def test_every_option_shows_how_many_projects_it_would_list(client, projects):
    html = get_html(client, CS_CATALOGUE)
    assert counts(html, "area") == {"transport": 3, "energy": 2, "ict": 1}
    assert counts(html, "topic") == {
        "traffic-flow": 1,
        "parking": 2,
        "public-transport": 1,
        "energy-efficiency": 2,
        "open-data": 1,
    }
    assert counts(html, "country") == {"CZ": 4, "AT": 1, "PL": 1}
    assert counts(html, "region") == {"CZ020": 1, "CZ031": 2, "CZ064": 1}
    # Every size band, those no project is in with 0 (see the test below).
    assert counts(html, "size") == {
        "under-5k": 0,
        "5k-20k": 0,
        "20k-50k": 3,
        "50k-100k": 0,
        "100k-500k": 1,
        "over-500k": 2,
    }
    assert counts(html, "budget") == {
        "under-1m": 1,
        "1m-10m": 1,
        "10m-50m": 2,
        "50m-200m": 1,
        "over-200m": 1,
    }
    assert counts(html, "funding") == {"own_budget": 4, "eu_operational": 3, "private": 1}
    assert counts(html, "status") == {
        "planned": 1,
        "in_progress": 1,
        "completed": 3,
        "in_operation": 1,
    }
    assert facet_options(html, "area")["transport"][0] == "Doprava (3 projekty)"
    assert (
        html.select_one(".catalogue-filters button[type=submit]").get_text() == "Zobrazit projekty"
    )


def test_values_of_one_facet_add_up_and_other_facets_count_within_them(client, projects):
    html = get_html(client, CS_CATALOGUE + "?topic=parking&topic=energy-efficiency")
    assert sorted(card_titles(html)) == sorted([KOLIN, BRNO, PISEK, KRAKOW])
    # The topic's own options count as if none were ticked, so another can be added.
    assert counts(html, "topic")["public-transport"] == 1
    assert facet_options(html, "topic")["parking"][2]  # ticked
    # Other facets count within the chosen topics; an option that would list nothing is off.
    assert counts(html, "area") == {"transport": 2, "energy": 2, "ict": 0}
    assert facet_options(html, "area")["ict"][1]  # disabled
    assert counts(html, "country") == {"CZ": 3, "AT": 0, "PL": 1}


@pytest.mark.parametrize(
    ("url", "empty_band", "small_band"),
    [
        (CS_CATALOGUE, "do 5 000 obyvatel (0 projektů)", "5 000–20 000 obyvatel (0 projektů)"),
        (
            EN_CATALOGUE,
            "under 5,000 inhabitants (0 projects)",
            "5,000–20,000 inhabitants (0 projects)",
        ),
    ],
)
def test_a_size_band_without_projects_is_shown_greyed_with_0(
    client, english_catalogue, url, empty_band, small_band
):
    html = get_html(client, url)
    sizes = facet_options(html, "size")
    assert list(sizes) == ["under-5k", "5k-20k", "20k-50k", "50k-100k", "100k-500k", "over-500k"]
    # (label, disabled, checked): shown, greyed out, never a way to an empty listing.
    assert sizes["under-5k"] == (empty_band, True, False)
    assert sizes["5k-20k"] == (small_band, True, False)
    assert not html.select('.catalogue-filters a[href*="size="]')
    # Other facets still list only what the catalogue has.
    assert "SE" not in facet_options(html, "country")


def test_a_project_in_a_village_fills_its_band(client, projects):
    ProjectPageFactory(parent=projects["kolin"].get_parent(), title="Obec", population=240)
    html = get_html(client, CS_CATALOGUE)
    assert facet_options(html, "size")["under-5k"] == (
        "do 5 000 obyvatel (1 projekt)",
        False,
        False,
    )
    html = get_html(client, CS_CATALOGUE + "?size=under-5k")
    assert card_titles(html) == ["Obec"]


def test_facets_combine_with_and(client, projects):
    html = get_html(client, CS_CATALOGUE + "?area=transport&size=20k-50k")
    assert card_titles(html) == [KOLIN]
    assert counts(html, "size") == {
        "under-5k": 0,
        "5k-20k": 0,
        "20k-50k": 1,
        "50k-100k": 0,
        "100k-500k": 1,
        "over-500k": 1,
    }
    assert counts(html, "area") == {"transport": 1, "energy": 1, "ict": 1}


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("budget=10m-50m", [KOLIN, BRNO]),
        ("budget=over-200m", [VIENNA]),
        ("funding=own_budget", [TABOR, PISEK, KOLIN, KRAKOW]),
        ("funding=private&funding=eu_operational", [VIENNA, KOLIN, BRNO, KRAKOW]),
        ("country=AT", [VIENNA]),
        ("region=CZ031", [TABOR, PISEK]),
        ("status=completed", [PISEK, KOLIN, KRAKOW]),
        ("status=completed&area=energy&country=PL", [KRAKOW]),
    ],
)
def test_each_facet_filters(client, projects, query, titles):
    assert card_titles(get_html(client, f"{CS_CATALOGUE}?{query}")) == titles


def test_chosen_filters_are_removable_chips_and_can_be_cleared(client, projects):
    html = get_html(client, CS_CATALOGUE + "?area=transport&topic=parking&q=Kol%C3%ADn")
    chips = {" ".join(a.get_text(" ", strip=True).split()): a["href"] for a in html.select(".chip")}
    assert chips == {
        "Oblast: Doprava × (odebrat)": CS_CATALOGUE + "?topic=parking&q=Kol%C3%ADn",
        "Téma: Parkování × (odebrat)": CS_CATALOGUE + "?area=transport&q=Kol%C3%ADn",
        "Hledání: Kolín × (odebrat)": CS_CATALOGUE + "?area=transport&topic=parking",
    }
    assert html.select_one(".chosen-filters__clear")["href"] == CS_CATALOGUE
    assert card_titles(get_html(client, chips["Hledání: Kolín × (odebrat)"])) == [KOLIN, BRNO]


def test_only_the_plain_catalogue_is_indexed_by_search_engines(client, projects):
    assert robots(get_html(client, CS_CATALOGUE)) is None
    assert robots(get_html(client, CS_CATALOGUE + "?page=1")) is None
    for query in [
        "?area=transport",
        "?topic=parking&topic=traffic-flow",
        "?area=transport&status=completed",
        "?q=Kol%C3%ADn",
        "?sort=cheapest",
        "?area=unknown",
    ]:
        assert robots(get_html(client, CS_CATALOGUE + query)) == "noindex, follow"


def test_unknown_and_malformed_parameters_are_left_out_with_a_note(client, projects):
    long_query = "parkování " * 200
    html = get_html(
        client,
        CS_CATALOGUE
        + "?area=doprava&area=transport&budget=abc&page=-1&sort=cheapest&size=&q="
        + long_query,
    )
    note = " ".join(html.select_one(".catalogue-notice").get_text(" ", strip=True).split())
    assert "Oblast “doprava”" in note
    assert "Rozpočet “abc”" in note
    assert html.select_one("#catalogue-q")["value"] == long_query[:SEARCH_MAX_LENGTH].strip()
    assert card_titles(html) == [KOLIN]
    assert facet_options(html, "area")["transport"][2]


@pytest.mark.parametrize("query", ['"(*', "AND OR NOT", "-", "*", "'", "%", "NEAR("])
def test_search_engine_syntax_in_the_query_is_taken_as_text(client, projects, query):
    response = client.get(CS_CATALOGUE, {"q": query})
    assert response.status_code == 200


def test_a_search_with_no_result_explains_itself_and_offers_a_way_back(client, projects):
    html = get_html(client, CS_CATALOGUE + "?q=k%C5%99i%C5%BEovatek&area=energy")
    empty = " ".join(html.select_one(".empty-state").get_text(" ", strip=True).split())
    assert "Hledali jste „křižovatek“." in empty
    assert html.select_one(".empty-state a")["href"] == CS_CATALOGUE
    assert [a["href"] for a in html.select(".chip")] == [
        CS_CATALOGUE + "?q=k%C5%99i%C5%BEovatek",
        CS_CATALOGUE + "?area=energy",
    ]


def test_every_word_typed_into_the_catalogue_narrows_it(client, projects):
    # The site search finds pages with any of the words; the catalogue's words filter, as its
    # facets do: "parkování Brno" is neither the Kolín parking project nor the Brno junctions.
    assert card_titles(get_html(client, CS_CATALOGUE + "?q=parkov%C3%A1n%C3%AD")) == [KOLIN]
    assert card_titles(get_html(client, CS_CATALOGUE + "?q=Brno")) == [BRNO]
    html = get_html(client, CS_CATALOGUE + "?q=parkov%C3%A1n%C3%AD+Brno")
    assert card_titles(html) == []
    assert counts(html, "area") == {"transport": 0, "energy": 0, "ict": 0}


def test_search_finds_czech_words_and_combines_with_facets(client, projects):
    html = get_html(client, CS_CATALOGUE + "?q=osv%C4%9Btlen%C3%AD")
    assert card_titles(html) == [PISEK]
    assert counts(html, "area") == {"transport": 0, "energy": 1, "ict": 0}
    html = get_html(client, CS_CATALOGUE + "?q=v+Brn%C4%9B&status=in_operation")
    assert card_titles(html) == [BRNO]


@pytest.mark.parametrize(
    ("sort", "titles"),
    [
        ("newest", [TABOR, VIENNA, PISEK, KOLIN, BRNO, KRAKOW]),
        ("budget-desc", [VIENNA, KRAKOW, BRNO, KOLIN, PISEK, TABOR]),
        ("budget-asc", [TABOR, PISEK, KOLIN, BRNO, KRAKOW, VIENNA]),
        ("cost-per-inhabitant", [TABOR, KRAKOW, VIENNA, BRNO, PISEK, KOLIN]),
        ("population", [VIENNA, KRAKOW, BRNO, TABOR, KOLIN, PISEK]),
        # Czech order: "ch" comes after "h", "ř" after "r", "ú" with "u".
        ("title", [VIENNA, KOLIN, TABOR, BRNO, PISEK, KRAKOW]),
    ],
)
def test_sorting(client, projects, sort, titles):
    html = get_html(client, f"{CS_CATALOGUE}?sort={sort}")
    assert card_titles(html) == titles
    assert html.select_one("#catalogue-sort option[selected]")["value"] == sort


def test_pages_of_twelve_keep_the_filters_and_never_fail(client, projects):
    index = projects["kolin"].get_parent()
    for number in range(14):
        ProjectPageFactory(parent=index, title=f"Další projekt {number:02}", start_year=2000)
    base = CS_CATALOGUE + "?status=completed&sort=title"
    first = get_html(client, base)
    assert len(card_titles(first)) == 12
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert next_link == base + "&page=2"
    second = get_html(client, next_link)
    assert len(card_titles(second)) == 17 - 12
    assert second.select_one('.pagination a[rel="prev"]')["href"] == base
    assert "Strana 2 z 2" in second.select_one(".pagination").get_text()
    for page, shown in [
        ("99", second),
        ("9" * 5000, second),
        ("-1", first),
        ("0", first),
        ("abc", first),
        ("", first),
        ("²", first),
        ("٢", first),
    ]:
        assert card_titles(get_html(client, f"{base}&page={page}")) == card_titles(shown)


def test_the_chart_sums_the_listed_budgets_by_area_and_topic(client, projects):
    html = get_html(client, CS_CATALOGUE + "?country=CZ&country=PL")
    svg = html.select_one(".budget-chart svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.select_one(f"#{title_id}").get_text() == "Rozpočty podle oblastí a témat"
    desc = svg.select_one(f"#{desc_id}").get_text().replace("\xa0", " ")
    assert (
        "Doprava: 57 000 000 Kč, Plynulost provozu 45 000 000 Kč, Parkování 57 000 000 Kč." in desc
    )
    table = html.select_one(".budget-chart table")
    assert table.caption.get_text() == "Součet rozpočtů projektů podle oblastí a témat"
    rows = [
        [cell.get_text(strip=True).replace("\xa0", " ") for cell in row.select("th, td")]
        for row in table.tbody.select("tr")
    ]
    assert rows == [
        ["Doprava", "57 000 000 Kč"],
        ["Plynulost provozu", "45 000 000 Kč"],
        ["Parkování", "57 000 000 Kč"],
        ["Energetika", "64 000 000 Kč"],
        ["Energetická efektivita", "64 000 000 Kč"],
        ["ICT", "800 000 Kč"],
        ["Otevřená data", "800 000 Kč"],
    ]
    # The longest bar is the largest sum.
    bars = {
        bar.find("text").get_text().split(":")[0]: int(bar.find("rect")["width"])
        for bar in svg.select("g")
    }
    assert bars["Energetika"] == 440
    assert bars["Doprava"] == round(440 * 57 / 64)


def test_the_head_announces_the_open_data_with_the_current_filters(client, projects):
    html = get_html(client, CS_CATALOGUE + "?area=transport&sort=title&page=1")
    csv_link = html.select_one('link[rel="alternate"][type="text/csv"]')["href"]
    json_link = html.select_one('link[rel="alternate"][type="application/json"]')["href"]
    assert csv_link.endswith(CS_CATALOGUE + "csv/?area=transport&sort=title")
    assert json_link.endswith(CS_CATALOGUE + "json/?area=transport&sort=title")


def test_the_english_catalogue_lists_english_pages_with_english_names(client, english_catalogue):
    html = get_html(client, EN_CATALOGUE)
    assert card_titles(html) == ["Efficient street lighting in Písek", "Smart parking in Kolín"]
    assert facet_options(html, "area") == {
        "transport": ("Transport (1 project)", False, False),
        "energy": ("Energy (1 project)", False, False),
    }
    assert facet_options(html, "topic")["parking"][0] == "Parking (1 project)"
    assert facet_options(html, "country")["CZ"][0] == "Czech Republic (2 projects)"
    assert facet_options(html, "status")["completed"][0] == "Completed (2 projects)"
    card = " ".join(html.select(".project-card")[1].get_text(" ", strip=True).split())
    assert "CZK 12,000,000" in card
    assert "Transport" in card
    assert "Doprava" not in html.get_text()
    assert card_titles(get_html(client, EN_CATALOGUE + "?q=lighting")) == [
        "Efficient street lighting in Písek"
    ]
    assert card_titles(get_html(client, EN_CATALOGUE + "?topic=parking")) == [
        "Smart parking in Kolín"
    ]


def test_the_other_language_keeps_the_filters_and_page_but_not_the_search_words(
    client, english_catalogue
):
    html = get_html(client, CS_CATALOGUE + "?area=transport&topic=parking&q=kolín&sort=title")
    switch = html.select_one('[data-testid="switch-en"]')["href"]
    assert switch == EN_CATALOGUE + "?area=transport&topic=parking&sort=title"
    html = get_html(client, EN_CATALOGUE + "?status=completed&page=2")
    assert (
        html.select_one('[data-testid="switch-cs"]')["href"]
        == CS_CATALOGUE + "?status=completed&page=2"
    )
