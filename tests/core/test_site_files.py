"""sitemap.xml, robots.txt and the health check."""

import os
import subprocess
import sys

import pytest
from lxml import etree

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


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


def test_sitemap_leaves_out_unpublished_pages(client, site):
    about = site["cs"].get_children().get(slug="o-iniciative")
    about.unpublish()
    assert b"/cs/o-iniciative/" not in client.get("/sitemap.xml").content


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    # The cache's part of the answer is tested in test_cache_outage.py.
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"


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
