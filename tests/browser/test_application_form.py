"""A visitor fills the Czech form in Chromium, fixes a mistake and lands on the thank-you page."""

import pytest

from tests.browser.conftest import serious_violations
from tests.mail import send_pending_mail


@pytest.fixture
def quick_form(settings):
    # A test types faster than a person; the minimum fill time has its own tests.
    settings.FORM_MIN_FILL_SECONDS = 0


def test_visitor_corrects_a_mistake_and_sends_the_form(page, live_site, smtp_sink, quick_form):
    page.goto(live_site + "/cs/prihlaska/")
    page.get_by_label("Sponzorský program").check()
    page.get_by_label("Jméno a příjmení").fill("Jana Dvořáková")
    page.get_by_label("E-mail").fill("jana.dvorakova@")
    page.get_by_label("Zpráva").fill("Rádi bychom se zapojili do sponzorského programu.")
    page.get_by_role("button", name="Odeslat").click()

    summary = page.get_by_role("alert")
    assert "Opravte prosím označená pole" in summary.inner_text()
    assert page.locator("#id_email_errors").inner_text() == "Zadejte platnou e-mailovou adresu."
    assert page.get_by_label("Jméno a příjmení").input_value() == "Jana Dvořáková"
    assert page.get_by_label("Sponzorský program").is_checked()
    assert serious_violations(page) == []

    page.get_by_label("E-mail").fill("jana.dvorakova@example.cz")
    page.get_by_role("button", name="Odeslat").click()

    page.wait_for_url("**/cs/prihlaska/dekujeme/?type=sponsorship")
    assert page.locator("h1").inner_text() == "Děkujeme"
    assert "Vaši přihlášku do sponzorského programu posoudí" in page.inner_text("main")
    # The request only stored the e-mails; the mail worker sends them.
    assert smtp_sink.messages == []
    send_pending_mail()
    assert len(smtp_sink.to("info@lepsimesta.cz")) == 1
    assert len(smtp_sink.to("jana.dvorakova@example.cz")) == 1


@pytest.mark.parametrize("path", ["/cs/prihlaska/", "/en/apply/", "/en/apply/thank-you/"])
def test_form_pages_have_no_serious_accessibility_violations(page, live_site, path):
    page.goto(live_site + path)
    assert serious_violations(page) == []


def test_honeypot_is_not_reached_with_the_keyboard(page, live_site):
    page.goto(live_site + "/en/apply/")
    page.get_by_label("Message").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Send"
