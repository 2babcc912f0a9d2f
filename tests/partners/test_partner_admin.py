"""A partner's admin: the dashboard leads to its own profile in both languages, and the menu
offers only its images and documents."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.conftest import page_by_slug
from tests.partners.conftest import PARTNER_A

pytestmark = pytest.mark.django_db


def dashboard(client, user, language="cs"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return BeautifulSoup(client.get("/admin/").content, "html.parser")


def main_menu(html):
    props = json.loads(html.select_one("#wagtail-sidebar-props").string)
    [menu] = [m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule"]
    return [item["_args"][0]["name"] for item in menu["_args"][0]]


@pytest.mark.parametrize(
    ("language", "heading", "state", "edit"),
    [
        ("cs", "Váš profil", "Publikováno", "Upravit (Čeština)"),
        ("en", "Your profile", "Live", "Edit (Čeština)"),
    ],
)
def test_a_partners_dashboard_leads_to_its_profile_in_both_languages(
    client, partner_a, language, heading, state, edit
):
    html = dashboard(client, partner_a, language)
    panels = html.select("section.w-panel")
    assert [panel["id"] for panel in panels] == ["own-profile-section"]
    panel = panels[0]
    assert panel.select_one("h2").get_text(strip=True) == heading
    rows = [row.get_text(" ", strip=True) for row in panel.select("tbody tr")]
    assert len(rows) == 2
    assert all(state in row for row in rows)
    links = [a["href"] for a in panel.select("tbody a")]
    assert links == [
        reverse("wagtailadmin_pages:edit", args=[page_by_slug(PARTNER_A, lang).pk])
        for lang in ("cs", "en")
    ]
    assert edit in rows[0]
    # Nothing about other content: no page, image or document counts, no other panels.
    assert not html.select(".w-summary")


def test_a_partners_menu_has_only_its_images_and_documents(client, partner_a):
    assert main_menu(dashboard(client, partner_a)) == ["images", "documents"]


def test_an_editors_dashboard_and_menu_are_as_before(client, moderator):
    html = dashboard(client, moderator)
    assert not html.select("#own-profile-section")
    assert "explorer" in main_menu(html)


def test_a_profile_in_moderation_says_so(client, partner_a, submitted_profile):
    panel = dashboard(client, partner_a).select_one("#own-profile-section")
    assert "Ve schvalování" in panel.get_text(" ", strip=True)
