"""Editors create pages in the admin and keep translations in sync through wagtail-localize."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from home.models import StandardPage
from tests.html import stream_field_errors

pytestmark = pytest.mark.django_db


def test_editor_creates_and_publishes_a_standard_page_in_the_admin(admin_client, site):
    data = nested_form_data(
        {
            # Not "pracovni-skupiny": load_site makes that address the working-group index.
            "title": "Sponzorský program",
            "slug": "sponzorsky-program",
            "lead": "Jak se firmy zapojují.",
            "body": streamfield(
                [
                    ("heading", {"text": "Doprava", "level": "h2"}),
                    ("paragraph", rich_text("<p>Plynulost provozu a parkování.</p>")),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/home/standardpage/{site['cs'].pk}/", data, follow=True
    )
    assert response.status_code == 200
    page = StandardPage.objects.get(slug="sponzorsky-program")
    assert page.live
    public = admin_client.get("/cs/sponzorsky-program/")
    assert "Plynulost provozu a parkování." in public.content.decode()


def test_syncing_after_a_czech_edit_updates_the_english_page(
    site, translate, client, django_capture_on_commit_callbacks
):
    cs = site["cs"].add_child(
        instance=StandardPage(
            title="Energetika",
            slug="energetika",
            lead="Úspory energie ve městech.",
            body=[],
            locale=site["cs"].locale,
        )
    )
    cs.save_revision().publish()
    en = translate(cs, title="Energy", slug="energy", lead="Energy savings in cities.")
    assert client.get("/en/energy/").status_code == 200

    cs.title = "Energetika a osvětlení"
    cs.save_revision().publish()
    # What "Sync translated pages" does: refresh the source, then rebuild the translation.
    source, _changed = TranslationSource.update_or_create_from_instance(cs)
    with django_capture_on_commit_callbacks(execute=True):
        for translation in source.translations.all():
            translation.save_target(publish=True)

    en = Page.objects.get(pk=en.pk).specific
    # The new Czech title has no English translation yet, so it shows the source text until an
    # editor translates it; the untouched English lead is kept.
    assert en.title == "Energetika a osvětlení"
    assert en.lead == "Energy savings in cities."


@pytest.mark.parametrize("preferred_language", ["cs", "en"])
def test_editors_work_in_the_admin_in_czech_or_english(
    admin_client, admin_user, preferred_language
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = preferred_language
    profile.save()
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert f'<html lang="{preferred_language}"' in response.content.decode()


def test_the_editor_refuses_a_heading_3_straight_under_the_title(admin_client, site):
    data = nested_form_data(
        {
            "title": "Postup",
            "slug": "postup",
            "lead": "Jak postupovat.",
            "body": streamfield([("heading", {"text": "První krok", "level": "h3"})]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/add/home/standardpage/{site['cs'].pk}/", data)
    assert response.status_code == 200
    first_block = stream_field_errors(response, "body")["blockErrors"]["0"]
    assert first_block["blockErrors"]["level"]["messages"] == [
        "Nadpis 3 musí mít nad sebou Nadpis 2."
    ]
    assert not StandardPage.objects.filter(slug="postup").exists()
