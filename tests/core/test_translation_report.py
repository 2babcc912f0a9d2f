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
    # Each listed page links to its edit view (the admin has other tables, e.g. shortcuts).
    return {link.get_text(strip=True) for link in html.select("table a[href$='/edit/']")}


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
