"""Every page type of the home app renders in both languages with its language links."""

import pytest

from tests.conftest import page_by_slug
from tests.html import get_html

pytestmark = pytest.mark.django_db

PAGES = [
    # (Czech path, English path, Czech heading, English heading)
    ("/cs/", "/en/", "Lepší města", "Better Cities"),
    ("/cs/o-iniciative/", "/en/about/", "O iniciativě", "About the initiative"),
    ("/cs/ochrana-osobnich-udaju/", "/en/privacy/", "Ochrana osobních údajů", "Privacy"),
    (
        "/cs/prohlaseni-o-pristupnosti/",
        "/en/accessibility-statement/",
        "Prohlášení o přístupnosti",
        "Accessibility statement",
    ),
]


def alternates(html):
    return {
        link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')
    }


@pytest.mark.parametrize(("cs_path", "en_path", "cs_heading", "en_heading"), PAGES)
def test_page_renders_in_both_languages_with_language_links(
    client, site, cs_path, en_path, cs_heading, en_heading
):
    for path, lang, heading, other_lang, other_path in [
        (cs_path, "cs", cs_heading, "en", en_path),
        (en_path, "en", en_heading, "cs", cs_path),
    ]:
        html = get_html(client, path)
        assert html.html["lang"] == lang
        assert html.h1.get_text(strip=True) == heading
        assert heading in html.title.get_text()
        links = alternates(html)
        assert links["cs"].endswith(cs_path)
        assert links["en"].endswith(en_path)
        assert links["x-default"] == links["cs"]
        assert html.select_one('link[rel="canonical"]')["href"].endswith(path)
        switch = html.select_one(f'[data-testid="switch-{other_lang}"]')
        assert switch["href"] == other_path
        assert switch["lang"] == other_lang


def test_home_page_presents_the_initiative_and_the_working_groups(client, site, areas):
    cs = get_html(client, "/cs/")
    cs_groups = [h3.get_text(strip=True) for h3 in cs.select("#working-groups + ul h3")]
    assert cs_groups == ["Doprava", "Energetika", "ICT", "Smart governance"]
    cta = cs.select_one(".cta a")
    assert cta.get_text(strip=True) == "Podat přihlášku"
    assert cta["href"] == "/cs/prihlaska/"
    en = get_html(client, "/en/")
    en_groups = [h3.get_text(strip=True) for h3 in en.select("#working-groups + ul h3")]
    assert en_groups == ["Transport", "Energy", "ICT", "Smart governance"]
    first = en.select_one("#working-groups + ul p").get_text(strip=True)
    assert first == areas["transport"][1].description
    assert "Get involved" in en.get_text(" ", strip=True)
    en_cta = en.select_one(".cta a")
    assert (en_cta.get_text(strip=True), en_cta["href"]) == ("Apply now", "/en/apply/")


def test_renaming_an_area_renames_its_home_page_card(client, site, areas):
    """The areas are the one list of the working groups: one edit per language."""
    cs_transport, en_transport = areas["transport"]
    cs_transport.name = "Doprava a mobilita"
    cs_transport.save()
    en_transport.name = "Transport and mobility"
    en_transport.save()
    for path, name in [("/cs/", "Doprava a mobilita"), ("/en/", "Transport and mobility")]:
        card = get_html(client, path).select_one("#working-groups + ul h3")
        assert card.get_text(strip=True) == name


def test_cards_link_the_live_working_group_pages(client, site):
    for path, expected in [
        ("/cs/", ["doprava", "energetika", "ict", "smart-governance"]),
        ("/en/", ["transport", "energy", "ict", "smart-governance"]),
    ]:
        links = [a["href"] for a in get_html(client, path).select("#working-groups + ul h3 a")]
        assert [link.rstrip("/").rsplit("/", 1)[1] for link in links] == expected
    # Without a live translation, the English card is not linked to the Czech page.
    page_by_slug("energy", "en").unpublish()
    links = [a["href"] for a in get_html(client, "/en/").select("#working-groups + ul h3 a")]
    assert "/en/working-groups/energy/" not in links
    assert len(links) == 3


def test_header_navigation_and_footer(client, site):
    html = get_html(client, "/cs/o-iniciative/")
    nav = html.select_one("nav.main-nav")
    current = nav.select_one('[aria-current="page"]')
    assert current.get_text(strip=True) == "O iniciativě"
    footer = html.select_one("footer")
    assert footer.select_one('a[href="mailto:info@lepsimesta.cz"]')
    assert "Svaz měst a obcí České republiky" in footer.get_text()
    hrefs = [a["href"] for a in footer.select("a")]
    assert "/cs/ochrana-osobnich-udaju/" in hrefs
    assert "/cs/prohlaseni-o-pristupnosti/" in hrefs
    en_footer = get_html(client, "/en/").select_one("footer")
    en_hrefs = [a["href"] for a in en_footer.select("a")]
    assert "/en/privacy/" in en_hrefs
    assert "/en/accessibility-statement/" in en_hrefs


@pytest.mark.parametrize(
    ("path", "catalogue", "guides"),
    [("/cs/", "/cs/katalog/", "/cs/navody/"), ("/en/", "/en/catalogue/", "/en/guides/")],
)
def test_home_page_shows_the_newest_projects_of_its_language(client, site, path, catalogue, guides):
    html = get_html(client, path)
    section = html.select_one('section[aria-labelledby="projects"]')
    links = [a["href"] for a in section.select(".project-list__title a")]
    assert len(links) == 3
    assert all(link.startswith(catalogue) for link in links)
    assert [a["href"] for a in section.select("p > a")] == [catalogue, guides]
    assert not section.select(".coming-soon")


def test_home_page_says_the_catalogue_is_coming_while_it_is_not_live(client, site):
    page_by_slug("katalog", "cs").get_translation(site["en"].locale).unpublish()
    section = get_html(client, "/en/").select_one('section[aria-labelledby="projects"]')
    assert section.select_one(".coming-soon")
    assert not section.select(".project-list")


@pytest.mark.parametrize(
    ("path", "index", "first"),
    [
        ("/cs/", "/cs/partneri/", "Energie pro města, a.s. Generální partner · Ukázkový obsah"),
        ("/en/", "/en/partners/", "Energie pro města, a.s. General partner · Sample content"),
    ],
)
def test_home_page_shows_the_leading_partners_of_its_language(client, site, path, index, first):
    section = get_html(client, path).select_one('section[aria-labelledby="partners"]')
    items = section.select('[data-testid="home-partners"] li')
    assert len(items) == 4
    assert " ".join(items[0].get_text(" ", strip=True).split()) == first
    assert all(a["href"].startswith(index) for a in section.select("h3 a"))
    assert section.select("p > a")[-1]["href"] == index
    assert not section.select(".coming-soon")


def test_home_page_says_partners_are_coming_while_their_index_is_not_live(client, site):
    page_by_slug("partneri", "cs").get_translation(site["en"].locale).unpublish()
    section = get_html(client, "/en/").select_one('section[aria-labelledby="partners"]')
    assert section.select_one(".coming-soon")
