"""Every page type of the home app renders in both languages with its language links."""

import pytest

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


def test_home_page_presents_the_initiative_and_the_working_groups(client, site):
    cs = get_html(client, "/cs/")
    cs_text = cs.get_text(" ", strip=True)
    for group in ["Doprava", "Energetika", "ICT", "Smart governance"]:
        assert group in cs_text
    cta = cs.select_one(".cta a")
    assert cta.get_text(strip=True) == "Podat přihlášku"
    assert cta["href"] == "/cs/prihlaska/"
    en_text = get_html(client, "/en/").get_text(" ", strip=True)
    for group in ["Transport", "Energy", "ICT", "Smart governance"]:
        assert group in en_text
    assert "Get involved" in en_text
    en_cta = get_html(client, "/en/").select_one(".cta a")
    assert (en_cta.get_text(strip=True), en_cta["href"]) == ("Apply now", "/en/apply/")


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
