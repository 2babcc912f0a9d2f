"""A project page tells a city official what it cost, what came of it and whom to call; the
editor cannot save shares that do not add up."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from catalogue.choices import FundingSource
from tests.html import get_html

pytestmark = pytest.mark.django_db


def facts(html):
    return {
        row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True)
        for row in html.select('[data-testid="key-facts"] > div')
    }


def table_rows(html, testid):
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in html.select(f'[data-testid="{testid}"] tbody tr')
    ]


def test_czech_page_answers_cost_results_and_contact_in_czech(client, catalogue):
    html = get_html(client, "/cs/katalog/chytre-parkovani/")
    assert html.h1.get_text(strip=True) == "Chytré parkování v Kolíně"
    assert facts(html) == {
        "Město": "Kolín",
        "Stát": "Česká republika",
        "Kraj": "Středočeský kraj",
        "Počet obyvatel": "33\xa0000",
        "Oblast": "Doprava",
        "Témata": "Parkování",
        "Stav": "V provozu",
        "Roky": "2019–2021",
        "Rozpočet": "500\xa0000\xa0€ 12\xa0561\xa0700\xa0Kč, přepočteno kurzem 25,1234 Kč za EUR"
        " ze dne 1. března 2024",
        "Náklady na obyvatele": "381\xa0Kč",
    }
    assert table_rows(html, "results") == [
        ["Doba hledání místa", "12,5 min", "8 min", "\u22124,5 min (\u221236\xa0%)"],
        ["Obsazená místa za den", "—", "1\xa0200", "—"],
    ]
    assert table_rows(html, "funding") == [
        ["Vlastní rozpočet", "30\xa0%", ""],
        ["Operační programy EU", "70\xa0%", ""],
    ]
    bars = [rect["width"] for rect in html.select('[data-testid="funding"] rect.funding__value')]
    assert bars == ["30.00%", "70.00%"]
    procurement = html.select_one('[data-testid="procurement"]').get_text(" ", strip=True)
    assert "Otevřené řízení" in procurement
    assert "34970000-2" in procurement
    assert "11\xa0500\xa0000\xa0Kč" in procurement
    contact = html.select_one('[data-testid="contact"]')
    assert "Jana Dvořáková" in contact.get_text()
    assert "vedoucí odboru dopravy" in contact.get_text()
    assert contact.select_one("a[href^=mailto]")["href"] == "mailto:jana.dvorakova@kolin.example.cz"
    assert contact.select_one("a[href^=tel]")["href"] == "tel:+420321748111"
    assert "Ukázkový obsah" in html.select_one(".sample-notice").get_text()


def test_english_page_shows_english_names_and_money(client, catalogue):
    html = get_html(client, "/en/catalogue/smart-parking/")
    assert html.html["lang"] == "en"
    found = facts(html)
    assert found["Area"] == "Transport"
    assert found["Topics"] == "Parking"
    assert found["Country"] == "Czech Republic"
    assert found["Status"] == "In operation"
    assert found["Population"] == "33,000"
    assert found["Budget"] == (
        "EUR\xa0500,000 CZK\xa012,561,700, converted at 25.1234 CZK per EUR on 1 March 2024"
    )
    assert found["Cost per inhabitant"] == "CZK\xa0381"
    assert table_rows(html, "results")[0] == [
        "Time spent looking for a space",
        "12.5 min",
        "8 min",
        "\u22124.5 min (\u221236%)",
    ]
    assert table_rows(html, "funding") == [
        ["Own budget", "30%", ""],
        ["EU operational programmes", "70%", ""],
    ]
    assert "head of the transport department" in html.select_one('[data-testid="contact"]').text
    assert "Sample content" in html.select_one(".sample-notice").get_text()


def test_a_czech_budget_is_not_converted(client, catalogue):
    project = catalogue["cs"]["project"]
    project.budget_amount, project.budget_currency = 12_000_000, "CZK"
    project.exchange_rate, project.exchange_rate_date, project.end_year = 1, None, None
    project.save_revision().publish()
    html = get_html(client, project.url)
    assert facts(html)["Rozpočet"] == "12\xa0000\xa0000\xa0Kč"
    assert facts(html)["Náklady na obyvatele"] == "364\xa0Kč"
    assert facts(html)["Roky"] == "od roku 2019"
    assert html.select_one('[data-testid="conversion"]') is None


@pytest.mark.parametrize(
    ("lang", "share", "years"),
    [
        ("cs", ["Podíl LED svítidel", "48 %", "74 %", "+26 p. b. (+54 %)"], "2021"),
        ("en", ["Share of LED lamps", "48%", "74%", "+26 pp (+54%)"], "2021"),
    ],
)
def test_a_change_of_a_percentage_is_in_percentage_points_and_one_year_is_one_year(
    client, catalogue, lang, share, years
):
    project = catalogue[lang]["project"]
    project.start_year = project.end_year = 2021
    project.results = [
        ("result", {"indicator": share[0], "before": "48", "after": "74", "unit": "%"}),
    ]
    project.save_revision().publish()
    html = get_html(client, project.url)
    assert [cell.replace("\xa0", " ") for cell in table_rows(html, "results")[0]] == share
    assert facts(html)["Roky" if lang == "cs" else "Years"] == years


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_links_to_the_working_group_the_catalogue_and_live_suppliers(client, catalogue, lang):
    pages = catalogue[lang]
    html = get_html(client, pages["project"].url)
    more = {a.get_text(strip=True): a["href"] for a in html.select('[data-testid="more-links"] a')}
    catalogue_url = pages["projects"].url
    assert more == {
        {"cs": "Pracovní skupina Doprava", "en": "Working group Transport"}[lang]: pages[
            "group"
        ].url,
        {"cs": "Další projekty v oblasti Doprava", "en": "More projects in Transport"}[lang]: (
            f"{catalogue_url}?area=transport"
        ),
        {"cs": "Další projekty na téma Parkování", "en": "More projects on Parking"}[lang]: (
            f"{catalogue_url}?topic=parking"
        ),
    }
    key_links = [a["href"] for a in html.select('[data-testid="key-facts"] a')]
    assert key_links == [f"{catalogue_url}?area=transport", f"{catalogue_url}?topic=parking"]
    suppliers = html.select('[data-testid="suppliers"] li')
    # The first supplier's page is live: linked, in the page's language; the second is a draft.
    live_link = suppliers[0].select("a")
    assert live_link[0]["href"] == {"cs": "/cs/o-iniciative/", "en": "/en/about/"}[lang]
    assert live_link[1]["href"] == "https://parking.example.cz"
    assert suppliers[1].select("a") == []
    assert "Koncept, s. r. o." in suppliers[1].get_text()


@pytest.mark.parametrize(("lang", "label"), [("cs", "Závěrečná zpráva"), ("en", "Final report")])
def test_documents_show_label_type_and_size(client, catalogue, document, lang, label):
    html = get_html(client, catalogue[lang]["project"].url)
    [item] = html.select('[data-testid="documents"] li')
    link = item.select_one("a")
    assert link.get_text(strip=True) == label
    assert link["href"] == document.url
    size = {"cs": "(PDF, 2,0\xa0KB)", "en": "(PDF, 2.0\xa0KB)"}[lang]
    assert item.select_one(".documents__meta").get_text(strip=True) == size


def test_a_document_without_a_label_shows_its_title(client, catalogue, document):
    project = catalogue["cs"]["project"]
    project.documents = [("document", {"document": document, "label": ""})]
    project.save_revision().publish()
    html = get_html(client, project.url)
    assert html.select_one('[data-testid="documents"] a').get_text(strip=True) == (
        "Zpráva o parkování"
    )


def test_a_page_with_only_the_required_facts_renders_without_empty_sections(client, catalogue):
    from tests.factories.catalogue import ProjectPageFactory

    project = ProjectPageFactory(
        parent=catalogue["cs"]["projects"], area=catalogue["cs"]["group"].area, is_sample=False
    )
    html = get_html(client, project.url)
    for testid in ["results", "funding", "procurement", "documents", "contact"]:
        assert html.select_one(f'[data-testid="{testid}"]') is None, testid
    assert html.select_one(".sample-notice") is None
    assert facts(html)["Rozpočet"] == "12\xa0000\xa0000\xa0Kč"


# The editor


def project_form(project, funding, **overrides):
    """The project's edit form as the admin sends it: the stored funding rows deleted and
    `funding` ([(source, share)]) added in their place."""
    stored = [
        {"id": row.pk, "source": row.source, "share": row.share, "DELETE": "1"}
        for row in project.funding_sources.all()
    ]
    data = {
        "title": project.title,
        "slug": project.slug,
        "summary": project.summary,
        "city": project.city,
        "population": project.population,
        "country": project.country,
        "region": project.region,
        "area": project.area_id,
        "status": project.status,
        "start_year": project.start_year,
        "end_year": project.end_year or "",
        "budget_amount": "12000000",
        "budget_currency": "CZK",
        "exchange_rate": "1",
        "exchange_rate_date": "",
        "funding_sources": inline_formset(
            stored + [{"source": source, "share": share} for source, share in funding],
            initial=len(stored),
        ),
        "results": streamfield([]),
        "procedure_type": "",
        "cpv_code": "",
        "contract_value_czk": "",
        "suppliers": streamfield([]),
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "contact_phone": "",
        "body": streamfield([]),
        "images": streamfield([]),
        "documents": streamfield([]),
        **overrides,
    }
    # A multiple choice is sent as repeated keys, which nested_form_data does not make.
    return {**nested_form_data(data), "topics": [topic.pk for topic in project.topics.all()]}


def save_in_admin(client, project, funding, **overrides):
    response = client.post(
        f"/admin/pages/{project.pk}/edit/", project_form(project, funding, **overrides)
    )
    return response, BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def english_admin(admin_user, admin_client):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


OWN, EU, PRIVATE = FundingSource.OWN_BUDGET, FundingSource.EU_OPERATIONAL, FundingSource.PRIVATE


@pytest.mark.parametrize(
    ("funding", "message"),
    [
        ([(OWN, "30"), (EU, "60")], "dávají dohromady 90 %, ne 100 %."),
        ([(OWN, "50"), (EU, "50.5")], "dávají dohromady 100,5 %, ne 100 %."),
    ],
)  # fmt: skip
def test_funding_shares_not_adding_up_to_100_are_refused(admin_client, catalogue, funding, message):
    project = catalogue["cs"]["project"]
    response, html = save_in_admin(admin_client, project, funding)
    assert response.status_code == 200
    assert f"Podíly zdrojů financování {message}" in html.get_text(" ", strip=True)
    project.refresh_from_db()
    assert sorted(project.funding_sources.values_list("share", flat=True)) == [30, 70]


@pytest.mark.parametrize(
    "funding", [[(OWN, "25"), (EU, "60.5"), (PRIVATE, "14.5")], []], ids=["100", "none"]
)
def test_shares_adding_up_to_100_or_no_sources_are_saved(admin_client, catalogue, funding):
    project = catalogue["cs"]["project"]
    response, _html = save_in_admin(admin_client, project, funding)
    assert response.status_code == 302
    project.refresh_from_db()
    draft = project.get_latest_revision_as_object()
    assert [(row.source, str(row.share)) for row in draft.funding_sources.all()] == funding


def test_the_share_message_is_in_the_editors_language(english_admin, catalogue):
    project = catalogue["cs"]["project"]
    _response, html = save_in_admin(english_admin, project, [(OWN, "40")])
    assert "The shares of the funding sources add up to 40 %, not 100 %." in html.get_text(
        " ", strip=True
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"start_year": "2022", "end_year": "2020"}, "Rok ukončení je dřívější než rok zahájení."),
        ({"country": "AT", "region": "CZ010"}, "Kraj se uvádí jen u českých měst."),
        ({"exchange_rate": "25"}, "Rozpočet v korunách má kurz 1."),
        ({"budget_currency": "EUR", "exchange_rate": "25"}, "Uveďte datum kurzu, kterým byl"),
        ({"cpv_code": "3497"}, "Zadejte kód CPV jako osm číslic, pomlčku a kontrolní číslici"),
    ],
)  # fmt: skip
def test_model_checks_are_explained_in_the_admin(admin_client, catalogue, overrides, message):
    project = catalogue["cs"]["project"]
    response, html = save_in_admin(admin_client, project, [(OWN, "100")], **overrides)
    assert response.status_code == 200
    assert message in html.get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("client_fixture", "message"),
    [
        ("admin_client", "Napište, co obrázek ukazuje, pro ty, kdo ho nevidí."),
        ("english_admin", "Say what the picture shows, for people who cannot see it."),
    ],
)
def test_a_picture_without_its_text_alternative_is_refused(
    request, catalogue, client_fixture, message
):
    client = request.getfixturevalue(client_fixture)
    project = catalogue["cs"]["project"]
    picture = wagtail_factories.ImageFactory(title="Parkoviště")
    response, html = save_in_admin(client, project, [(OWN, "100")], lead_image=picture.pk)
    assert response.status_code == 200
    assert message in html.get_text(" ", strip=True)

    response, _html = save_in_admin(
        client,
        project,
        [(OWN, "100")],
        lead_image=picture.pk,
        lead_image_alt="Parkoviště se senzory",
        lead_image_credit="Foto: Jana Nová",
    )
    assert response.status_code == 302
    project.refresh_from_db()
    draft = project.get_latest_revision_as_object()
    assert (draft.lead_image, draft.lead_image_alt) == (picture, "Parkoviště se senzory")
