"""An editor publishes a release in both languages; visitors find it; pages pass axe-core."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from press.models import PressIndexPage, PressReleasePage
from tests.browser.conftest import serious_violations
from tests.press.conftest import CS_INDEX, CS_RELEASE, EN_INDEX, EN_RELEASE

CS_TITLE = "Pracovní skupiny zahájily činnost"
EN_TITLE = "Working groups have started their work"


@pytest.fixture
def editor(live_site):
    user = get_user_model().objects.create_superuser(
        "redaktor", "redaktor@example.org", "heslo-123"
    )
    # The admin in English, so that the test reads the same whatever the default language.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def log_in(page, live_site):
    page.goto(live_site + "/admin/login/")
    page.fill("#id_username", "redaktor")
    page.fill("#id_password", "heslo-123")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def create_and_publish_czech_release(page, live_site):
    index = PressIndexPage.objects.get(locale__language_code="cs")
    page.goto(f"{live_site}/admin/pages/add/press/pressreleasepage/{index.pk}/")
    page.fill("#id_title", CS_TITLE)
    page.fill("#id_dateline_place", "Pardubice")
    page.fill("#id_lead", "Čtyři pracovní skupiny se poprvé sešly.")
    # The approval workflow is the default action; an editor who may publish finds
    # "Publish" under "More actions".
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")
    return PressReleasePage.objects.get(title=CS_TITLE)


def translate_and_publish_in_english(page, live_site, release):
    page.goto(f"{live_site}/admin/pages/{release.pk}/edit/")
    page.locator("header .w-dropdown__toggle").first.click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Submit").click()
    # wagtail-localize's editor: translate the title segment, then publish.
    page.get_by_role("button", name="Translate").first.click()
    page.locator("textarea").first.fill(EN_TITLE)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(EN_TITLE)).to_be_visible()
    page.get_by_role("button", name="Publish in English").click()
    expect(page.locator(".messages")).to_contain_text(f"Published '{EN_TITLE}' in English")


def test_editor_publishes_in_both_languages_and_visitors_find_it(page, live_site, editor):
    log_in(page, live_site)
    release = create_and_publish_czech_release(page, live_site)
    translate_and_publish_in_english(page, live_site, release)
    english = PressReleasePage.objects.get(
        translation_key=release.translation_key, locale__language_code="en"
    )
    assert english.live
    assert english.title == EN_TITLE

    visitor = page.context.browser.new_context().new_page()
    for home, title, other, other_title in [
        ("/cs/", CS_TITLE, "en", EN_TITLE),
        ("/en/", EN_TITLE, "cs", CS_TITLE),
    ]:
        visitor.goto(live_site + home)
        visitor.locator("#latest-press + .press-list, #latest-press ~ ul").get_by_role(
            "link", name=title
        ).click()
        expect(visitor.locator("h1")).to_have_text(title)
        expect(visitor.locator(".press-release__dateline")).to_contain_text("Pardubice")
        visitor.locator(f'[data-testid="switch-{other}"]').click()
        expect(visitor.locator("h1")).to_have_text(other_title)
        expect(visitor.locator("html")).to_have_attribute("lang", other)
    visitor.context.close()


@pytest.mark.parametrize("path", [CS_INDEX, EN_INDEX, CS_RELEASE, EN_RELEASE])
def test_press_pages_have_no_serious_accessibility_violations(page, live_site, path):
    page.goto(live_site + path)
    expect(page.locator("h1")).to_be_visible()
    assert serious_violations(page) == []
