"""Comparing two to four projects side by side; anything else is explained."""

import pytest

from tests.catalogue.known_catalogue import CS_CATALOGUE, EN_CATALOGUE
from tests.catalogue.pages import facet_options, get_html
from tests.factories.catalogue import ProjectPageFactory

pytestmark = pytest.mark.django_db

CS_COMPARE = CS_CATALOGUE + "porovnani/"
EN_COMPARE = EN_CATALOGUE + "compare/"


def compare_url(base, *ids):
    return base + "?" + "&".join(f"p={pk}" for pk in ids)


def table(html):
    """{row heading: [cell text per project]} of the comparison."""
    rows = {}
    for row in html.select(".compare-table tbody tr"):
        cells = [" ".join(td.get_text(" ", strip=True).split()) for td in row.select("td")]
        rows[row.th.get_text(strip=True)] = [cell.replace("\xa0", " ") for cell in cells]
    return rows


def notices(html):
    return [" ".join(p.get_text().split()) for p in html.select(".catalogue-notice")]


def test_the_catalogue_sends_the_ticked_projects_to_the_comparison(client, projects):
    html = get_html(client, CS_CATALOGUE)
    form = html.select_one("form.catalogue-compare")
    assert form["method"] == "get"
    assert form["action"].endswith(CS_COMPARE)
    boxes = form.select('input[type=checkbox][name="p"]')
    assert {int(box["value"]) for box in boxes} == {page.pk for page in projects.values()}
    assert all(form.select_one(f'label[for="{box["id"]}"]') for box in boxes)


def test_two_projects_side_by_side(client, projects):
    html = get_html(client, compare_url(CS_COMPARE, projects["kolin"].pk, projects["vienna"].pk))
    assert notices(html) == []
    headings = [a.get_text() for a in html.select(".compare-table thead th a")]
    assert headings == ["Chytré parkování v Kolíně", "Elektrobusy ve Vídni"]
    rows = table(html)
    assert rows["Město"] == ["Kolín, Česká republika", "Vídeň, Rakousko"]
    assert rows["Rozpočet (Kč)"] == ["12 000 000 Kč", "200 000 000 Kč"]
    assert rows["Náklady na obyvatele"] == ["364 Kč", "105 Kč"]
    assert rows["Velikost města"] == [
        "33 000 (20 000–50 000 obyvatel)",
        "1 900 000 (nad 500 000 obyvatel)",
    ]
    assert rows["Doba trvání"] == ["2019–2021 (3 roky)", "od roku 2022, stále probíhá"]
    assert rows["Financování"] == [
        "Vlastní rozpočet: 30 % Operační programy EU: 70 %",
        "Soukromé zdroje / PPP: 100 %",
    ]
    assert rows["Výsledky"] == ["Doba hledání místa: 12 → 4,5 min (−7,5 min; −62 %)", "—"]
    region = html.select_one(".table-scroll")
    assert region["role"] == "region"
    assert html.select_one(f"#{region['aria-labelledby']}").name == "caption"
    assert html.select_one('meta[name="robots"]')["content"] == "noindex, follow"


def test_the_english_comparison_in_english(client, english_catalogue):
    kolin, pisek = english_catalogue["projects"]["kolin"], english_catalogue["projects"]["pisek"]
    html = get_html(client, compare_url(EN_COMPARE, kolin.pk, pisek.pk))
    rows = table(html)
    assert rows["Budget (CZK)"] == ["CZK 12,000,000", "CZK 4,000,000"]
    assert rows["Area"] == ["Transport", "Energy"]
    assert rows["Duration"] == ["2019–2021 (3 years)", "2020–2021 (2 years)"]
    assert rows["Funding"][0] == "Own budget: 30% EU operational programmes: 70%"
    # The language switcher leads to the Czech comparison of the same projects.
    czech = [page.get_translation(page.locale.get_default()).pk for page in (kolin, pisek)]
    assert html.select_one('[data-testid="switch-cs"]')["href"] == compare_url(CS_COMPARE, *czech)


@pytest.mark.parametrize(
    ("ids", "expected_notice", "compared"),
    [
        ([], "Vyberte v katalogu alespoň dva projekty", 0),
        (["kolin"], "Vyberte v katalogu alespoň dva projekty", 0),
        (["kolin", "kolin"], "Vyberte v katalogu alespoň dva projekty", 0),
        (["kolin", "brno", "vienna", "pisek", "tabor"], "nejvýše čtyři projekty", 4),
        (["kolin", "brno", 999999], "v tomto katalogu nejsou", 2),
        (["kolin", "brno", "abc"], "v tomto katalogu nejsou", 2),
        # Digits only in Unicode's eyes ("²".isdigit() is true), and an id past any database's.
        (["kolin", "brno", "²"], "v tomto katalogu nejsou", 2),
        (["kolin", "brno", "٣"], "v tomto katalogu nejsou", 2),
        (["kolin", "brno", "9" * 40], "v tomto katalogu nejsou", 2),
        (["kolin", "draft"], "v tomto katalogu nejsou", 0),
    ],
)
def test_other_choices_are_explained(client, projects, ids, expected_notice, compared):
    draft = ProjectPageFactory(parent=projects["kolin"].get_parent(), live=False)
    pks = {**{key: page.pk for key, page in projects.items()}, "draft": draft.pk}
    html = get_html(client, compare_url(CS_COMPARE, *[pks.get(key, key) for key in ids]))
    assert any(expected_notice in notice for notice in notices(html))
    assert len(html.select(".compare-table thead th")) == compared
    if not compared:
        assert html.select_one(".page-body a.button")["href"] == CS_CATALOGUE


def test_projects_of_the_other_language_are_not_compared_here(client, english_catalogue):
    kolin, pisek = english_catalogue["projects"]["kolin"], english_catalogue["projects"]["pisek"]
    html = get_html(client, compare_url(CS_COMPARE, kolin.pk, pisek.pk))
    assert any("v tomto katalogu nejsou" in notice for notice in notices(html))
    assert not html.select(".compare-table")


def test_a_flood_of_ids_is_cut_short(client, projects):
    url = compare_url(CS_COMPARE, projects["kolin"].pk, projects["brno"].pk, *range(1, 900))
    html = get_html(client, url)
    assert len(html.select(".compare-table thead th")) == 2


def one_year_with_a_percentage(project, indicator):
    project.start_year = project.end_year = 2021
    project.results = [
        ("result", {"indicator": indicator, "before": "48", "after": "74", "unit": "%"}),
    ]
    project.save_revision().publish()


@pytest.mark.parametrize(
    ("lang", "indicator", "line"),
    [
        ("cs", "Podíl LED svítidel", "Podíl LED svítidel: 48 → 74 % (+26 p. b.; +54 %)"),
        ("en", "Share of LED lamps", "Share of LED lamps: 48 → 74% (+26 pp; +54%)"),
    ],
)
def test_one_year_is_one_year_and_percentages_change_by_points(
    client, english_catalogue, projects, lang, indicator, line
):
    chosen = projects if lang == "cs" else english_catalogue["projects"]
    one_year_with_a_percentage(chosen["pisek"], indicator)
    base = CS_COMPARE if lang == "cs" else EN_COMPARE
    rows = table(get_html(client, compare_url(base, chosen["kolin"].pk, chosen["pisek"].pk)))
    duration = rows["Doba trvání" if lang == "cs" else "Duration"]
    assert duration[1] == "2021"
    assert rows["Výsledky" if lang == "cs" else "Results"][1] == line


def test_the_language_switch_keeps_the_chosen_projects_and_filters(client, english_catalogue):
    en = english_catalogue["projects"]
    cs = {key: page.get_translation(page.locale.get_default()) for key, page in en.items()}
    filters = "?area=transport&area=energy&sort=title"
    html = get_html(client, f"{CS_COMPARE}{filters}&p={cs['kolin'].pk}&p={cs['pisek'].pk}")
    switch = html.select_one('[data-testid="switch-en"]')["href"]
    assert switch == f"{EN_COMPARE}{filters}&p={en['kolin'].pk}&p={en['pisek'].pk}"
    english = get_html(client, switch)
    assert notices(english) == []
    assert [a.get_text() for a in english.select(".compare-table thead th a")] == [
        "Smart parking in Kolín",
        "Efficient street lighting in Písek",
    ]
    # And back: the Czech comparison of the same projects.
    back = english.select_one('[data-testid="switch-cs"]')["href"]
    assert back == f"{CS_COMPARE}{filters}&p={cs['kolin'].pk}&p={cs['pisek'].pk}"


def test_the_switch_leaves_out_a_project_not_translated_yet(client, english_catalogue, projects):
    html = get_html(client, compare_url(CS_COMPARE, projects["kolin"].pk, projects["brno"].pk))
    switch = html.select_one('[data-testid="switch-en"]')["href"]
    assert switch == compare_url(EN_COMPARE, english_catalogue["projects"]["kolin"].pk)


@pytest.mark.parametrize(
    ("base", "catalogue", "back"),
    [
        (CS_COMPARE, CS_CATALOGUE, "Zpět do katalogu"),
        (EN_COMPARE, EN_CATALOGUE, "Back to the catalogue"),
    ],
)
def test_back_to_the_catalogue_keeps_the_filters_and_the_ticked_projects(
    client, english_catalogue, projects, base, catalogue, back
):
    chosen = projects if base == CS_COMPARE else english_catalogue["projects"]
    kolin, pisek = chosen["kolin"].pk, chosen["pisek"].pk
    # The catalogue's compare form carries what the listing was asked.
    listing = get_html(client, catalogue + "?area=transport&area=energy&sort=title")
    hidden = listing.select('form.catalogue-compare input[type="hidden"]')
    assert [(box["name"], box["value"]) for box in hidden] == [
        ("area", "transport"),
        ("area", "energy"),
        ("sort", "title"),
    ]
    html = get_html(client, f"{base}?area=transport&area=energy&sort=title&p={kolin}&p={pisek}")
    link = html.find("a", string=back)
    assert link["href"] == f"{catalogue}?area=transport&area=energy&sort=title&p={kolin}&p={pisek}"
    returned = get_html(client, link["href"])
    assert facet_options(returned, "area")["transport"][2]  # ticked
    assert facet_options(returned, "area")["energy"][2]
    ticked = returned.select('form.catalogue-compare input[name="p"][checked]')
    assert {int(box["value"]) for box in ticked} == {kolin, pisek}
    assert returned.select_one('meta[name="robots"]')["content"] == "noindex, follow"


@pytest.mark.parametrize("count", [2, 3, 4])
def test_a_phone_is_told_when_the_comparison_scrolls(client, projects, count):
    keys = ["kolin", "brno", "vienna", "pisek"][:count]
    html = get_html(client, compare_url(CS_COMPARE, *[projects[key].pk for key in keys]))
    table_element = html.select_one(".compare-table")
    assert f"compare-table--{count}" in table_element["class"]
    hint = html.select_one(".compare-scroll-hint")
    if count == 2:
        assert hint is None  # two fit a phone side by side
    else:
        assert hint.get_text(strip=True) == (
            f"Posuňte tabulku do strany, uvidíte všechny {count} projekty."
        )
