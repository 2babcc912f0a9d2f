"""The press index, its year archive and the release page, as readers see them in each language."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.factories.press import (
    PressReleaseAttachmentFactory,
    PressReleasePageFactory,
)
from tests.html import get_html
from tests.press.conftest import CS_INDEX, CS_RELEASE, EN_INDEX, EN_RELEASE

pytestmark = pytest.mark.django_db

FOUNDING_CS = "Lepší města hledají partnery. Otevírají přihlášky do pracovních skupin"
FOUNDING_EN = (
    "Lepší města (Better Cities) seeks partners and opens applications to its working groups"
)


@pytest.mark.parametrize(
    ("path", "lang", "heading", "title", "date"),
    [
        (CS_INDEX, "cs", "Tiskové zprávy", FOUNDING_CS, "3. srpna 2016"),
        (EN_INDEX, "en", "Press releases", FOUNDING_EN, "3 August 2016"),
    ],
)
def test_index_lists_releases_with_date_title_lead_and_feeds(
    client, site, path, lang, heading, title, date
):
    html = get_html(client, path)
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == heading
    item = html.select_one(".press-list__item")
    assert item.select_one("h2 a").get_text(strip=True) == title
    assert item.select_one("time").get_text(strip=True) == date
    assert item.select_one("time")["datetime"] == "2016-08-03"
    assert item.select_one(".press-summary__lead").get_text(strip=True)
    feeds = {link["type"]: link["href"] for link in html.select('head link[rel="alternate"][type]')}
    assert feeds == {
        "application/rss+xml": f"{path}rss/",
        "application/atom+xml": f"{path}atom/",
    }
    years = [a.get_text(strip=True) for a in html.select(".press-years a")]
    assert "2016" in years


def test_year_archive_lists_only_that_year(client, press_index):
    PressReleasePageFactory(
        parent=press_index["cs"], title="Zpráva z roku 2017", release_date="2017-03-01"
    )
    html = get_html(client, CS_INDEX + "2016/")
    assert html.h1.get_text(strip=True) == "Tiskové zprávy z roku 2016"
    titles = [a.get_text(strip=True) for a in html.select(".press-list h2 a")]
    assert titles == [FOUNDING_CS]
    assert html.select_one('.press-years [aria-current="page"]').get_text(strip=True) == "2016"
    years = [a.get_text(strip=True) for a in html.select(".press-years a")]
    assert years == ["Nejnovější", "2017", "2016"]
    en = get_html(client, EN_INDEX + "2016/")
    assert en.h1.get_text(strip=True) == "Press releases from 2016"


@pytest.mark.parametrize(
    "path",
    [CS_INDEX + "1999/", EN_INDEX + "2999/", CS_INDEX + "?page=abc", EN_INDEX + "?page=abc"],
)
def test_unknown_year_or_a_page_that_is_not_a_number_is_a_branded_404(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    text = response.content.decode()
    assert ("Stránka nenalezena" in text) if path.startswith("/cs/") else ("Page not found" in text)
    title = BeautifulSoup(text, "html.parser").title.get_text()
    assert title in ("Stránka nenalezena | Lepší města", "Page not found | Lepší města")


def test_a_page_number_beyond_the_end_shows_the_last_page(client, press_index):
    for day in range(1, 13):
        PressReleasePageFactory(parent=press_index["cs"], release_date=f"2018-01-{day:02}")
    # 12 new releases and the founding one: 13, ten a page, so two pages.
    last = get_html(client, CS_INDEX + "?page=999")
    assert last.select_one('.pagination [aria-current="page"]').get_text(strip=True) == (
        "Strana 2 z 2"
    )
    assert [a.get_text(strip=True) for a in last.select(".press-list h2 a")][-1] == FOUNDING_CS
    first = get_html(client, CS_INDEX)
    assert len(first.select(".press-list__item")) == 10
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    assert last.title.get_text() == "Tiskové zprávy – strana 2 | Lepší města"


@pytest.mark.parametrize(
    ("path", "lang", "title", "dateline", "speaker_role", "about", "contact_role"),
    [
        (
            CS_RELEASE,
            "cs",
            FOUNDING_CS,
            "Praha, 3. srpna 2016 –",
            "předseda Komory statutárních měst SMO ČR a primátor Pardubic",
            ["O projektu Lepší města", "O Svazu měst a obcí České republiky"],
            "poradkyně primátorky",
        ),
        (
            EN_RELEASE,
            "en",
            FOUNDING_EN,
            "Prague, 3 August 2016 –",
            "Chair of the Chamber of Statutory Cities of SMO ČR and Mayor of Pardubice",
            [
                "About the Lepší města project",
                "About the Union of Towns and Municipalities of the Czech Republic",
            ],
            "Adviser to the Mayor",
        ),
    ],
)
def test_release_page_in_both_languages(
    client, site, path, lang, title, dateline, speaker_role, about, contact_role
):
    html = get_html(client, path)
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == title
    assert html.select_one(".press-release__dateline").get_text(" ", strip=True) == dateline
    quote = html.select_one("figure.quote")
    assert quote.select_one(".quote__speaker").get_text(strip=True) == "Martin Charvát"
    assert quote.select_one(".quote__role").get_text(strip=True) == speaker_role
    assert [h.get_text(strip=True) for h in html.select(".press-about h2")] == about
    contacts = html.select(".press-contact")
    assert len(contacts) == 2
    assert contact_role in contacts[0].get_text()
    assert contacts[0].select_one('a[href^="tel:"]')["href"] == "tel:+420725997546"
    assert contacts[0].select_one('a[href^="mailto:"]')["href"] == (
        "mailto:kristyna.buckova@praha.eu"
    )
    assert contacts[1].select_one('a[href^="mailto:"]')["href"] == "mailto:filipova@smocr.cz"
    other = "en" if lang == "cs" else "cs"
    assert html.select_one(f'[data-testid="switch-{other}"]')["href"] == (
        EN_RELEASE if lang == "cs" else CS_RELEASE
    )


def test_release_page_carries_news_article_data_open_graph_and_a_print_style(client, site):
    html = get_html(client, EN_RELEASE)
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == FOUNDING_EN
    assert data["datePublished"] == "2016-08-03"
    assert data["inLanguage"] == "en"
    assert data["url"].endswith(EN_RELEASE)
    assert html.select_one('meta[property="og:type"]')["content"] == "article"
    assert html.select_one('meta[property="article:published_time"]')["content"] == "2016-08-03"
    assert html.select_one('meta[property="og:description"]')["content"].startswith(
        "Two weeks after the official launch"
    )
    assert html.select_one('link[rel="stylesheet"][media="print"][href$="press/print.css"]')


def test_release_shows_attachments_with_type_and_size(client, press_index):
    release = PressReleasePageFactory(parent=press_index["cs"], title="Zpráva s přílohou")
    PressReleaseAttachmentFactory(page=release, document__title="Prezentace projektu")
    html = get_html(client, release.url)
    item = html.select_one(".press-attachments li")
    link = item.select_one("a")
    assert link.get_text(strip=True) == "Prezentace projektu"
    assert link["href"].startswith("/documents/")
    # 9 bytes of PDF header and 2048 zeros: 2057 bytes, "2,0 KB" in Czech.
    assert item.select_one(".press-attachments__meta").get_text(strip=True) == "(PDF, 2,0\xa0KB)"


def test_related_releases_link_to_the_translation_where_there_is_one(client, press_index, site):
    from press.models import PressReleasePage, PressReleaseRelated

    founding_cs = PressReleasePage.objects.get(locale__language_code="cs")
    release = PressReleasePageFactory(parent=press_index["cs"], title="Navazující zpráva")
    PressReleaseRelated.objects.create(page=release, related_release=founding_cs)
    html = get_html(client, release.url)
    link = html.select_one(".press-related a")
    assert link.get_text(strip=True) == FOUNDING_CS
    assert link["href"] == CS_RELEASE


@pytest.mark.parametrize(
    ("path", "title", "all_link"),
    [("/cs/", FOUNDING_CS, CS_INDEX), ("/en/", FOUNDING_EN, EN_INDEX)],
)
def test_home_page_shows_the_latest_releases(client, site, path, title, all_link):
    html = get_html(client, path)
    section = html.select_one("#latest-press").parent
    assert section.select_one(".press-summary__title a").get_text(strip=True) == title
    assert section.select(".press-list a")[0]["href"].startswith(all_link)
    assert section.select("a")[-1]["href"] == all_link
    assert not section.select(".empty-state")


def test_home_page_keeps_its_empty_state_without_releases(client, site):
    from press.models import PressReleasePage

    PressReleasePage.objects.filter(locale__language_code="en").update(live=False)
    html = get_html(client, "/en/")
    section = html.select_one("#latest-press").parent
    assert section.select_one(".empty-state").get_text(strip=True) == (
        "No press releases have been published yet."
    )


def test_archive_and_later_pages_name_the_site_once_in_the_title(client, site):
    # The year archive and page 2 each add their part before the site's name.
    html = get_html(client, "/cs/tiskove-zpravy/2016/")
    assert html.title.get_text() == "Tiskové zprávy z roku 2016 | Lepší města"


@pytest.mark.parametrize(
    ("path", "name", "role", "organisation", "phone_label", "phone"),
    [
        (
            CS_RELEASE,
            "Kristýna Bučková",
            "poradkyně primátorky",
            "Magistrát hlavního město Praha",  # as the customer's release spells it
            "Telefon",
            "725 997 546",
        ),
        (
            EN_RELEASE,
            "Kristýna Bučková",
            "Adviser to the Mayor",
            "Prague City Hall",
            "Phone",
            "+420 725 997 546",  # a reader abroad needs the country code
        ),
    ],
)
def test_press_contacts_are_compact_cards(
    client, site, path, name, role, organisation, phone_label, phone
):
    card = get_html(client, path).select(".press-contact")[0]
    assert card.select_one(".press-contact__name").get_text(strip=True) == name
    assert card.select_one(".press-contact__role").get_text(strip=True) == role
    assert card.select_one(".press-contact__organisation").get_text(strip=True) == organisation
    details = dict(
        zip(
            [dt.get_text(strip=True) for dt in card.select("dt")],
            [dd.a["href"] for dd in card.select("dd")],
            strict=True,
        )
    )
    assert details == {
        phone_label: "tel:+420725997546",
        "E-mail": "mailto:kristyna.buckova@praha.eu",
    }
    assert card.select_one('a[href^="tel:"]').get_text(strip=True) == phone
