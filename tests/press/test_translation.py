"""English releases show English snippets, and syncing after a Czech edit updates them."""

import datetime

import pytest
from wagtail_localize.models import TranslationSource

from press.models import PressContact, PressReleasePage
from tests.html import get_html
from tests.press.conftest import CS_RELEASE, EN_RELEASE

pytestmark = pytest.mark.django_db


def sync(instance, django_capture_on_commit_callbacks):
    """What "Sync translated pages/snippets" does: refresh the source, rebuild each target."""
    source, _changed = TranslationSource.update_or_create_from_instance(instance)
    with django_capture_on_commit_callbacks(execute=True):
        for translation in source.translations.all():
            translation.save_target(publish=True)


def founding(lang):
    return PressReleasePage.objects.get(locale__language_code=lang)


def test_english_release_shows_the_english_snippets(client, site):
    english = founding("en")
    # wagtail-localize copies the orderables as they are: they still point at Czech snippets…
    assert {item.contact.locale.language_code for item in english.contact_items.all()} == {"cs"}
    html = get_html(client, EN_RELEASE)
    text = html.select_one("main").get_text(" ", strip=True)
    # …and the page shows their English translations.
    assert "About the Lepší města project" in text
    assert "Prague City Hall" in text
    assert "media relations" in text
    assert "O projektu Lepší města" not in text
    assert "mediální zastoupení" not in text


def test_a_new_phone_number_is_edited_once_and_reaches_both_languages(
    client, site, django_capture_on_commit_callbacks
):
    contact = PressContact.objects.get(name="Štěpánka Filipová", locale__language_code="cs")
    contact.phone = "603 111 222"
    contact.save()
    sync(contact, django_capture_on_commit_callbacks)

    english = PressContact.objects.get(
        translation_key=contact.translation_key, locale__language_code="en"
    )
    assert english.phone == "603 111 222"
    assert english.role == "media relations"
    html = get_html(client, EN_RELEASE)
    # English readers see the country code too; the Czech page keeps the number as typed.
    assert html.select_one('a[href="tel:+420603111222"]').get_text(strip=True) == (
        "+420 603 111 222"
    )
    czech = get_html(client, CS_RELEASE).select_one('a[href="tel:+420603111222"]')
    assert czech.get_text(strip=True) == "603 111 222"


def test_publishing_the_czech_source_and_syncing_updates_the_english_release(
    client, site, django_capture_on_commit_callbacks
):
    czech = founding("cs")
    czech.release_date = datetime.date(2016, 8, 4)
    czech.dateline_place = "Brno"
    czech.save_revision().publish()
    sync(czech, django_capture_on_commit_callbacks)

    english = founding("en")
    # The date is synchronized; the unchanged English title and lead are kept; the new place
    # has no English translation yet, so it shows the Czech text until a translator adds one.
    assert english.release_date == datetime.date(2016, 8, 4)
    assert english.title.startswith("Lepší města (Better Cities) seeks partners")
    assert english.lead.startswith("Two weeks after the official launch")
    assert english.dateline_place == "Brno"
    html = get_html(client, EN_RELEASE)
    assert html.select_one(".press-release__dateline").get_text(" ", strip=True) == (
        "Brno, 4 August 2016 –"
    )


def test_the_release_date_cannot_be_translated():
    from wagtail_localize.fields import get_translatable_fields

    fields = {f.field_name: f for f in get_translatable_fields(PressReleasePage)}
    assert fields["release_date"].is_synchronized(PressReleasePage())
    assert not fields["release_date"].is_overridable(PressReleasePage())
    assert fields["lead"].is_translated(PressReleasePage())
