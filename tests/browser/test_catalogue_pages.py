"""Project and working-group pages in Chromium: axe in both languages."""

import pytest

from tests.browser.conftest import serious_violations

PAGES = ["project", "group", "groups"]


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_catalogue_pages_have_no_serious_accessibility_violations(page, live_site, catalogue, lang):
    for name in PAGES:
        page.goto(live_site + catalogue[lang][name].url)
        assert serious_violations(page) == [], name
