"""What a visitor sees in Chromium: the phone menu, the home page's grids, the form's errors,
the self-hosted typeface, at the widths the site is designed for (1280, 1024, 768, 390 px)."""

import pytest

from tests.browser.conftest import serious_violations

WIDTHS = [1280, 1024, 768, 390]
ERROR_COLOUR = "rgb(164, 0, 15)"  # --error in site.css: 7.6:1 on white


@pytest.fixture
def quick_form(settings):
    # A test types faster than a person; the minimum fill time has its own tests.
    settings.FORM_MIN_FILL_SECONDS = 0


def at_width(page, width):
    page.set_viewport_size({"width": width, "height": 900})


def tab_until(page, predicate_js, limit=12):
    """Press Tab until the focused element matches, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def test_phone_menu_opens_with_the_keyboard_and_reaches_a_link(page, live_site):
    at_width(page, 390)
    page.goto(live_site + "/en/")
    nav = page.get_by_role("navigation", name="Main navigation")
    press_link = nav.get_by_role("link", name="Press releases")
    assert not press_link.is_visible()
    toggle = nav.locator("summary")
    assert toggle.inner_text().strip() == "Menu"
    # The header and the menu button fit on one line each: no wrapped navigation.
    assert toggle.bounding_box()["height"] < 60

    tab_until(page, "el.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    assert nav.locator("details").evaluate("d => d.open")
    assert press_link.is_visible()
    tab_until(page, "el.tagName === 'A' && el.closest('nav.main-nav') !== null")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Press releases"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/press/")
    assert serious_violations(page) == []


def test_wide_screen_shows_the_menu_as_a_row_without_opening_anything(page, live_site):
    at_width(page, 1280)
    page.goto(live_site + "/cs/")
    nav = page.get_by_role("navigation", name="Hlavní navigace")
    assert not nav.locator("summary").is_visible()
    links = nav.get_by_role("link")
    names = [link.inner_text().strip() for link in links.all()]
    assert names[:4] == ["Úvod", "O iniciativě", "Tiskové zprávy", "Přihláška"]
    tops = {round(link.bounding_box()["y"]) for link in links.all()}
    assert len(tops) == 1, "the menu is one row"
    assert all(link.is_visible() for link in links.all())
    # Keyboard users reach the links directly, without a menu button in the way.
    tab_until(page, "el.textContent.trim() === 'O iniciativě'")


@pytest.mark.parametrize(("width", "per_row"), [(1280, 4), (1024, 4), (768, 2), (390, 1)])
def test_working_group_cards_fill_their_rows(page, live_site, areas, width, per_row):
    at_width(page, width)
    page.goto(live_site + "/cs/")
    grid = page.locator("#working-groups + ul")
    cards = grid.locator("> li").all()
    assert len(cards) == 4
    boxes = [card.bounding_box() for card in cards]
    rows = {}
    for box in boxes:
        rows.setdefault(round(box["y"]), []).append(box)
    assert [len(row) for row in rows.values()] == [per_row] * (4 // per_row)
    grid_box = grid.bounding_box()
    for row in rows.values():
        # The last card of each row ends where the grid ends: no empty column beside it.
        assert abs(max(b["x"] + b["width"] for b in row) - (grid_box["x"] + grid_box["width"])) < 1
    # Each card shows its pictogram, which is decorative.
    pictograms = grid.locator("img")
    assert pictograms.count() == 4
    assert all(img.get_attribute("alt") == "" for img in pictograms.all())
    assert all(img.evaluate("i => i.complete && i.naturalWidth > 0") for img in pictograms.all())


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_overflows_the_viewport_sideways(page, live_site, width):
    at_width(page, width)
    for path in ["/cs/", "/cs/prihlaska/", "/cs/tiskove-zpravy/", "/cs/mapa-stranek/"]:
        page.goto(live_site + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


def test_failed_submit_moves_focus_to_the_error_summary_and_marks_fields(
    page, live_site, quick_form
):
    at_width(page, 390)
    page.goto(live_site + "/cs/prihlaska/")
    page.get_by_label("Jméno a příjmení").fill("Jana Dvořáková")
    page.get_by_label("E-mail").fill("jana.dvorakova@")
    page.get_by_role("button", name="Odeslat").click()
    page.wait_for_load_state()

    summary = page.get_by_role("alert").filter(has_text="Opravte prosím označená pole")
    assert summary.evaluate("el => el === document.activeElement")
    email = page.get_by_label("E-mail")
    assert email.evaluate("el => getComputedStyle(el).borderTopColor") == ERROR_COLOUR
    assert email.evaluate("el => getComputedStyle(el).borderTopWidth") == "2px"
    name = page.get_by_label("Jméno a příjmení")
    assert name.evaluate("el => getComputedStyle(el).borderTopColor") != ERROR_COLOUR
    assert serious_violations(page) == []


def test_radio_buttons_are_large_and_their_labels_wrap_beside_them(page, live_site):
    at_width(page, 390)
    page.goto(live_site + "/cs/prihlaska/")
    for radio in page.get_by_role("radio").all():
        box = radio.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        label = page.locator(f'label[for="{radio.get_attribute("id")}"]').bounding_box()
        # Beside the button, every line of it: the label starts right of it at the same height.
        assert label["x"] >= box["x"] + box["width"]
        assert abs(label["y"] - box["y"]) < 8


def test_czech_text_is_set_in_the_self_hosted_typeface(page, live_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_site + "/cs/")
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        """[...document.fonts].filter(f => f.status === 'loaded')
            .map(f => [f.family.replace(/"/g, ''), f.weight, f.unicodeRange])"""
    )
    families = {family for family, _weight, _range in loaded}
    assert families == {"Source Sans 3"}
    # The latin-ext subset (č, ř, ě, ů …) is loaded for the Czech text.
    assert any("U+100-2BA" in unicode_range.upper() for _f, _w, unicode_range in loaded)
    assert (
        page.locator("h1")
        .evaluate("el => getComputedStyle(el).fontFamily")
        .startswith('"Source Sans 3"')
    )
    # Everything the page needs comes from the site itself.
    assert [url for url in requested if not url.startswith(live_site)] == []


@pytest.mark.parametrize("path", ["/cs/mapa-stranek/", "/en/sitemap/", "/en/apply/thank-you/"])
def test_new_pages_have_no_serious_accessibility_violations(page, live_site, path):
    at_width(page, 390)
    page.goto(live_site + path)
    assert serious_violations(page) == []
