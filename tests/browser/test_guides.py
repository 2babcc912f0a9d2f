"""A city official recomputes a guide's budget, downloads its tender outline and prints it;
the guide pages pass axe-core in both languages."""

from io import BytesIO
from pathlib import Path

import docx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serious_violations


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


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_the_printed_guide_keeps_the_budget_without_navigation_or_forms(
    page, live_site, guide, lang
):
    page.goto(live_site + guide[lang].url + "?population=23000")
    page.emulate_media(media="print")
    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator("form.population-form")).to_be_hidden()
    expect(page.locator("table.guide-budget")).to_be_visible()


def right_edges(locator):
    return [
        box["x"] + box["width"]
        for box in locator.evaluate_all(
            "cells => cells.map(cell => cell.getBoundingClientRect().toJSON())"
        )
    ]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    ("lang", "yours", "total"),
    [
        ("cs", "Vaše město s 15 000", "Celkem"),
        ("en", "Your town of 15,000", "Total"),
    ],
)
def test_the_recomputed_budget_is_in_view_on_a_phone_too(
    page, live_site, guide, width, lang, yours, total
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_site + guide[lang].url + "?population=15000")
    recomputed = page.locator("table.guide-budget .guide-budget__yours")
    # Two budget lines, the total and the cost per inhabitant, each for the visitor's town.
    expect(recomputed).to_have_count(4)
    for cell in recomputed.all():
        expect(cell).to_be_visible()
    assert max(right_edges(recomputed)) <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    wrap = page.locator(".guide-budget").locator("xpath=..")
    assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth")
    # Each amount says whose it is: the column heading, or on a phone its label beside it.
    label = recomputed.first.evaluate(
        "cell => getComputedStyle(cell, '::before').content + ' ' + "
        "cell.closest('table').querySelector('thead th:last-child').textContent"
    )
    assert yours in label.replace("\xa0", " ")
    expect(page.locator("table.guide-budget tfoot")).to_contain_text(total)
    # 15,000 is below the guide's range (20,000–100,000): the visitor is told.
    expect(page.locator(".guide-budget__range-warning")).to_be_visible()
