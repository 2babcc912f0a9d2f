"""The admin is branded Lepší města and welcomes editors with shortcuts to what needs doing."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from partners.models import ApplicationFormPage, ApplicationSubmission

pytestmark = pytest.mark.django_db


def shortcuts(client):
    html = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = html.select_one("#welcome") or html.select_one("[id^=welcome]")
    assert panel is not None, "no welcome panel"
    return html, {
        " ".join(a.get_text(" ", strip=True).split()): a["href"]
        for a in html.select(".lm-shortcuts a")
    }


def test_the_dashboard_welcomes_editors_with_shortcuts(admin_client, site):
    form_page = ApplicationFormPage.objects.get(locale__language_code="cs")
    ApplicationSubmission.objects.create(page=form_page, form_data={}, language="cs")
    html, links = shortcuts(admin_client)
    assert html.title.get_text(strip=True).endswith("- Lepší města")
    assert links["Nová tisková zpráva"] == "/admin/press_releases/choose_parent/"
    assert (
        links["Zprávy čekající na schválení 0"] == "/admin/press_releases/?status=awaiting_approval"
    )
    assert links["Chybějící překlady 0"] == "/admin/reports/untranslated/"
    assert links["Nové přihlášky (posledních 7 dní) 1"] == "/admin/forms/"
    for url in links.values():
        assert admin_client.get(url, follow=True).status_code == 200


def test_the_login_page_carries_the_site_name(client, site):
    with translation.override("en"):
        html = BeautifulSoup(
            client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content, "html.parser"
        )
    assert "Lepší města" in html.h1.get_text()
    assert "Wagtail" not in html.title.get_text()
