"""*New release* opens the Czech press index's add form, and an address already taken (by an
abandoned draft of the same title) is said at the top of the form, where the editor is."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from tests.factories.press import PressReleasePageFactory
from tests.press.test_editing import release_form

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Pracovní skupiny zahájily činnost"


def in_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def shortcut_href(client, label):
    html = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return next(a["href"] for a in html.select(".lm-shortcuts a") if label in a.get_text())


@pytest.mark.parametrize(
    ("language", "label"), [("cs", "Nová tisková zpráva"), ("en", "New release")]
)
def test_new_release_opens_the_czech_index_add_form(
    admin_client, admin_user, press_index, language, label
):
    in_admin_language(admin_user, language)
    response = admin_client.get(shortcut_href(admin_client, label), follow=True)
    add_url = f"/admin/pages/add/press/pressreleasepage/{press_index['cs'].pk}/"
    assert response.redirect_chain[-1][0] == add_url
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("#id_title") is not None


def test_a_moderator_too_goes_straight_to_the_czech_index(client, django_user_model, press_index):
    editor = django_user_model.objects.create_user("redaktor", "redaktor@example.cz", "x")
    editor.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(editor)
    response = client.get("/admin/press_releases/choose_parent/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith(f"/{press_index['cs'].pk}/")


@pytest.fixture
def abandoned_draft(press_index):
    draft = PressReleasePageFactory(
        parent=press_index["cs"], title=DRAFT_TITLE, slug="pracovni-skupiny-zahajily-cinnost"
    )
    draft.unpublish()
    return draft


MESSAGES = {
    "cs": (
        "Adresu „pracovni-skupiny-zahajily-cinnost“ už má koncept „Pracovní skupiny zahájily "
        "činnost“ ve stejné sekci. Změňte pole „Slug (identifikátor)“ na kartě „Propagovat“, "
        "nebo koncept smažte, pokud ho nikdo nepotřebuje."
    ),
    "en": (
        "The address “pracovni-skupiny-zahajily-cinnost” is taken by the draft “Pracovní "
        "skupiny zahájily činnost” in the same section. Change the field “Slug” on the "
        "“Promote” tab, or delete the draft if nobody needs it."
    ),
}


@pytest.mark.parametrize("language", ["cs", "en"])
def test_a_slug_taken_by_a_draft_is_said_at_the_top_of_the_form(
    admin_client, admin_user, press_index, abandoned_draft, language
):
    in_admin_language(admin_user, language)
    response = admin_client.post(
        f"/admin/pages/add/press/pressreleasepage/{press_index['cs'].pk}/", release_form()
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    top = " ".join(html.select_one(".messages").get_text(" ").split())
    assert MESSAGES[language] in top


def test_a_slug_taken_by_a_live_page_names_that_page(admin_client, press_index):
    release = PressReleasePageFactory(parent=press_index["cs"], title="Zveřejněná zpráva")
    response = admin_client.post(
        f"/admin/pages/add/press/pressreleasepage/{press_index['cs'].pk}/",
        release_form(slug=release.slug),
    )
    top = " ".join(
        BeautifulSoup(response.content, "html.parser").select_one(".messages").get_text(" ").split()
    )
    assert f"Adresu „{release.slug}“ už má stránka „Zveřejněná zpráva“ ve stejné sekci." in top


def test_an_invalid_slug_is_said_at_the_top_too(admin_client, press_index):
    response = admin_client.post(
        f"/admin/pages/add/press/pressreleasepage/{press_index['cs'].pk}/",
        release_form(slug="a/b"),
    )
    assert response.status_code == 200
    top = " ".join(
        BeautifulSoup(response.content, "html.parser").select_one(".messages").get_text(" ").split()
    )
    assert "Zkontrolujte pole „Slug (identifikátor)“ na kartě „Propagovat“:" in top
