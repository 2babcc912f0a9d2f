"""The admin in one language: an editor and a partner whose admin language is Czech walk the
pages they use (dashboard, page explorer, edit, translate, the translation editor, workflows,
reports, a profile awaiting review) and meet none of the English texts that used to leak into
it; in English they meet none of the Czech ones."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page
from wagtail.users.models import UserProfile

from press.models import PressReleasePage
from tests.conftest import page_by_slug
from tests.partners.conftest import PARTNER_A, PARTNER_PASSWORD, partner_login

# Texts that reached a Czech admin: Wagtail's and wagtail-localize's gaps and errors, workflow
# names, Czech words in English sentences, "před" with the wrong case.
ENGLISH_LEAKS = [
    "Pages",
    "Search all pages",
    "Collapse all",
    "Expand all",
    "This stránka",
    "awaiting moderation",
    "PublikovatEnglish",
    "Submit to",
    "Potvrdit Partner profile review",
    "Potvrdit Moderators approval",
    "Partner profile review",
    "Moderators approval",
    "Místní nastavení",
    "Exploring",
    "Filter by",
    "Date updated",
    "Aging pages",
    "Page types usage",
    "Search terms",
    "Editor Guide",
    "Keyboard shortcuts",
    "Autosave",
    "No publishing schedule set",
    "Content metrics",
    "Reading time",
    "Status:",
    "Locale:",
    "10 let",
    "1 minuta",
    "validation errors",
]
# Czech that must not reach an English admin.
CZECH_LEAKS = [
    "Stránky",
    "Hledat",
    "Schválení moderátory",
    "Kontrola profilu partnera",
    "Publikovat",
    "Odeslat ke schválení",
    "Tato položka",
    "čeká na schválení",
    "Jazyky",
    "Před ",
    "Sbalit vše",
    "Zkontroluje ho redakce",
]

PASSWORD = "heslo-redaktora-1"
# Every text a person reads or hears: the page's text and its labels, placeholders and tooltips.
READ_TEXT = """() => [document.body.innerText,
    ...[...document.querySelectorAll('[placeholder],[title],[aria-label],[data-w-tooltip-content-value]')]
        .flatMap(el => ['placeholder', 'title', 'aria-label', 'data-w-tooltip-content-value']
            .map(name => el.getAttribute(name)).filter(Boolean))].join('\\n')"""


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def log_in(page, live_site, username, password):
    page.goto(live_site + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def leaks(page, live_site, path, known):
    page.goto(live_site + path)
    page.wait_for_load_state("networkidle")
    text = page.evaluate(READ_TEXT)
    # Content is not interface: the English page's texts, the editors' English titles.
    return [f"{path}: {leak!r}" for leak in known if leak in text]


def editor_paths():
    release = PressReleasePage.objects.get(locale__language_code="cs")
    english = PressReleasePage.objects.get(locale__language_code="en")
    home = Page.objects.get(depth=2, locale__language_code="cs")
    return [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{release.pk}/edit/",
        f"/admin/localize/submit/page/{release.pk}/",
        f"/admin/pages/{english.pk}/edit/",
        "/admin/workflows/list/",
        "/admin/reports/workflow/",
        "/admin/reports/aging-pages/",
        "/admin/reports/untranslated/",
    ]


@pytest.fixture
def editor(live_site):
    # A release last changed ten years ago: the explorer says how long ago.
    PressReleasePage.objects.filter(locale__language_code="cs").update(
        latest_revision_created_at=timezone.now() - timedelta(days=3660)
    )
    return get_user_model().objects.create_superuser("redaktor", "redaktor@example.cz", PASSWORD)


@pytest.mark.parametrize(("language", "known"), [("cs", ENGLISH_LEAKS), ("en", CZECH_LEAKS)])
def test_an_editors_admin_is_in_one_language(page, live_site, editor, language, known):
    admin_language(editor, language)
    log_in(page, live_site, "redaktor", PASSWORD)
    found = []
    for path in editor_paths():
        found += leaks(page, live_site, path, known)
    assert found == []


@pytest.mark.parametrize(("language", "known"), [("cs", ENGLISH_LEAKS), ("en", CZECH_LEAKS)])
def test_a_partners_admin_is_in_one_language_before_and_after_submitting(
    page, live_site, language, known
):
    admin_language(partner_login(PARTNER_A, "partner1"), language)
    profile = page_by_slug(PARTNER_A, "cs")
    log_in(page, live_site, "partner1", PARTNER_PASSWORD)
    found = leaks(page, live_site, f"/admin/pages/{profile.pk}/edit/", known)
    page.get_by_role("button", name=re.compile("More actions|Další akce")).click()
    page.locator("button[name=action-submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    found += leaks(page, live_site, "/admin/", known)
    # Re-opened while it waits for review.
    found += leaks(page, live_site, f"/admin/pages/{profile.pk}/edit/", known)
    assert found == []
