"""The catalogue as CSV, JSON and XLSX: the same projects as the page, documented, safe in Excel,
and the spreadsheet readable by an official in the visitor's language."""

import csv
import datetime
import io
import json
from urllib.parse import urlsplit

import pytest
from openpyxl import load_workbook

from catalogue.open_data import FIELD_NAMES, XLSX_CONTENT_TYPE
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
    # Saved, not shown in the tab (the link carries `download` too).
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return json.loads(response.content)


def xlsx_rows(client, url, filename):
    """The spreadsheet's one sheet as rows of cell values, the header first."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    [sheet] = load_workbook(io.BytesIO(response.content)).worksheets
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def as_dicts(rows):
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


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
    for url, heading, meaning, spreadsheet in [
        (CS_CATALOGUE, "Otevřená data", "rozpočet v korunách", "Stáhnout tabulku (XLSX)"),
        (EN_CATALOGUE, "Open data", "the budget in Czech crowns", "Download a spreadsheet (XLSX)"),
    ]:
        html = get_html(client, url)
        section = html.select_one(".open-data")
        assert section.h2.get_text() == heading
        assert section.a.get_text() == spreadsheet
        assert [code.get_text() for code in section.select("dt code")] == FIELD_NAMES
        assert meaning in section.get_text()
        links = section.select("a")
        assert [urlsplit(a["href"]).path for a in links] == [
            url + "xlsx/",
            url + "csv/",
            url + "json/",
        ]
        # Each is saved as a file rather than opened in the tab.
        assert all(a.has_attr("download") for a in links)


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


def test_the_spreadsheet_lists_what_the_page_lists_with_czech_headers_and_names(client, projects):
    query = "?area=transport&sort=budget-desc"
    shown = card_titles(get_html(client, CS_CATALOGUE + query))
    rows = xlsx_rows(client, CS_CATALOGUE + "xlsx/" + query, "katalog-projektu.xlsx")
    header = rows[0]
    assert header[:9] == [
        "Adresa v katalogu",
        "Webová stránka",
        "Projekt",
        "Město",
        "Stát (kód)",
        "Stát",
        "Kraj (kód)",
        "Kraj",
        "Počet obyvatel",
    ]
    by_title = {row["Projekt"]: row for row in as_dicts(rows)}
    assert list(by_title) == shown
    brno = by_title["Řízení křižovatek v Brně"]
    # Each code with its name beside it.
    assert (brno["Kraj (kód)"], brno["Kraj"]) == ("CZ064", "Jihomoravský kraj")
    assert (brno["Stav (kód)"], brno["Stav"]) == ("in_operation", "V provozu")
    assert brno["Témata (kódy)"] == "parking;traffic-flow"
    assert brno["Témata"] == "Parkování; Plynulost provozu"
    assert brno["Webová stránka"].endswith(projects["brno"].url)
    kolin = by_title["Chytré parkování v Kolíně"]
    assert kolin["Financování (kódy)"] == "own_budget:30;eu_operational:70"
    assert kolin["Financování"] == "Vlastní rozpočet 30\xa0%; Operační programy EU 70\xa0%"
    assert kolin["Ukázkový projekt"] == "ano"
    # Numbers and dates are cells to sort and add up, not text.
    vienna = by_title["Elektrobusy ve Vídni"]
    assert (vienna["Stát (kód)"], vienna["Stát"], vienna["Kraj"]) == ("AT", "Rakousko", None)
    assert vienna["Počet obyvatel"] == 1_900_000
    assert vienna["Rozpočet v Kč"] == 200_000_000
    assert vienna["Datum přepočtu"] == datetime.datetime(2022, 3, 1)
    assert vienna["Rok ukončení"] is None


def test_the_english_spreadsheet_has_english_headers_and_names(client, english_catalogue):
    rows = xlsx_rows(client, EN_CATALOGUE + "xlsx/", "project-catalogue.xlsx")
    by_title = {row["Project"]: row for row in as_dicts(rows)}
    assert list(by_title) == ["Efficient street lighting in Písek", "Smart parking in Kolín"]
    kolin = by_title["Smart parking in Kolín"]
    assert {key: kolin[key] for key in ["Area (code)", "Area", "Status (code)", "Status"]} == {
        "Area (code)": "transport",
        "Area": "Transport",
        "Status (code)": "completed",
        "Status": "Completed",
    }
    assert kolin["Funding"] == "Own budget 30%; EU operational programmes 70%"
    assert kolin["Cost per inhabitant (CZK)"] == 364
    assert kolin["Web page"] == english_catalogue["projects"]["kolin"].full_url


def test_a_title_that_looks_like_a_formula_stays_text_in_the_spreadsheet(client, projects):
    ProjectPageFactory(
        parent=projects["kolin"].get_parent(),
        title='=HYPERLINK("http://example.com","Klikni")',
        city="@SUM(A1)",
    )
    response = client.get(CS_CATALOGUE + "xlsx/?sort=title")
    sheet = load_workbook(io.BytesIO(response.content)).active
    formula = next(row for row in sheet.iter_rows() if "HYPERLINK" in str(row[2].value))
    assert (formula[2].data_type, formula[2].value) == (
        "s",
        '=HYPERLINK("http://example.com","Klikni")',
    )
    assert (formula[3].data_type, formula[3].value) == ("s", "@SUM(A1)")


def test_bad_parameters_give_a_spreadsheet_of_what_is_left(client, projects):
    rows = xlsx_rows(
        client,
        CS_CATALOGUE + "xlsx/?area=nope&budget=abc&page=-1&q=" + "x" * 2000,
        "katalog-projektu.xlsx",
    )
    assert len(rows) == 1  # the header only
    assert len(rows[0]) == len(FIELD_NAMES) + 7  # each of the 7 coded fields has its names
