"""Pictures as visitors get them: the sample partners' logos and the sample projects'
illustrations, each a responsive <picture> (WebP, AVIF too for a photograph where Pillow writes
it, and the original's format) with its size, a text alternative and, for an illustration, its
credit; only the first picture a visitor sees loads at once."""

import pytest
import wagtail_factories
from PIL import features
from wagtail.images import get_image_model

from tests.conftest import page_by_slug
from tests.html import get_html

pytestmark = pytest.mark.django_db

PARTNERS = {"cs": "/cs/partneri/", "en": "/en/partners/"}
CATALOGUE = {"cs": "/cs/katalog/", "en": "/en/catalogue/"}
PROJECT = {
    "cs": "/cs/katalog/pisek-senzory-parkovani/",
    "en": "/en/catalogue/pisek-parking-sensors/",
}
SAMPLE_ORGANISATIONS = {
    "Čistá ulice s.r.o.",
    "Dopravní data s.r.o.",
    "Energie pro města, a.s.",
    "Komunální finance, a.s.",
    "Krajské IT systémy s.r.o.",
    "ParkSense s.r.o.",
    "Světlo chytře s.r.o.",
}
CREDIT = {
    "cs": "Ilustrace: Lepší města (ukázka)",
    "en": "Illustration: Lepší města (sample)",
}
ALT = {
    "cs": "Parkovací místa se snímači obsazenosti a dopravní značka P.",
    "en": "Parking spaces with occupancy sensors and a parking sign.",
}


# Artwork (PNG) gets WebP; a photograph (JPEG) AVIF too, where the installed Pillow writes it.
ARTWORK_SOURCES = ["webp"]
PHOTO_SOURCES = ["avif", "webp"] if features.check("avif") else ["webp"]


def assert_responsive(picture, fallback_type, sources=ARTWORK_SOURCES):
    """A <picture> with a source per modern format, each at two widths or more, and the
    fallback <img> with its size."""
    by_type = {source["type"]: source for source in picture.select("source")}
    assert list(by_type) == [f"image/{fmt}" for fmt in sources]
    for fmt, source in zip(sources, by_type.values(), strict=True):
        candidates = [candidate.split() for candidate in source["srcset"].split(", ")]
        assert len(candidates) >= 2, fmt
        assert all(url.endswith("." + fmt) for url, _w in candidates)
        assert all(width.endswith("w") for _url, width in candidates)
        assert source["sizes"]
    img = picture.select_one("img")
    assert img["src"].endswith("." + fallback_type)
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img["sizes"] == picture.select_one("source")["sizes"]
    return img


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_every_sample_organisation_shows_its_logo_named_after_it(client, site, lang):
    html = get_html(client, PARTNERS[lang])
    cards = html.select('[data-testid="partner-card"], [data-testid="startup-card"]')
    logos = {}
    for card in cards:
        picture = card.select_one(".org-logo picture")
        assert picture is not None, card.get_text(" ", strip=True)
        assert not card.select(".org-logo__initials")
        img = assert_responsive(picture, "png")
        logos[img["alt"]] = img
    assert set(logos) == SAMPLE_ORGANISATIONS
    # Logos are 3:1 wordmarks, shown within the 15rem × 7.5rem box.
    assert all(int(img["width"]) <= 240 and int(img["height"]) <= 120 for img in logos.values())


def test_only_the_first_row_of_logos_loads_at_once(client, site):
    html = get_html(client, PARTNERS["cs"])
    loading = [img.get("loading") for img in html.select(".org-logo img")]
    # The first tier shows its first three logos above the fold; every later one waits.
    first_tier = html.select_one('[data-testid="tier"]').select(".org-logo img")
    eager = min(3, len(first_tier))
    assert loading[:eager] == [None] * eager
    assert loading[eager:] == ["lazy"] * (len(loading) - eager)


@pytest.mark.parametrize(
    ("lang", "slug", "name"),
    [("cs", "parksense", "ParkSense s.r.o."), ("en", "dopravni-data", "Dopravní data s.r.o.")],
)
def test_a_profile_shows_its_logo_at_once(client, site, lang, slug, name):
    html = get_html(client, PARTNERS[lang] + slug + "/")
    img = assert_responsive(html.select_one("main .org-logo picture"), "png")
    assert img["alt"] == name
    assert "loading" not in img.attrs


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_a_sample_project_shows_its_illustration_with_text_and_credit(client, site, lang):
    html = get_html(client, PROJECT[lang])
    figure = html.select_one('[data-testid="project-picture"]')
    img = assert_responsive(figure.select_one("picture"), "png")
    assert img["alt"] == ALT[lang]
    # At the head of the page: fetched first, not lazily.
    assert "loading" not in img.attrs
    assert img["fetchpriority"] == "high"
    assert figure.select_one("figcaption").get_text(strip=True) == CREDIT[lang]


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_every_card_of_the_sample_catalogue_has_its_illustration(client, site, lang):
    html = get_html(client, CATALOGUE[lang])
    cards = html.select(".project-card")
    assert cards
    images = []
    for card in cards:
        picture = card.select_one(".project-card__picture picture")
        assert picture is not None, card.get_text(" ", strip=True)
        images.append(assert_responsive(picture, "png"))
    # Decorative on the card, whose heading names the project; the first card's loads at once.
    assert {img["alt"] for img in images} == {""}
    assert [img.get("loading") for img in images] == [None] + ["lazy"] * (len(images) - 1)


def test_a_photograph_is_offered_as_avif_too_where_pillow_writes_it(client, site):
    project = page_by_slug("pisek-senzory-parkovani", "cs")
    project.lead_image = wagtail_factories.ImageFactory(
        title="Parkoviště v Písku", file__width=1600, file__height=900, file__filename="foto.jpg"
    )
    project.save_revision().publish()
    html = get_html(client, PROJECT["cs"])
    img = assert_responsive(
        html.select_one('[data-testid="project-picture"] picture'), "jpg", PHOTO_SOURCES
    )
    assert img["alt"] == ALT["cs"]


def test_the_sample_images_are_marked_as_samples_in_the_image_library(site):
    titles = set(get_image_model().objects.values_list("title", flat=True))
    assert "parksense (ukázka / sample)" in titles
    assert "parking (ukázka / sample)" in titles
