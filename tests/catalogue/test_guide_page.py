"""The guide page and the guide index as a visitor meets them, in both languages, and the
editor's check of the evaluation weights."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from catalogue.models import GuidePage
from tests.factories.catalogue import AreaFactory, GuidePageFactory
from tests.html import get_html, stream_field_errors

from .guide_fixtures import with_english

pytestmark = pytest.mark.django_db

SECTIONS = {
    "cs": [
        "Postup",
        "Rozpočet",
        "Rámcová osnova zadávací dokumentace",
        "Rizika",
        "Související projekty",
        "Verze a změny",
    ],
    "en": [
        "Steps",
        "Budget",
        "Tender documentation outline",
        "Risks",
        "Related projects",
        "Version and changes",
    ],
}
OUTLINE = {
    "cs": [
        "Předmět a rozsah plnění",
        "Technické požadavky",
        "Kvalifikační kritéria",
        "Hodnoticí kritéria",
        "Harmonogram",
        "Druh zakázky",
        "Právní poznámky",
    ],
    "en": [
        "Subject and scope",
        "Technical requirements",
        "Qualification criteria",
        "Evaluation criteria",
        "Timeline",
        "Contract type",
        "Legal notes",
    ],
}


def text(element):
    return " ".join(element.get_text(" ", strip=True).split()).replace("\xa0", " ")


def budget_rows(html):
    return [
        [text(cell) for cell in row.select("th, td")]
        for row in html.select("table.guide-budget tr")
    ]


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_every_section_renders_in_the_pages_language(client, guide, lang):
    html = get_html(client, guide[lang].url)
    assert [text(h) for h in html.select("main h2")] == SECTIONS[lang]
    assert [text(h) for h in html.select('[aria-labelledby="guide-tender"] > h3')] == OUTLINE[lang]
    page = text(html.select_one("main"))
    expected = {
        "cs": [
            "Implementační návod · Doprava",
            "Ukázkový obsah",
            "Pro koho je Města s 20 000 až 100 000 obyvateli",
            "Rozpočet napsán pro město s 50 000 obyvateli",
            "Témata Parkování",
            "naposledy revidováno 1. října 2026",
            "Cena 60 % Nabídková cena bez DPH",
            "Veřejná zakázka na dodávky",
            "zákona č. 134/2016 Sb.",
            "Vandalismus Senzory zapuštěné do vozovky.",
            "1. října 2026 – verze 1.0: První vydání.",
        ],
        "en": [
            "Implementation guide · Transport",
            "Sample content",
            "Who it is for Towns of 20,000 to 100,000 inhabitants",
            "Budget written for a town of 50,000 inhabitants",
            "Topics Parking",
            "last reviewed 1 October 2026",
            "Price 60% Tender price excluding VAT",
            "Public supply contract",
            "Act No. 134/2016 Coll.",
            "Vandalism Sensors set into the road surface.",
            "1 October 2026 – version 1.0: First edition.",
        ],
    }[lang]
    for fragment in expected:
        assert fragment in page
    steps = html.select("ol.guide-steps > li h3")
    assert len(steps) == 2
    assert not html.select('meta[name="robots"]')


@pytest.mark.parametrize(
    ("lang", "reference", "recomputed", "total", "per_inhabitant", "note"),
    [
        (
            "en",
            "CZK 1,000,000 – CZK 2,000,000",
            "CZK 460,000 – CZK 920,000",
            "CZK 760,000 – CZK 1,420,000",
            "CZK 33 – CZK 62",
            "Recomputed for a town of 23,000 inhabitants; the guide was written for 50,000.",
        ),
        (
            "cs",
            "1 000 000 Kč – 2 000 000 Kč",
            "460 000 Kč – 920 000 Kč",
            "760 000 Kč – 1 420 000 Kč",
            "33 Kč – 62 Kč",
            "Přepočteno pro město s 23 000 obyvateli; návod byl napsán pro 50 000 obyvatel.",
        ),
    ],
)
def test_the_budget_is_recomputed_for_the_visitors_town_beside_the_reference(
    client, guide, lang, reference, recomputed, total, per_inhabitant, note
):
    html = get_html(client, guide[lang].url + "?population=23000")
    rows = budget_rows(html)
    assert len(rows[0]) == 4  # item, scaling, the reference town, the visitor's town
    assert rows[1][2:] == [reference, recomputed]
    assert rows[2][2] == rows[2][3]  # the fixed line stays
    assert rows[3][2] == total  # the footer: "Total" spans the first two columns
    assert rows[4][2] == per_inhabitant
    assert note in text(html.select_one("#guide-budget").parent)
    assert html.select_one("#id_population")["value"] == "23000"
    # A parameterised view of the page is not a page for search engines.
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    # The Word outline follows the visitor's town.
    download = html.find("a", string=lambda s: s and "Word" in s)
    assert download["href"].endswith("?population=23000")
    # So does the other language's version of the guide.
    other = "en" if lang == "cs" else "cs"
    switch = html.select_one(f'[data-testid="switch-{other}"]')["href"]
    assert switch == guide[other].url + "?population=23000"


RANGE_WARNINGS = {
    # population: {language: (the range, the advice)}
    1_200: {
        "cs": (
            "Návod byl napsán pro města s 20 000 až 100 000 obyvateli.",
            "Pro obec s počtem obyvatel 1 200 je přepočtený rozpočet jen hrubý odhad",
        ),
        "en": (
            "This guide was written for towns of 20,000 to 100,000 inhabitants.",
            "For a town of 1,200 inhabitants the recomputed budget is only a rough estimate",
        ),
    },
    250_000: {
        "cs": (
            "Návod byl napsán pro města s 20 000 až 100 000 obyvateli.",
            "větší město obvykle rozdělí projekt do etap",
        ),
        "en": (
            "This guide was written for towns of 20,000 to 100,000 inhabitants.",
            "a larger town usually splits the project into phases",
        ),
    },
}


def range_warning(html):
    warning = html.select_one(".guide-budget__range-warning")
    return text(warning) if warning else None


@pytest.mark.parametrize("lang", ["cs", "en"])
@pytest.mark.parametrize("population", [1_200, 250_000])
def test_a_town_outside_the_guides_range_is_warned(client, guide, lang, population):
    html = get_html(client, f"{guide[lang].url}?population={population}")
    the_range, advice = RANGE_WARNINGS[population][lang]
    warning = range_warning(html)
    assert warning.startswith(the_range)
    assert advice in warning
    # The recomputed budget is still there, below the warning.
    assert len(budget_rows(html)[0]) == 4


@pytest.mark.parametrize("population", ["20000", "23000", "100000"])
def test_a_town_within_the_range_gets_no_warning(client, guide, population):
    for lang in ("cs", "en"):
        html = get_html(client, f"{guide[lang].url}?population={population}")
        assert range_warning(html) is None
    assert range_warning(get_html(client, guide["cs"].url)) is None


@pytest.mark.parametrize(
    ("low", "high", "population", "expected"),
    [
        (20_000, None, 1_200, "This guide was written for towns of 20,000 inhabitants or more."),
        (None, 100_000, 250_000, "This guide was written for towns of up to 100,000 inhabitants."),
        (None, None, 1_200, None),
    ],
)
def test_the_warning_follows_the_range_editors_set(client, guide, low, high, population, expected):
    english = guide["en"]
    english.min_population, english.max_population = low, high
    english.save_revision().publish()
    warning = range_warning(get_html(client, f"{english.url}?population={population}"))
    assert (warning.split(".")[0] + "." if warning else None) == expected


@pytest.mark.parametrize("value", ["abc", "0", "-5", "20000001", "2.5", "9" * 2000, "x" * 2000, ""])
@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("cs", "Zadejte počet obyvatel jako celé číslo od 1 do 20 000 000."),
        ("en", "Enter the number of inhabitants as a whole number from 1 to 20,000,000."),
    ],
)
def test_a_wrong_population_gets_a_clear_message_and_the_reference_budget(
    client, guide, lang, message, value
):
    response = client.get(guide[lang].url, {"population": value})
    assert response.status_code == 200
    html = get_html(client, f"{guide[lang].url}?population={value}")
    form = html.select_one("form.population-form")
    assert text(form.select_one("#population-error")) == message
    assert form.select_one("input")["aria-invalid"] == "true"
    rows = budget_rows(html)
    assert len(rows[0]) == 3  # the reference town only
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"


def test_a_draft_guide_is_not_public(client, guide_index, parking):
    area, topic = parking
    draft = GuidePageFactory(parent=guide_index["cs"], area=area, live=False, slug="koncept")
    assert client.get(draft.url or "/cs/navody/koncept/").status_code == 404


def test_related_projects_share_the_area_topic_matches_first_same_language_live_only(
    client, guide, guide_projects
):
    cs = get_html(client, guide["cs"].url)
    assert [text(a) for a in cs.select(".project-list__title a")] == [
        "Parkování Kolín",
        "Arteriál Brno",
    ]
    link = cs.find("a", string="Všechny odpovídající projekty v katalogu")
    assert link["href"] == "/cs/katalog/?area=transport&topic=parking"

    en = get_html(client, guide["en"].url)
    assert [text(a) for a in en.select(".project-list__title a")] == ["Parking in Kolín"]
    assert en.select_one(".project-list__meta").get_text().count("Czech Republic") == 1
    link = en.find("a", string="All matching projects in the catalogue")
    assert link["href"] == "/en/catalogue/?area=transport&topic=parking"


def test_the_guide_index_groups_guides_by_area_in_the_pages_language(
    client, guide, guide_index, parking, locales, translate
):
    energy = with_english(
        AreaFactory(slug="energy", name="Energetika", sort_order=2),
        locales,
        translate,
        name="Energy",
    )
    transport, _topic = parking
    transport.sort_order = 1
    transport.save()
    lighting = GuidePageFactory(
        parent=guide_index["cs"],
        title="Veřejné osvětlení",
        area=energy,
        version="2.1",
        max_population=30_000,
        reference_population=10_000,
        is_sample=False,
    )
    GuidePageFactory(parent=guide_index["cs"], title="Rozpracovaný návod", area=energy, live=False)
    translate(lighting, title="Street lighting", slug="street-lighting")

    for lang, headings, guide_titles, facts in [
        (
            "cs",
            ["Doprava", "Energetika"],
            [["Chytré parkování"], ["Veřejné osvětlení"]],
            "Pro koho je Města do 30 000 obyvatel Verze 2.1 Naposledy revidováno 1. října 2026",
        ),
        (
            "en",
            ["Transport", "Energy"],
            [["Smart parking"], ["Street lighting"]],
            "Who it is for Towns of up to 30,000 inhabitants Version 2.1 "
            "Last reviewed 1 October 2026",
        ),
    ]:
        html = get_html(client, guide_index[lang].url)
        sections = html.select("section.guide-area")
        assert [text(s.h2) for s in sections] == headings
        assert [[text(a) for a in s.select("h3 a")] for s in sections] == guide_titles
        parking_card, lighting_card = html.select(".guide-summary")
        assert parking_card.select_one(".guide-summary__sample")
        assert not lighting_card.select_one(".guide-summary__sample")
        assert text(lighting_card.select_one("dl")) == facts


def admin_form(guide, weights):
    data = nested_form_data(
        {
            "title": guide.title,
            "slug": guide.slug,
            "summary": guide.summary,
            "area": guide.area_id,
            "reference_population": 50_000,
            "version": "1.1",
            "last_reviewed": "2026-11-01",
            "steps": streamfield(
                [("step", {"title": "Analýza", "text": rich_text("<p>Změřte to.</p>")})]
            ),
            "budget_lines": streamfield([]),
            "evaluation_criteria": streamfield(
                [
                    ("criterion", {"name": f"Kritérium {n}", "weight": w, "description": ""})
                    for n, w in enumerate(weights)
                ]
            ),
            "timeline": streamfield([]),
            "risks": streamfield([]),
            "documents": streamfield([]),
            "change_log": streamfield([]),
            "action-publish": "publish",
        }
    )
    # A multiple choice posts one value per option (nested_form_data would number them).
    data["topics"] = [topic.pk for topic in guide.topics.all()]
    return data


@pytest.mark.parametrize(
    ("admin_language", "message"),
    [
        ("cs", "Váhy hodnoticích kritérií dávají dohromady 90 %, ne 100 %."),
        ("en", "The weights of the evaluation criteria add up to 90 %, not 100 %."),
    ],
)
def test_the_editor_refuses_weights_that_do_not_add_up_to_100(
    admin_client, admin_user, guide, admin_language, message
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = admin_language
    profile.save()
    cs = guide["cs"]
    response = admin_client.post(f"/admin/pages/{cs.pk}/edit/", admin_form(cs, [50, 40]))
    assert response.status_code == 200
    assert stream_field_errors(response, "evaluation_criteria")["messages"] == [message]
    assert GuidePage.objects.get(pk=cs.pk).version == "1.0"

    parent = cs.get_parent()
    new = admin_form(cs, [70, 40]) | {"title": "Nový návod", "slug": "novy-navod"}
    response = admin_client.post(f"/admin/pages/add/catalogue/guidepage/{parent.pk}/", new)
    assert response.status_code == 200
    assert stream_field_errors(response, "evaluation_criteria")["messages"] == [
        message.replace("90", "110")
    ]
    assert not Page.objects.filter(slug="novy-navod").exists()


def test_the_editor_publishes_weights_that_add_up_to_100(admin_client, guide):
    cs = guide["cs"]
    response = admin_client.post(f"/admin/pages/{cs.pk}/edit/", admin_form(cs, [70, 30]))
    assert response.status_code == 302
    assert GuidePage.objects.get(pk=cs.pk).version == "1.1"
