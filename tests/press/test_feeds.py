"""RSS 2.0 and Atom feeds per language, read as a feed reader would (feedparser)."""

import feedparser
import pytest

from tests.factories.press import (
    DocumentFactory,
    PressReleaseAttachmentFactory,
    PressReleasePageFactory,
)
from tests.press.conftest import CS_INDEX, CS_RELEASE, EN_INDEX, EN_RELEASE
from tests.press.test_pages import FOUNDING_CS, FOUNDING_EN

pytestmark = pytest.mark.django_db


def read_feed(client, path, content_type):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(
    ("index", "lang", "feed_title", "title", "link", "lead"),
    [
        (CS_INDEX, "cs", "Tiskové zprávy", FOUNDING_CS, CS_RELEASE, "Dva týdny po oficiálním"),
        (EN_INDEX, "en", "Press releases", FOUNDING_EN, EN_RELEASE, "Two weeks after the official"),
    ],
)
def test_rss_feed_per_language(client, site, index, lang, feed_title, title, link, lead):
    feed = read_feed(client, index + "rss/", "application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.language == lang
    assert feed.feed.title.startswith(feed_title)
    assert feed.feed.link == f"http://testserver{index}"
    entry = feed.entries[0]
    assert entry.title == title
    assert entry.link == f"http://testserver{link}"
    assert entry.summary.startswith(lead)
    # Midnight of the release day in Prague (summer time).
    assert entry.published == "Wed, 03 Aug 2016 00:00:00 +0200"


@pytest.mark.parametrize(
    ("index", "lang", "title", "link"),
    [(CS_INDEX, "cs", FOUNDING_CS, CS_RELEASE), (EN_INDEX, "en", FOUNDING_EN, EN_RELEASE)],
)
def test_atom_feed_per_language(client, site, index, lang, title, link):
    feed = read_feed(client, index + "atom/", "application/atom+xml")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    entry = feed.entries[0]
    assert entry.title == title
    assert entry.link == f"http://testserver{link}"
    assert entry.published.startswith("2016-08-03T00:00:00")
    assert entry.updated_parsed is not None


def test_feeds_list_the_newest_first_and_attachments_as_enclosures(client, press_index):
    release = PressReleasePageFactory(
        parent=press_index["cs"], title="Výsledky první fáze", release_date="2017-05-02"
    )
    PressReleaseAttachmentFactory(page=release, document__title="Zpráva", sort_order=0)
    PressReleaseAttachmentFactory(
        page=release,
        document=DocumentFactory(title="Tabulka", filename="tabulka.docx"),
        sort_order=1,
    )

    rss = read_feed(client, CS_INDEX + "rss/", "application/rss+xml")
    assert [e.title for e in rss.entries] == ["Výsledky první fáze", FOUNDING_CS]
    # RSS 2.0 allows one enclosure per item: the first attachment.
    (enclosure,) = rss.entries[0].enclosures
    assert enclosure.href.startswith("http://testserver/documents/")
    assert "/priloha" in enclosure.href
    assert enclosure.href.endswith(".pdf")
    assert enclosure.type == "application/pdf"
    assert enclosure.length == "2057"

    atom = read_feed(client, CS_INDEX + "atom/", "application/atom+xml")
    types = [e.type for e in atom.entries[0].enclosures]
    assert types == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]
    assert atom.entries[1].get("enclosures", []) == []


@pytest.mark.parametrize("feed", ["rss/", "atom/"])
def test_an_entry_keeps_its_id_when_the_release_changes_address(client, press_index, feed):
    release = PressReleasePageFactory(
        parent=press_index["cs"], release_date="2030-01-01", slug="puvodni-adresa"
    )
    before = read_feed(client, CS_INDEX + feed, "application/").entries[0]
    assert before.link.endswith("/puvodni-adresa/")

    release.slug = "nova-adresa"
    release.save_revision().publish()
    after = read_feed(client, CS_INDEX + feed, "application/").entries[0]
    assert after.link.endswith("/nova-adresa/")
    assert after.id == before.id
    assert after.id.startswith("urn:uuid:")


@pytest.mark.parametrize("feed", ["rss/", "atom/"])
def test_the_czech_and_english_versions_of_a_release_are_distinct_entries(client, site, feed):
    ids = {}
    for index, title in [(CS_INDEX, FOUNDING_CS), (EN_INDEX, FOUNDING_EN)]:
        entries = read_feed(client, index + feed, "application/").entries
        ids[index] = next(entry.id for entry in entries if entry.title == title)
    assert ids[CS_INDEX] != ids[EN_INDEX]
