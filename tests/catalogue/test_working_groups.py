"""Working-group pages: who is in each group, what it has produced, and how to join it."""

import pytest

from catalogue.models import Area, Topic
from tests.factories.catalogue import ProjectPageFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db


def cards(html):
    return [
        (
            card.select_one("img")["src"],
            card.select_one("h2").get_text(strip=True),
            link["href"] if (link := card.select_one("h2 a")) else None,
        )
        for card in html.select(".working-groups > li")
    ]


def test_the_source_language_vocabulary_is_the_czech_snippets(areas):
    source_areas = Area.objects.in_source_language()
    assert [area.name for area in source_areas] == [
        "Doprava",
        "Energetika",
        "ICT",
        "Smart governance",
    ]
    assert list(source_areas) == [czech for czech, _english in areas.values()]
    topics = Topic.objects.in_source_language()
    assert topics.exists()
    assert {topic.locale.language_code for topic in topics} == {"cs"}
    assert topics.count() == Topic.objects.filter(locale__language_code="en").count()


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_index_has_a_card_per_area_in_the_pages_language(client, catalogue, areas, lang):
    html = get_html(client, catalogue[lang]["groups"].url)
    names = {
        "cs": ["Doprava", "Energetika", "ICT", "Smart governance"],
        "en": ["Transport", "Energy", "ICT", "Smart governance"],
    }[lang]
    pictograms = [f"/static/img/groups/{code}.svg" for code in ["transport", "energy", "ict"]]
    # Only transport has a page so far: the others are listed, not linked.
    assert cards(html) == [
        (pictograms[0], names[0], catalogue[lang]["group"].url),
        (pictograms[1], names[1], None),
        (pictograms[2], names[2], None),
        ("/static/img/groups/governance.svg", names[3], None),
    ]
    description = html.select_one(".working-groups > li p").get_text(strip=True)
    cs_transport, en_transport = areas["transport"]
    assert description == (cs_transport if lang == "cs" else en_transport).description


def test_a_draft_group_page_is_not_linked(client, catalogue):
    catalogue["cs"]["group"].unpublish()
    html = get_html(client, catalogue["cs"]["groups"].url)
    assert cards(html)[0][2] is None


def member_rows(html):
    return [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in html.select('[data-testid="members"] tbody tr')
    ]


def test_czech_group_page_lists_members_guides_and_projects(client, catalogue):
    html = get_html(client, "/cs/pracovni-skupiny/doprava/")
    assert html.h1.get_text(strip=True) == "Pracovní skupina Doprava"
    assert "Sbíráme osvědčené dopravní projekty." in html.select_one(".lead").get_text()
    assert member_rows(html) == [
        ["Ing. Petr Novák", "Statutární město Kolín", "Veřejný", "Stratég"],
        ["Mgr. Eva Malá", "ČVUT v Praze", "Akademický", "Vývojář"],
    ]
    headings = [th.get_text(strip=True) for th in html.select('[data-testid="members"] thead th')]
    assert headings == ["Jméno a příjmení", "Organizace", "Sektor", "Role ve skupině"]
    guides = html.select('[data-testid="guides"] a')
    assert [(a.get_text(strip=True), a["href"]) for a in guides] == [
        ("Chytré parkování krok za krokem", catalogue["cs"]["guide"].url)
    ]
    projects = html.select('[data-testid="projects"] a')
    assert [a.get_text(strip=True) for a in projects] == ["Chytré parkování v Kolíně"]
    everything = html.select_one('[data-testid="all-projects"]')
    assert everything["href"] == "/cs/katalog/?area=transport"
    assert everything.get_text(strip=True) == "1 projekt oblasti Doprava v katalogu"


def test_english_group_page_shows_english_labels_and_english_pages(client, catalogue):
    html = get_html(client, "/en/working-groups/transport/")
    assert html.html["lang"] == "en"
    assert member_rows(html) == [
        ["Ing. Petr Novák", "Statutární město Kolín", "Public", "Strategist"],
        ["Mgr. Eva Malá", "ČVUT v Praze", "Academic", "Developer"],
    ]
    assert [a["href"] for a in html.select('[data-testid="guides"] a')] == [
        catalogue["en"]["guide"].url
    ]
    assert [a.get_text(strip=True) for a in html.select('[data-testid="projects"] a')] == [
        "Smart parking in Kolín"
    ]
    everything = html.select_one('[data-testid="all-projects"]')
    assert everything["href"] == "/en/catalogue/?area=transport"
    assert everything.get_text(strip=True) == "1 project in Transport in the catalogue"


def test_a_handful_of_the_newest_projects_and_a_count_of_all(client, catalogue):
    transport = catalogue["cs"]["group"].area
    for year in range(2010, 2016):
        ProjectPageFactory(
            parent=catalogue["cs"]["projects"], title=f"Projekt {year}", start_year=year,
            end_year=None, area=transport,
        )  # fmt: skip
    energy_project = ProjectPageFactory(parent=catalogue["cs"]["projects"], title="Jinde")
    html = get_html(client, "/cs/pracovni-skupiny/doprava/")
    titles = [a.get_text(strip=True) for a in html.select('[data-testid="projects"] a')]
    assert titles == [
        "Chytré parkování v Kolíně",
        "Projekt 2015",
        "Projekt 2014",
        "Projekt 2013",
        "Projekt 2012",
    ]
    assert energy_project.title not in html.get_text()
    assert html.select_one('[data-testid="all-projects"]').get_text(strip=True) == (
        "Všech 7 projektů oblasti Doprava v katalogu"
    )


def test_a_new_group_says_what_it_is_working_on(client, catalogue):
    catalogue["cs"]["guide"].unpublish()
    catalogue["cs"]["project"].unpublish()
    html = get_html(client, "/cs/pracovni-skupiny/doprava/")
    assert html.select_one('[data-testid="guides"]') is None
    assert html.select_one('[data-testid="projects"]') is None
    assert "Skupina píše svůj první návod." in html.get_text()
    assert "Skupina sbírá své první projekty." in html.get_text()


# Nominating an expert


def selected(html, name):
    field = html.select_one(f'[name="{name}"]')
    if field.name == "select":
        option = field.select_one("option[selected]")
        # The empty "– choose –" option is what an unchosen list shows.
        return option["value"] or None if option else None
    checked = html.select_one(f'[name="{name}"][checked]')
    return checked["value"] if checked else None


@pytest.mark.parametrize(
    ("lang", "form_path", "group_label"),
    [("cs", "/cs/prihlaska/", "Doprava"), ("en", "/en/apply/", "Transport")],
)
def test_nominate_link_opens_the_form_with_the_type_and_group_chosen(
    client, catalogue, lang, form_path, group_label
):
    page = get_html(client, catalogue[lang]["group"].url)
    link = page.select_one('[data-testid="nominate"]')
    assert (
        link.get_text(strip=True) == {"cs": "Nominovat odborníka", "en": "Nominate an expert"}[lang]
    )
    assert link["href"] == f"{form_path}?type=expert&group=transport"
    form = get_html(client, link["href"])
    assert selected(form, "application_type") == "expert"
    # The value is the area's code in both languages; the label is the page's language.
    assert selected(form, "working_group") == "transport"
    option = form.select_one('[name="working_group"] option[selected]')
    assert option.get_text(strip=True) == group_label


@pytest.mark.parametrize(
    "query",
    [
        "?type=nonsense&group=nowhere",
        "?type=&group=",
        "?group=transport&group=<script>",
        "?type=expert&group=" + "x" * 2000,
        "?type[]=expert",
    ],
)
def test_unknown_prefill_values_are_ignored(client, catalogue, query):
    form = get_html(client, "/cs/prihlaska/" + query)
    assert selected(form, "application_type") in (None, "expert")
    assert selected(form, "working_group") is None
    assert "<script>" not in str(form.select_one("form"))


def test_the_type_alone_can_be_chosen_by_a_link(client, catalogue):
    form = get_html(client, "/cs/prihlaska/?type=startup")
    assert selected(form, "application_type") == "startup"
    assert selected(form, "working_group") is None
