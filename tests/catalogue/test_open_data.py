"""The catalogue as CSV and JSON: the same projects as the page, documented, safe in Excel."""

import csv
import io
import json

import pytest

from catalogue.open_data import FIELD_NAMES
from tests.catalogue.known_catalogue import CS_CATALOGUE, EN_CATALOGUE
from tests.catalogue.pages import card_titles, get_html
from tests.factories.catalogue import ProjectPageFactory

pytestmark = pytest.mark.django_db


def csv_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="katalog-projektu.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def json_data(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?area=transport",
        "?topic=parking&topic=energy-efficiency&sort=budget-desc",
        "?q=Brn%C4%9B",
    ],
)
def test_csv_and_json_list_what_the_page_lists_in_the_same_order(client, projects, query):
    shown = card_titles(get_html(client, CS_CATALOGUE + query))
    rows = csv_rows(client, CS_CATALOGUE + "csv/" + query)
    assert [row["title"] for row in rows] == shown
    assert list(rows[0].keys()) == FIELD_NAMES
    data = json_data(client, CS_CATALOGUE + "json/" + query)
    assert data["count"] == len(shown)
    assert [project["title"] for project in data["projects"]] == shown
    assert list(data["projects"][0].keys()) == FIELD_NAMES


def test_the_fields_carry_codes_and_plain_numbers(client, projects):
    rows = {row["slug"]: row for row in csv_rows(client, CS_CATALOGUE + "csv/")}
    vienna = rows[projects["vienna"].slug]
    assert vienna["url"].endswith(projects["vienna"].url)
    assert {key: vienna[key] for key in ["country", "region", "area", "topics", "status"]} == {
        "country": "AT",
        "region": "",
        "area": "transport",
        "topics": "public-transport",
        "status": "in_progress",
    }
    assert {key: vienna[key] for key in FIELD_NAMES[12:18]} == {
        "budget_amount": "8000000",
        "budget_currency": "EUR",
        "budget_czk": "200000000",
        "exchange_rate": "25",
        "exchange_rate_date": "2022-03-01",
        "cost_per_inhabitant": "105",
    }
    assert vienna["end_year"] == ""
    assert rows[projects["brno"].slug]["topics"] == "parking;traffic-flow"
    assert rows[projects["kolin"].slug]["funding"] == "own_budget:30;eu_operational:70"
    assert rows[projects["kolin"].slug]["is_sample"] == "true"
    assert rows[projects["tabor"].slug]["is_sample"] == "false"

    data = json_data(client, CS_CATALOGUE + "json/?area=energy&country=PL")
    assert data["language"] == "cs"
    [krakow] = data["projects"]
    assert krakow["funding"] == [
        {"source": "own_budget", "share": 15},
        {"source": "eu_operational", "share": 85},
    ]
    assert krakow["budget_czk"] == 60_000_000
    assert krakow["region"] is None
    assert krakow["topics"] == ["energy-efficiency"]
    assert krakow["is_sample"] is True


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(client, projects):
    ProjectPageFactory(
        parent=projects["kolin"].get_parent(),
        title='=HYPERLINK("http://example.com","Klikni")',
        city="@SUM(A1)",
    )
    rows = csv_rows(client, CS_CATALOGUE + "csv/?sort=title")
    formula = next(row for row in rows if "HYPERLINK" in row["title"])
    assert formula["title"] == '\'=HYPERLINK("http://example.com","Klikni")'
    assert formula["city"] == "'@SUM(A1)"


def test_bad_parameters_give_the_data_of_what_is_left(client, projects):
    rows = csv_rows(client, CS_CATALOGUE + "csv/?area=nope&budget=abc&page=-1&q=" + "x" * 2000)
    assert rows == []
    data = json_data(client, CS_CATALOGUE + "json/?area=nope&status=planned")
    assert [project["title"] for project in data["projects"]] == ["Portál občana v Táboře"]


def test_the_page_documents_every_field_in_both_languages(client, english_catalogue):
    for url, heading, meaning in [
        (CS_CATALOGUE, "Otevřená data", "rozpočet v korunách"),
        (EN_CATALOGUE, "Open data", "the budget in Czech crowns"),
    ]:
        html = get_html(client, url)
        section = html.select_one(".open-data")
        assert section.h2.get_text() == heading
        assert [code.get_text() for code in section.select("dt code")] == FIELD_NAMES
        assert meaning in section.get_text()
        links = [a["href"] for a in section.select("a")]
        assert links[0].endswith(url + "csv/")
        assert links[1].endswith(url + "json/")


def test_the_english_data_has_the_english_pages_and_the_same_codes(client, english_catalogue):
    response = client.get(EN_CATALOGUE + "csv/")
    assert response["Content-Disposition"] == 'attachment; filename="project-catalogue.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8")[1:])))
    assert [(row["title"], row["area"]) for row in rows] == [
        ("Efficient street lighting in Písek", "energy"),
        ("Smart parking in Kolín", "transport"),
    ]
    data = json_data(client, EN_CATALOGUE + "json/?topic=parking")
    assert data["language"] == "en"
    assert [project["url"] for project in data["projects"]] == [
        english_catalogue["projects"]["kolin"].full_url
    ]
