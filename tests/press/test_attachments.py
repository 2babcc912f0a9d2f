"""Attachments carry a label in each language of the release, falling back to the document title."""

import pytest
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset
from wagtail_localize.models import Translation, TranslationSource

from press.models import PressReleaseAttachment
from tests.factories.press import DocumentFactory, PressReleasePageFactory
from tests.html import get_html
from tests.press.test_editing import release_form

pytestmark = pytest.mark.django_db


def attachment_links(client, url):
    return [a.get_text(strip=True) for a in get_html(client, url).select(".press-attachments a")]


def test_each_language_shows_its_own_label_and_the_same_document(
    client, press_index, django_capture_on_commit_callbacks
):
    release = PressReleasePageFactory(parent=press_index["cs"])
    report = DocumentFactory(title="zprava-2016-final-v3.pdf")
    untitled = DocumentFactory(title="Příloha bez popisku", filename="priloha.pdf")
    PressReleaseAttachment.objects.create(
        page=release, document=report, label="Výroční zpráva 2016", sort_order=0
    )
    PressReleaseAttachment.objects.create(page=release, document=untitled, sort_order=1)
    release.save_revision().publish()

    source, _created = TranslationSource.get_or_create_from_instance(release)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    po = translation.export_po()
    for entry in po:
        if entry.msgid == "Výroční zpráva 2016":
            entry.msgstr = "Annual report 2016"
    translation.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    english = release.get_translation(Locale.objects.get(language_code="en"))

    assert attachment_links(client, release.url) == ["Výroční zpráva 2016", "Příloha bez popisku"]
    assert attachment_links(client, english.url) == ["Annual report 2016", "Příloha bez popisku"]
    english_rows = PressReleaseAttachment.objects.filter(page=english)
    assert {row.document_id for row in english_rows} == {report.pk, untitled.pk}
    assert {row.locale.language_code for row in english_rows} == {"en"}


def test_an_editor_adds_a_labelled_attachment_in_the_admin(admin_client, press_index):
    document = DocumentFactory(title="soubor.pdf")
    response = admin_client.post(
        f"/admin/pages/add/press/pressreleasepage/{press_index['cs'].pk}/",
        release_form(
            attachments=inline_formset([{"document": document.pk, "label": "Program konference"}]),
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    attachment = PressReleaseAttachment.objects.get(document=document)
    assert attachment.label == "Program konference"
    assert attachment.locale.language_code == "cs"
