"""A translation goes live only when a person with the right to publish it does so.

Through the real admin views: "Translate this page", "Sync translated pages" and wagtail-localize's
locale synchronisation never put untranslated Czech text on the English site.
"""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, TranslationSource

from press.models import PressReleasePage
from tests.factories.press import PressReleasePageFactory
from tests.press.conftest import EN_INDEX
from tests.press.test_editing import release_form

pytestmark = pytest.mark.django_db

CZECH_TITLE = "Města sdílejí data o parkování"

PUBLIC_ENGLISH_URLS = [
    "/en/",
    EN_INDEX,
    EN_INDEX + "rss/",
    EN_INDEX + "atom/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
]


def public_english_text(client):
    return "\n".join(client.get(url).content.decode() for url in PUBLIC_ENGLISH_URLS)


def user_in(group_name):
    user = User.objects.create_user(
        username=group_name.lower(), email=f"{group_name.lower()}@lepsimesta.cz", password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def translate_in_admin(admin_client, page, django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]}
        )
    assert response.status_code == 302
    return page.get_translation(english)


def test_translating_a_live_release_makes_an_english_draft_that_only_a_moderator_publishes(
    admin_client, client, press_index, django_capture_on_commit_callbacks
):
    release = PressReleasePageFactory(parent=press_index["cs"], title=CZECH_TITLE)
    before = public_english_text(client)

    english = translate_in_admin(admin_client, release, django_capture_on_commit_callbacks)
    assert not english.live
    assert public_english_text(client) == before
    assert client.get(english.url).status_code == 404

    # An editor may translate, but not publish: wagtail-localize's editor refuses.
    editor = client
    editor.force_login(user_in("Editors"))
    response = editor.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    # Wagtail's admin answers a refusal with a redirect to the dashboard and a message.
    assert (response.status_code, response.get("Location")) in [(403, None), (302, "/admin/")]
    assert not Page.objects.get(pk=english.pk).live

    moderator = client
    moderator.force_login(user_in("Moderators"))
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    assert Page.objects.get(pk=english.pk).live
    client.logout()
    assert CZECH_TITLE in client.get(EN_INDEX).content.decode()


def test_sync_translated_pages_writes_drafts_and_offers_no_publish_shortcut(
    admin_client, client, site, django_capture_on_commit_callbacks
):
    czech = PressReleasePage.objects.get(locale__language_code="cs")
    english = PressReleasePage.objects.get(locale__language_code="en")
    english_title = english.title
    czech.title = CZECH_TITLE
    czech.save_revision().publish()
    source = TranslationSource.objects.get(object_id=czech.translation_key, locale=czech.locale)
    url = f"/admin/localize/update/{source.pk}/"

    form = admin_client.get(url).content.decode()
    assert 'name="publish_translations"' not in form

    with django_capture_on_commit_callbacks(execute=True):
        # Even a hand-made POST that asks to publish publishes nothing.
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.title == english_title
    assert CZECH_TITLE not in public_english_text(client)
    # The new Czech title waits in the English translation's editor.
    assert CZECH_TITLE in admin_client.get(f"/admin/pages/{english.pk}/edit/").content.decode()


def test_synchronised_content_from_czech_never_goes_live_in_english(
    admin_client, client, press_index
):
    LocaleSynchronization.objects.create(
        locale=Locale.objects.get(language_code="en"),
        sync_from=Locale.objects.get(language_code="cs"),
    )
    index = press_index["cs"]
    response = admin_client.post(
        f"/admin/pages/add/press/pressreleasepage/{index.pk}/",
        release_form(title=CZECH_TITLE, **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    czech = PressReleasePage.objects.get(title=CZECH_TITLE, locale__language_code="cs")
    assert czech.live
    alias = Page.objects.get(alias_of=czech, locale__language_code="en")
    assert not alias.live

    # Publishing the Czech page again refreshes the alias; it stays offline.
    czech.save_revision().publish()
    alias.refresh_from_db()
    assert not alias.live
    assert CZECH_TITLE not in public_english_text(client)
