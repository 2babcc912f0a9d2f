"""A partner keeps its own profile current in the browser: it edits, submits for moderation and
is refused another partner's page; a Moderator approves; visitors see the change. The English
page follows when the Moderator syncs the translation and publishes it in English."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from tests.conftest import page_by_slug
from tests.partners.conftest import PARTNER_A, PARTNER_B, PARTNER_PASSWORD, partner_login

ADDED_CS = "Nově svítíme ve 40 městech."
ADDED_EN = "We now light 40 cities."


def in_english_admin(user):
    # The admin in English, so that the test reads the same whatever the default language.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def people(live_site, django_user_model):
    partner_login(PARTNER_B, "partner2")
    moderator = django_user_model.objects.create_user(
        "moderatorka", "moderatorka@lepsimesta.cz", PARTNER_PASSWORD
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return {
        "partner": in_english_admin(partner_login(PARTNER_A, "partner1")),
        "moderator": in_english_admin(moderator),
    }


def log_in(browser_page, live_site, username):
    browser_page.goto(live_site + "/admin/login/")
    browser_page.fill("#id_username", username)
    browser_page.fill("#id_password", PARTNER_PASSWORD)
    browser_page.get_by_role("button", name="Sign in").click()
    expect(browser_page).to_have_url(re.compile(r"/admin/$"))


def test_a_partner_edits_its_profile_and_a_moderator_approves_it(page, live_site, people):
    czech = page_by_slug(PARTNER_A, "cs")
    log_in(page, live_site, "partner1")
    panel = page.locator("#own-profile-section")
    expect(panel.get_by_role("heading")).to_have_text("Your profile")
    panel.get_by_role("link", name="Edit (Čeština)").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{czech.pk}/edit/$"))

    description = page.locator('[data-contentpath="description"] [contenteditable="true"]')
    description.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(ADDED_CS)
    # Draftail writes the field's hidden input a moment after typing.
    expect(page.locator('input[name="description"]')).to_have_value(re.compile("40 m"))
    # "Save draft" is the default action; "Submit to …" is under "More actions", and there is
    # no "Publish".
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    page.get_by_role("button", name=re.compile(r"^Submit to Partner profile review")).click()
    expect(page.locator(".messages")).to_contain_text("submitted")

    # Partner B's page is not partner A's to open.
    other = page_by_slug(PARTNER_B, "cs")
    page.goto(f"{live_site}/admin/pages/{other.pk}/edit/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator(".messages")).to_contain_text("permission")

    visitor = page.context.browser.new_context().new_page()
    visitor.goto(live_site + "/cs/partneri/energie-pro-mesta/")
    expect(visitor.locator("main")).not_to_contain_text(ADDED_CS)

    moderator = page.context.browser.new_context().new_page()
    log_in(moderator, live_site, "moderatorka")
    moderator.goto(f"{live_site}/admin/pages/{czech.pk}/edit/")
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderator.locator(".messages")).to_contain_text("has been updated")

    visitor.goto(live_site + "/cs/partneri/energie-pro-mesta/")
    expect(visitor.locator("main")).to_contain_text(ADDED_CS)
    visitor.goto(live_site + "/en/partners/energie-pro-mesta/")
    expect(visitor.locator("main")).not_to_contain_text(ADDED_CS)

    # English: the Moderator syncs the translation (the new Czech sentence waits, untranslated,
    # in the English page's translation editor), translates it and publishes in English.
    source = TranslationSource.objects.get(object_id=czech.translation_key)
    moderator.goto(f"{live_site}/admin/localize/update/{source.pk}/")
    moderator.get_by_role("button", name="Submit").click()
    expect(moderator.locator(".messages")).to_contain_text("Successfully updated")
    visitor.goto(live_site + "/en/partners/energie-pro-mesta/")
    expect(visitor.locator("main")).not_to_contain_text(ADDED_CS)
    english = page_by_slug(PARTNER_A, "en")
    moderator.goto(f"{live_site}/admin/pages/{english.pk}/edit/")
    segment = moderator.locator("li", has_text=ADDED_CS).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(ADDED_EN)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(ADDED_EN)
    moderator.get_by_role("button", name="Publish in English").click()
    expect(moderator.locator(".messages")).to_contain_text("Published")

    visitor.goto(live_site + "/en/partners/energie-pro-mesta/")
    expect(visitor.locator("main")).to_contain_text(ADDED_EN)
    expect(visitor.locator("main")).not_to_contain_text(ADDED_CS)
