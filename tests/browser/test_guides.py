"""A city official recomputes a guide's budget, downloads its tender outline and prints it;
the guide pages pass axe-core in both languages."""

# ruff: noqa: F811

from io import BytesIO
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_violations

# The guide fixtures of the catalogue tests, shared rather than built twice (pytest finds
# fixtures imported into a test module; the tests' parameters of the same name are them).
from tests.catalogue.conftest import catalogue, guide, guide_index, parking  # noqa: F401

SHOTS = Path("/work/wt/shots/catguides")


def test_the_official_recomputes_the_budget_and_downloads_the_outline(page, live_site, guide):
    page.goto(live_site + guide["cs"].url)
    page.get_by_label("Počet obyvatel vašeho města").fill("23000")
    page.get_by_role("button", name="Přepočítat rozpočet").click()
    expect(page.locator("table.guide-budget tfoot")).to_contain_text("760 000 Kč – 1 420 000 Kč")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Stáhnout osnovu (Word)").click()
    download = download_info.value
    assert download.suggested_filename == "zadavaci-dokumentace-parkovani-v1.0.docx"
    document = docx.Document(BytesIO(Path(download.path()).read_bytes()))
    texts = [p.text.replace("\xa0", " ") for p in document.paragraphs]
    assert "Hodnoticí kritéria" in texts
    assert "Přepočteno pro město s 23 000 obyvateli; návod byl napsán pro 50 000 obyvatel." in texts


def test_a_wrong_population_is_explained_next_to_the_field(page, live_site, guide):
    page.goto(live_site + guide["en"].url)
    field = page.get_by_label("Inhabitants of your town")
    # The browser's own check would stop "0" before sending; the server must say it too.
    field.evaluate("input => input.removeAttribute('min')")
    field.fill("0")
    page.get_by_role("button", name="Recompute the budget").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Enter the number of inhabitants as a whole number from 1 to 20,000,000."
    )


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_guide_pages_have_no_serious_accessibility_violations(page, live_site, guide, lang, width):
    # On a phone the budget table scrolls sideways, which axe checks too.
    page.set_viewport_size({"width": width, "height": 900})
    for path in [
        guide_index_url(guide[lang]),
        guide[lang].url,
        guide[lang].url + "?population=23000",
        guide[lang].url + "?population=x",
    ]:
        page.goto(live_site + path)
        assert serious_violations(page) == [], path


def guide_index_url(guide_page):
    return guide_page.get_parent().url


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_screenshots_and_print(page, live_site, guide, lang, width):
    """Screenshots for the communications team, and the printed guide as a PDF."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + guide_index_url(guide[lang]))
    page.screenshot(path=SHOTS / f"guide-index-{lang}-{width}.png", full_page=True)
    page.goto(live_site + guide[lang].url + "?population=23000")
    page.screenshot(path=SHOTS / f"guide-{lang}-{width}.png", full_page=True)
    page.emulate_media(media="print")
    # Printing hides the navigation, the footer and the form, and keeps the budget.
    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator("form.population-form")).to_be_hidden()
    expect(page.locator("table.guide-budget")).to_be_visible()
    if width == 1280:
        page.screenshot(path=SHOTS / f"guide-{lang}-print.png", full_page=True)
        page.pdf(path=SHOTS / f"guide-{lang}.pdf")
