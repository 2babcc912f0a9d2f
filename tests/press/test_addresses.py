"""Addresses are ASCII in both languages; a translation's address follows its translated title."""

import re

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from core.slugs import ascii_slug
from press.models import PressReleasePage
from tests.factories.press import PressReleasePageFactory
from tests.press.test_editing import release_form
from tests.press.test_translation_drafts import translate_in_admin

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Lepší města hledají partnery", "lepsi-mesta-hledaji-partnery"),
        ("Čistota veřejného prostoru: Ústí nad Labem", "cistota-verejneho-prostoru-usti-nad-labem"),
        ("Řízení dopravy – Plzeň, Žďár", "rizeni-dopravy-plzen-zdar"),
        ("  ", ""),
    ],
)
def test_czech_text_becomes_an_ascii_slug(text, slug):
    assert ascii_slug(text) == slug


def test_the_admin_transliterates_slugs_as_the_editor_types_the_title(admin_client, press_index):
    form = admin_client.get(f"/admin/pages/add/press/pressreleasepage/{press_index['cs'].pk}/")
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', form.content.decode()).group()
    assert 'data-controller="w-slug"' in slug_input
    # Django leaves out a False attribute; Wagtail's slug controller then transliterates.
    assert "allow-unicode" not in slug_input


def test_a_slug_typed_with_diacritics_is_stored_in_ascii(admin_client, client, press_index):
    response = admin_client.post(
        f"/admin/pages/add/press/pressreleasepage/{press_index['cs'].pk}/",
        release_form(
            title="Města řeší parkování",
            slug="města-řeší-parkování",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    release = PressReleasePage.objects.get(title="Města řeší parkování")
    assert release.slug == "mesta-resi-parkovani"
    assert client.get("/cs/tiskove-zpravy/mesta-resi-parkovani/").status_code == 200


def test_a_translation_takes_its_address_from_its_translated_title_and_keeps_it(
    admin_client, client, press_index, django_capture_on_commit_callbacks
):
    czech = PressReleasePageFactory(
        parent=press_index["cs"], title="Města sdílejí data", slug="mesta-sdileji-data"
    )
    english = translate_in_admin(admin_client, czech, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(
        source__object_id=czech.translation_key, target_locale__language_code="en"
    )
    # The translator is never asked for an address (no "missing translation" for it).
    contexts = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", flat=True
        )
    )
    assert "title" in contexts
    assert "slug" not in contexts

    po = translation.export_po()
    for entry in po:
        if entry.msgctxt == "title":
            entry.msgstr = "Cities share their data"
    translation.import_po(po)
    moderator = User.objects.create_user("moderator", "m@lepsimesta.cz", "x")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    english = Page.objects.get(pk=english.pk)
    assert english.live
    assert english.slug == "cities-share-their-data"
    assert english.url == "/en/press/cities-share-their-data/"

    # Once live, a new title does not move the page.
    english = english.specific
    english.title = "Czech cities share their data"
    english.save_revision().publish()
    assert Page.objects.get(pk=english.pk).slug == "cities-share-their-data"
    assert Locale.objects.get(pk=english.locale_id).language_code == "en"
