"""sitemap.xml, robots.txt and the health check."""

import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from core.sitemaps import AllLanguagesSitemap
from partners.models import ApplicationFormPage
from press.models import PressIndexPage
from tests.factories.press import PressReleasePageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return etree.fromstring(response.content)


def sitemap_pages(client):
    """The addresses of the sitemap's pages, as its index at /sitemap.xml lists them."""
    return xml(client, "/sitemap.xml").xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP_NS)


def sitemap(client):
    """{location: (lastmod, {hreflang: href})} of every page of the sitemap, and the locations in
    order."""
    entries = [
        entry
        for url in sitemap_pages(client)
        for entry in xml(client, url).xpath("//s:url", namespaces=SITEMAP_NS)
    ]
    locations = [entry.findtext("s:loc", namespaces=SITEMAP_NS) for entry in entries]
    return locations, {
        entry.findtext("s:loc", namespaces=SITEMAP_NS): (
            entry.findtext("s:lastmod", namespaces=SITEMAP_NS),
            {
                link.get("hreflang"): link.get("href")
                for link in entry.xpath("xhtml:link[@rel='alternate']", namespaces=SITEMAP_NS)
            },
        )
        for entry in entries
    }


def test_sitemap_lists_every_live_page_in_both_languages(client, site):
    locations, _entries = sitemap(client)
    paths = {"/" + loc.split("/", 3)[3] for loc in locations}
    assert {
        "/cs/",
        "/en/",
        "/cs/o-iniciative/",
        "/en/about/",
        "/cs/ochrana-osobnich-udaju/",
        "/en/privacy/",
        "/cs/prohlaseni-o-pristupnosti/",
        "/en/accessibility-statement/",
    } <= paths


def test_sitemap_lists_each_page_once_per_language_with_its_translations(client, site):
    locations, entries = sitemap(client)
    assert len(locations) == len(set(locations))
    pages = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).public()
    assert set(locations) == {page.full_url for page in pages}
    for page in pages.select_related("locale"):
        lastmod, alternates = entries[page.full_url]
        # The sitemap's dates are the site's (Prague's): after 23:00 UTC that is tomorrow.
        assert lastmod == timezone.localdate(page.last_published_at).isoformat()
        translations = {
            p.locale.language_code: p.full_url
            for p in page.get_translations(inclusive=True)
            .live()
            .filter(alias_of__isnull=True)
            .select_related("locale")
        }
        assert alternates == {**translations, "x-default": translations["cs"]}, page.url


def test_sitemap_leaves_out_aliases_and_private_pages_and_their_links(client, site):
    about = site["cs"].get_children().get(slug="o-iniciative")
    english_about = about.get_translation(site["en"].locale)
    PageViewRestriction.objects.create(page=english_about, restriction_type="login")
    alias = about.create_alias(parent=site["cs"], update_slug="o-iniciative-kopie")
    locations, entries = sitemap(client)
    assert english_about.full_url not in locations
    assert alias.full_url not in locations
    assert entries[about.full_url][1] == {"cs": about.full_url, "x-default": about.full_url}


def uncached_queries(client, url):
    """The queries of a GET of `url` built afresh (nothing cached)."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_sitemap_costs_the_same_for_a_small_and_a_larger_site(client, site):
    # The index: the site, the trees' homes, the count of pages and their latest date. Per
    # sitemap page: the site, the trees' homes, the pages, their specific rows (one query per
    # page type) and the view restrictions, then the translations of all listed pages at once;
    # none per page.
    urls = ["/sitemap.xml", "/sitemap-pages.xml"]
    small = [uncached_queries(client, url) for url in urls]
    index = PressIndexPage.objects.get(locale=site["cs"].locale)
    english_index = index.get_translation(site["en"].locale)
    for release in PressReleasePageFactory.create_batch(15, parent=index):
        english = release.copy_for_translation(site["en"].locale, copy_parents=False)
        english.save_revision().publish()
    assert english_index.get_children().live().count() > 15
    assert [uncached_queries(client, url) for url in urls] == small


def test_the_sitemap_is_an_index_of_pages_each_with_both_languages_alternates(
    client, site, monkeypatch
):
    monkeypatch.setattr(AllLanguagesSitemap, "limit", 5)
    pages = sitemap_pages(client)
    count = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).public().count()
    assert len(pages) == -(-count // 5) > 2
    assert pages[:2] == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
    ]
    documents = [xml(client, url) for url in pages]
    assert [len(doc.xpath("//s:url", namespaces=SITEMAP_NS)) for doc in documents[:-1]] == [5] * (
        len(pages) - 1
    )
    locations, entries = sitemap(client)
    assert len(locations) == len(set(locations)) == count
    about = site["cs"].get_children().get(slug="o-iniciative")
    english_about = about.get_translation(site["en"].locale)
    expected = {"cs": about.full_url, "en": english_about.full_url, "x-default": about.full_url}
    assert entries[about.full_url][1] == entries[english_about.full_url][1] == expected
    assert client.get("/sitemap-pages.xml?p=999").status_code == 404
    assert client.get("/sitemap-pages.xml?p=x").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_the_sitemap_is_cached_until_a_page_changes(client, site):
    urls = ["/sitemap.xml", "/sitemap-pages.xml"]
    for url in urls:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        for url in urls:
            assert client.get(url).status_code == 200
    assert len(captured) == 0
    index = PressIndexPage.objects.get(locale=site["cs"].locale)
    release = PressReleasePageFactory(parent=index, title="Nová tisková zpráva")
    assert release.full_url in sitemap(client)[0]
    release.unpublish()
    assert release.full_url not in sitemap(client)[0]


def test_sitemap_leaves_out_unpublished_pages(client, site):
    about = site["cs"].get_children().get(slug="o-iniciative")
    about.unpublish()
    assert "http://testserver/cs/o-iniciative/" not in sitemap(client)[0]


def test_robots_txt_points_to_the_sitemap_and_keeps_out_admin_and_thank_you_pages(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /cs/hledat/",
        "Disallow: /en/search/",
        "Disallow: /cs/prihlaska/dekujeme/",
        "Disallow: /en/apply/thank-you/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_robots_txt_follows_the_form_pages_address(client, site):
    form = ApplicationFormPage.objects.get(locale=site["en"].locale)
    form.slug = "join"
    form.save_revision().publish()
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /en/join/thank-you/" in lines
    assert "Disallow: /en/apply/thank-you/" not in lines


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    # The cache's part of the answer is tested in test_cache_outage.py.
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"


@pytest.mark.subprocess
def test_healthz_answers_503_when_the_database_does_not():
    # A real process whose database is a port where nothing listens; no Redis configured.
    script = (
        "from django.test import Client; r = Client().get('/healthz'); "
        "import sys; sys.stdout.write(f'{r.status_code} {r.json()}')"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.test",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:9/nothing",
            "REDIS_URL": "",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout == "503 {'status': 'unavailable', 'database': 'down', 'cache': 'local'}"
