"""A city official filters the catalogue by clicking, opens a project, comes back and compares
two projects; the catalogue and the comparison pass axe-core in both languages."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from catalogue.models import ProjectPage
from tests.browser.conftest import serious_violations
from tests.catalogue.known_catalogue import CS_CATALOGUE, EN_CATALOGUE

CATALOGUE_PATHS = {"cs": "/katalog-projektu/", "en": "/project-catalogue/"}


def project_ids(locale, count):
    """`count` projects of the known data set (not the site's samples), as compare parameters."""
    index = Page.objects.get(
        url_path__endswith=CATALOGUE_PATHS[locale], locale__language_code=locale
    )
    pages = ProjectPage.objects.live().child_of(index).order_by("pk")
    return "&".join(f"p={pk}" for pk in pages.values_list("pk", flat=True)[:count])


@pytest.mark.usefixtures("projects")
def test_filter_by_area_and_topic_open_a_project_and_compare_two(page, live_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site + CS_CATALOGUE)
    filters = page.locator(".catalogue-filters__form")
    filters.get_by_label(re.compile(r"^Doprava")).check()
    filters.get_by_label(re.compile(r"^Parkování")).check()
    filters.get_by_role("button", name="Zobrazit projekty").click()
    expect(page).to_have_url(re.compile(r"\?area=transport&topic=parking$"))
    titles = page.locator(".project-card__title a")
    expect(titles).to_have_text(["Chytré parkování v Kolíně", "Řízení křižovatek v Brně"])
    expect(page.locator(".chip")).to_have_count(2)

    titles.first.click()
    kolin = ProjectPage.objects.get(title="Chytré parkování v Kolíně")
    expect(page).to_have_url(live_site + kolin.url)
    page.go_back()
    expect(titles).to_have_count(2)

    page.get_by_label("Porovnat – Chytré parkování v Kolíně").check()
    page.get_by_label("Porovnat – Řízení křižovatek v Brně").check()
    page.get_by_role("button", name="Porovnat vybrané").click()
    expect(page.locator("h1")).to_have_text("Porovnání projektů")
    expect(page.locator(".compare-table thead th a")).to_have_text(
        ["Chytré parkování v Kolíně", "Řízení křižovatek v Brně"]
    )


@pytest.mark.usefixtures("projects")
def test_on_a_phone_the_filters_fold_and_the_comparison_scrolls_inside_its_region(page, live_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_site + CS_CATALOGUE)
    expect(page.locator(".catalogue-filters__form")).to_be_hidden()
    page.locator(".catalogue-filters__toggle").click()
    expect(page.locator(".catalogue-filters__form")).to_be_visible()
    page.goto(f"{live_site}{CS_CATALOGUE}porovnani/?{project_ids('cs', 4)}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    region = page.get_by_role("region", name="4 projekty vedle sebe")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")


@pytest.mark.parametrize(
    "path",
    [
        CS_CATALOGUE,
        CS_CATALOGUE + "?area=transport&topic=parking&q=Kol%C3%ADn",
        EN_CATALOGUE,
        CS_CATALOGUE + "porovnani/",
        EN_CATALOGUE + "compare/",
    ],
)
@pytest.mark.usefixtures("english_catalogue")
def test_catalogue_pages_have_no_serious_accessibility_violations(page, live_site, path):
    page.goto(live_site + path)
    expect(page.locator("h1")).to_be_visible()
    assert serious_violations(page) == []


@pytest.mark.usefixtures("english_catalogue")
@pytest.mark.parametrize(
    ("locale", "compare"), [("cs", CS_CATALOGUE + "porovnani/"), ("en", EN_CATALOGUE + "compare/")]
)
def test_a_comparison_has_no_serious_accessibility_violations(page, live_site, locale, compare):
    page.goto(f"{live_site}{compare}?{project_ids(locale, 2)}")
    expect(page.locator(".compare-table")).to_be_visible()
    assert serious_violations(page) == []


@pytest.mark.usefixtures("projects")
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    ("locale", "compare", "hint"),
    [
        ("cs", CS_CATALOGUE + "porovnani/", "Posuňte tabulku do strany"),
        ("en", EN_CATALOGUE + "compare/", "Swipe the table sideways"),
    ],
)
def test_two_compared_projects_are_both_in_view_and_more_say_they_scroll(
    page, live_site, english_catalogue, width, locale, compare, hint
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_site}{compare}?{project_ids(locale, 2)}")
    headings = page.locator(".compare-table thead th")
    expect(headings).to_have_count(2)
    for heading in headings.all():
        box = heading.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # The values too: the budgets of both projects are on screen without scrolling.
    for cell in page.locator(".compare-table td.number").all():
        box = cell.bounding_box()
        assert box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    expect(page.get_by_text(hint)).to_have_count(0)
    if locale == "cs":
        page.goto(f"{live_site}{compare}?{project_ids(locale, 4)}")
        scroll_hint = page.get_by_text(hint)
        if width == 390:
            expect(scroll_hint).to_be_visible()
        else:
            expect(scroll_hint).to_be_hidden()  # four fit a wide screen


def test_the_comparison_keeps_the_choice_across_the_language_switch_and_the_way_back(
    page, live_site, english_catalogue
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_site + CS_CATALOGUE)
    page.locator(".catalogue-filters__toggle").click()
    filters = page.locator(".catalogue-filters__form")
    filters.get_by_label(re.compile(r"^Doprava")).check()
    filters.get_by_label(re.compile(r"^Energetika")).check()
    filters.get_by_role("button", name="Zobrazit projekty").click()
    page.get_by_label("Porovnat – Chytré parkování v Kolíně").check()
    page.get_by_label("Porovnat – Úsporné osvětlení v Písku").check()
    page.get_by_role("button", name="Porovnat vybrané").click()
    # In the catalogue's order, newest first.
    expect(page.locator(".compare-table thead th a")).to_have_text(
        ["Úsporné osvětlení v Písku", "Chytré parkování v Kolíně"]
    )

    page.locator('[data-testid="switch-en"]').click()
    expect(page.locator("h1")).to_have_text("Compare projects")
    expect(page.locator(".compare-table thead th a")).to_have_text(
        ["Efficient street lighting in Písek", "Smart parking in Kolín"]
    )

    page.get_by_role("link", name="Back to the catalogue").click()
    expect(page).to_have_url(re.compile(r"/project-catalogue/\?area=transport&area=energy&"))
    expect(page.locator(".chip")).to_have_count(2)
    expect(page.get_by_label("Compare – Smart parking in Kolín")).to_be_checked()
    expect(page.get_by_label("Compare – Efficient street lighting in Písek")).to_be_checked()
