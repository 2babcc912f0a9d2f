"""Every page type, in both languages, passes axe-core without serious or critical violations.

The heading outline of every page type (no level skipped) needs no browser: it is read from the
HTML in tests/core/test_heading_outline.py."""

import pytest

from tests.browser.conftest import serious_violations

PATHS = [
    "/cs/",
    "/en/",
    "/cs/o-iniciative/",
    "/en/about/",
    "/cs/neexistuje/",
    "/en/does-not-exist/",
]


@pytest.mark.parametrize("path", PATHS)
def test_page_has_no_serious_accessibility_violations(page, live_site, path):
    page.goto(live_site + path)
    assert serious_violations(page) == []


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, live_site):
    page.goto(live_site + "/cs/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Přeskočit na hlavní obsah"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


PARTNER_PATHS = [
    "/cs/partneri/",
    "/en/partners/?area=transport",
    "/cs/partneri/energie-pro-mesta/",
    "/en/partners/energie-pro-mesta/",
    "/cs/partneri/parksense/",
    "/en/partners/parksense/",
]


def test_partner_pages_have_no_serious_accessibility_violations(page, live_site):
    # One live site for the lot: each reload of it costs seconds.
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in PARTNER_PATHS:
            page.goto(live_site + path)
            assert serious_violations(page) == [], (width, path)
