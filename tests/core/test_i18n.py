"""Language negotiation, the switcher's fallback, branded 404s and Czech/English dates."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from home.models import StandardPage
from tests.html import get_html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("cs-CZ,cs;q=0.9", "/cs/"), ("en-GB,en;q=0.9", "/en/"), ("de-DE", "/cs/"), ("", "/cs/")],
)
def test_root_redirects_by_browser_language(client, site, accept_language, target):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("path", "lang", "heading", "home_link"),
    [
        ("/cs/tohle-neexistuje/", "cs", "Stránka nenalezena", "/cs/"),
        ("/en/no-such-page/", "en", "Page not found", "/en/"),
    ],
)
def test_unknown_url_gives_branded_404_in_visitors_language(
    client, site, path, lang, heading, home_link
):
    response = client.get(path)
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == heading
    assert html.select_one("main a")["href"] == home_link
    assert html.select_one("footer a[href='mailto:info@lepsimesta.cz']")


def test_switcher_on_untranslated_page_says_so_and_offers_the_other_home(client, site):
    site["cs"].add_child(
        instance=StandardPage(
            title="Jen česky", slug="jen-cesky", body=[], locale=site["cs"].locale
        )
    )
    html = BeautifulSoup(client.get("/cs/jen-cesky/").content, "html.parser")
    switch = html.select_one('[data-testid="switch-en"]')
    assert switch["href"] == "/en/"
    assert "home page" in switch.get_text()
    assert "This page has not been translated yet." in html.select_one(".language-switcher").text
    # Only the page's own language is an alternate; no hreflang points at a missing page.
    hreflangs = [link["hreflang"] for link in html.select("link[hreflang]")]
    assert hreflangs == ["cs", "x-default"]


def test_alias_pages_are_never_hreflang_targets(client, site, locales):
    about_cs = StandardPage.objects.get(slug="o-iniciative")
    alias = about_cs.create_alias(parent=site["cs"], update_slug="o-iniciative-alias")
    html = BeautifulSoup(client.get(alias.url).content, "html.parser")
    hrefs = [link["href"] for link in html.select("link[hreflang]")]
    assert all("alias" not in href for href in hrefs)
    # The alias' canonical link is the original page.
    assert html.select_one("link[rel=canonical]")["href"].endswith("/cs/o-iniciative/")


@pytest.mark.parametrize(
    ("language", "expected"), [("cs", "3. srpna 2016"), ("en", "3 August 2016")]
)
def test_dates_read_naturally_in_each_language(language, expected):
    with translation.override(language):
        rendered = Template("{{ day|date }}").render(Context({"day": datetime.date(2016, 8, 3)}))
    assert rendered == expected


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/cs/prihlaska/", "Formulář se nepodařilo odeslat"),
        ("/en/apply/", "Your form could not be sent"),
    ],
)
def test_expired_form_token_gets_a_branded_page_in_the_visitors_language(site, path, message):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"name": "Jana Nováková"})
    assert response.status_code == 403
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text(strip=True) == message
    assert html.select_one("main a[href='mailto:info@lepsimesta.cz']")


@pytest.mark.parametrize(
    ("url", "other_url"),
    [
        ("/cs/tiskove-zpravy/2016/", "/en/press/2016/"),
        ("/en/press/2016/", "/cs/tiskove-zpravy/2016/"),
        ("/cs/prihlaska/dekujeme/", "/en/apply/thank-you/"),
        ("/en/apply/thank-you/", "/cs/prihlaska/dekujeme/"),
    ],
)
def test_a_routed_sub_page_switches_to_its_counterpart(client, site, url, other_url):
    html = get_html(client, url)
    other = "en" if url.startswith("/cs/") else "cs"
    assert html.select_one(f'[data-testid="switch-{other}"]')["href"] == other_url
    alternates = {
        link["hreflang"]: link["href"] for link in html.select("link[rel=alternate][hreflang]")
    }
    assert alternates[other].endswith(other_url)
    assert html.select_one("link[rel=canonical]")["href"].endswith(url)
    # The counterpart exists.
    assert client.get(other_url).status_code == 200
