"""The admin report of Czech pages whose English translation is missing or out of date."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def listed_titles(client):
    response = client.get("/admin/reports/untranslated/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    # Each row's first link is the Czech page's edit view (the admin has other tables too).
    return {row.select_one("a").get_text(strip=True) for row in report_rows(html)}


def report_rows(html):
    return [row for row in html.select("table tbody tr") if row.select_one("a[href$='/edit/']")]


def test_report_lists_missing_and_outdated_translations_only(admin_client, site):
    assert listed_titles(admin_client) == set()  # load_site translates everything

    site["cs"].add_child(
        instance=StandardPage(title="Nová stránka", slug="nova", body=[], locale=site["cs"].locale)
    )
    about = Page.objects.get(slug="o-iniciative").specific
    about.lead = "Upravený perex, zatím nepřeložený."
    about.save_revision().publish()

    assert listed_titles(admin_client) == {"Nová stránka", "O iniciativě"}


def test_report_is_for_editors_only(client, site):
    response = client.get("/admin/reports/untranslated/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_each_row_links_the_czech_page_and_where_to_translate_it(admin_client, site):
    new = site["cs"].add_child(
        instance=StandardPage(title="Nová stránka", slug="nova", body=[], locale=site["cs"].locale)
    )
    about = Page.objects.get(slug="o-iniciative").specific
    about.lead = "Upravený perex, zatím nepřeložený."
    about.save_revision().publish()
    english_about = about.get_translation(site["en"].locale)

    html = BeautifulSoup(admin_client.get("/admin/reports/untranslated/").content, "html.parser")
    rows = {
        row.select_one("a").get_text(strip=True): [a["href"] for a in row.select("a")]
        for row in report_rows(html)
    }
    assert f"/admin/pages/{new.pk}/edit/" in rows["Nová stránka"]
    assert f"/admin/localize/submit/page/{new.pk}/" in rows["Nová stránka"]
    assert f"/admin/pages/{about.pk}/edit/" in rows["O iniciativě"]
    assert f"/admin/pages/{english_about.pk}/edit/" in rows["O iniciativě"]
    # Both targets open for the editor.
    for href in rows["Nová stránka"] + rows["O iniciativě"]:
        assert admin_client.get(href).status_code == 200
