"""sitemap.xml, robots.txt and the health check."""

import os
import subprocess
import sys

import pytest
from django.utils import timezone
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from partners.models import ApplicationFormPage
from press.models import PressIndexPage
from tests.factories.press import PressReleasePageFactory
from tests.html import queries

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def sitemap(client):
    """{location: (lastmod, {hreflang: href})} of /sitemap.xml, and the locations in order."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = etree.fromstring(response.content).xpath("//s:url", namespaces=SITEMAP_NS)
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
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = etree.fromstring(response.content).xpath(
        "//s:url/s:loc/text()", namespaces=SITEMAP_NS
    )
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


def test_sitemap_costs_the_same_for_a_small_and_a_larger_site(client, site):
    # Per sitemap page: the site, the trees' homes, the pages, their specific rows (one
    # query per page type) and the view restrictions, then the translations of all listed
    # pages at once; none per page.
    small = queries(client, "/sitemap.xml")
    index = PressIndexPage.objects.get(locale=site["cs"].locale)
    english_index = index.get_translation(site["en"].locale)
    for release in PressReleasePageFactory.create_batch(15, parent=index):
        english = release.copy_for_translation(site["en"].locale, copy_parents=False)
        english.save_revision().publish()
    assert english_index.get_children().live().count() > 15
    assert queries(client, "/sitemap.xml") == small


def test_sitemap_leaves_out_unpublished_pages(client, site):
    about = site["cs"].get_children().get(slug="o-iniciative")
    about.unpublish()
    assert b"/cs/o-iniciative/" not in client.get("/sitemap.xml").content


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
