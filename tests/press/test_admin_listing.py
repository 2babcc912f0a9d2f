"""Editors find every release in the admin's Press releases list, by language, year and status."""

import pytest
from bs4 import BeautifulSoup

from tests.factories.press import PressReleasePageFactory
from tests.press.test_pages import FOUNDING_CS, FOUNDING_EN

pytestmark = pytest.mark.django_db

LISTING = "/admin/press_releases/"


def listed(client, query=""):
    response = client.get(LISTING + query)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return html, {
        a.get_text(" ", strip=True) for a in html.select("table tbody td.title .title-wrapper > a")
    }


def test_the_menu_leads_to_a_list_of_releases_in_both_languages(admin_client, press_index):
    dashboard = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    assert LISTING in str(dashboard)
    html, titles = listed(admin_client)
    assert {FOUNDING_CS, FOUNDING_EN} <= titles
    new_release = html.select_one('a[href*="/choose_parent/"]')
    assert new_release.get_text(strip=True) == "Nová tisková zpráva"
    headings = [th.get_text(" ", strip=True) for th in html.select("table thead th")]
    assert "Datum vydání" in headings
    assert admin_client.get(new_release["href"], follow=True).status_code == 200


def test_filters_by_language_year_and_status(admin_client, press_index):
    draft = PressReleasePageFactory(
        parent=press_index["cs"], title="Rozpracovaná zpráva", release_date="2017-03-01"
    )
    draft.unpublish()
    assert listed(admin_client, "?locale=en")[1] == {FOUNDING_EN}
    assert listed(admin_client, "?locale=cs&year=2016")[1] == {FOUNDING_CS}
    assert listed(admin_client, "?year=2017")[1] == {"Rozpracovaná zpráva"}
    assert listed(admin_client, "?status=draft")[1] == {"Rozpracovaná zpráva"}
    assert "Rozpracovaná zpráva" not in listed(admin_client, "?status=live")[1]


def test_unknown_filter_values_do_not_break_the_list(admin_client, press_index):
    for query in ["?year=abc", "?status=nonsense", "?p=-1"]:
        assert admin_client.get(LISTING + query).status_code == 200


def test_the_list_is_for_editors_only(client, press_index):
    response = client.get(LISTING)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
