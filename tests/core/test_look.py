"""The site's look as a page delivers it: social cards on every page, the self-hosted typeface,
the pictograms of the working groups."""

import re
import struct

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.conf import settings

from tests.conftest import page_by_slug
from tests.html import get_html
from tests.press.conftest import CS_RELEASE, EN_RELEASE

pytestmark = pytest.mark.django_db

STATIC = settings.BASE_DIR / "static"
DEFAULT_SOCIAL_IMAGE = "http://testserver/static/img/social-default.png"
PAGES = [
    "/cs/",
    "/en/",
    "/cs/o-iniciative/",
    "/en/about/",
    "/cs/tiskove-zpravy/",
    "/en/press/2016/",
    CS_RELEASE,
    EN_RELEASE,
    "/cs/prihlaska/",
    "/en/apply/thank-you/",
    "/cs/mapa-stranek/",
    "/en/sitemap/",
]


def meta(html, key):
    tag = html.select_one(f'meta[property="{key}"]') or html.select_one(f'meta[name="{key}"]')
    return tag["content"] if tag else None


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_large_social_card_with_the_default_image(client, site, path):
    html = get_html(client, path)
    assert meta(html, "og:image") == DEFAULT_SOCIAL_IMAGE
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt")
    assert meta(html, "twitter:card") == "summary_large_image"


@pytest.mark.parametrize("path", ["/cs/neexistuje/", "/en/does-not-exist/"])
def test_the_not_found_page_has_the_social_card_too(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert meta(html, "og:image") == DEFAULT_SOCIAL_IMAGE
    assert meta(html, "twitter:card") == "summary_large_image"


def test_a_release_with_its_own_image_shares_that_image(client, site):
    release = page_by_slug(CS_RELEASE.strip("/").split("/")[-1], "cs")
    release.social_image = wagtail_factories.ImageFactory(title="Radnice v Pardubicích")
    release.save_revision().publish()
    html = get_html(client, CS_RELEASE)
    image = meta(html, "og:image")
    assert image.startswith("http://testserver/") and ".fill-1200x630" in image
    assert meta(html, "og:image:alt") == "Radnice v Pardubicích"
    assert meta(html, "twitter:card") == "summary_large_image"
    # The English release has no image of its own yet: it keeps the default card.
    assert meta(get_html(client, EN_RELEASE), "og:image") == DEFAULT_SOCIAL_IMAGE


def test_the_default_social_image_is_a_1200_by_630_png():
    data = (STATIC / "img" / "social-default.png").read_bytes()
    # The PNG signature, then the IHDR chunk: width and height as big-endian integers.
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_the_typeface_is_self_hosted_swapped_and_its_regular_weight_preloaded(client, site):
    css = (STATIC / "css" / "site.css").read_text()
    faces = re.findall(r"@font-face\s*{([^}]*)}", css)
    assert len(faces) == 6  # 400, 600 and 700, each in latin and latin-ext (Czech letters)
    for face in faces:
        assert "font-display: swap" in face
        [url] = re.findall(r'url\("\.\./(fonts/[^"]+\.woff2)"\)', face)
        assert (STATIC / url).is_file()
    assert sum("U+0100-02BA" in face for face in faces) == 3
    assert (STATIC / "fonts" / "source-sans-3" / "OFL.txt").is_file()
    html = get_html(client, "/cs/")
    preloads = [link["href"] for link in html.select('link[rel="preload"][as="font"]')]
    assert "/static/fonts/source-sans-3/source-sans-3-latin-400-normal.woff2" in preloads
    assert "/static/fonts/source-sans-3/source-sans-3-latin-ext-400-normal.woff2" in preloads
    assert all(link.has_attr("crossorigin") for link in html.select('link[rel="preload"]'))


@pytest.mark.parametrize("path", ["/cs/", "/en/"])
def test_each_working_group_has_its_pictogram(client, site, areas, path):
    cards = get_html(client, path).select("#working-groups + ul > li")
    pictograms = [card.select_one("img") for card in cards]
    assert [img["src"] for img in pictograms] == [
        "/static/img/groups/transport.svg",
        "/static/img/groups/energy.svg",
        "/static/img/groups/ict.svg",
        "/static/img/groups/governance.svg",
    ]
    assert all(img["alt"] == "" for img in pictograms)
    for img in pictograms:
        assert (STATIC / img["src"].removeprefix("/static/")).is_file()
