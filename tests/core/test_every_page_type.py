"""Every page type of the site renders in both languages with its language links.

Runs over the page models Wagtail knows, so a new page type is covered (and must have an
example in the loaded site content) without anyone remembering to add it here.
"""

import pytest
from bs4 import BeautifulSoup

from tests.page_types import SITE_PAGE_TYPES, example_pages

pytestmark = pytest.mark.django_db


def test_the_loaded_site_has_an_example_of_every_page_type(site):
    missing = [
        model.__name__
        for model in SITE_PAGE_TYPES
        if not model.objects.live().filter(locale__language_code="cs").exists()
    ]
    assert missing == []


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_renders_in_both_languages_with_language_links(client, site, model):
    pages = example_pages(model, site["en"].locale)
    cs_page, en_page = pages["cs"], pages["en"]
    cs_url, en_url = cs_page.url, en_page.url
    for page, url, lang, other_url in [
        (cs_page, cs_url, "cs", en_url),
        (en_page, en_url, "en", cs_url),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = BeautifulSoup(response.content, "html.parser")
        assert html.html["lang"] == lang
        title = html.title.get_text()
        assert page.title in title
        assert title.count("Lepší města") == 1, title
        alternates = {
            link["hreflang"]: link["href"] for link in html.select("link[rel=alternate][hreflang]")
        }
        assert alternates["cs"].endswith(cs_url)
        assert alternates["en"].endswith(en_url)
        assert alternates["x-default"] == alternates["cs"]
        assert html.select_one("link[rel=canonical]")["href"].endswith(url)
        other = "en" if lang == "cs" else "cs"
        assert html.select_one(f'[data-testid="switch-{other}"]')["href"] == other_url
