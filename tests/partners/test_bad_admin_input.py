"""Admin form data that no editor's browser produced gets the 400 page in the editor's language
and saves nothing (core/patches/unreadable_form_data.py); Wagtail's error test page is for
superusers only."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.conftest import page_by_slug
from tests.html import assert_bad_request_page
from tests.partners.conftest import PARTNER_A, profile_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_profile(partner_a):
    page = page_by_slug(PARTNER_A, "cs")
    page.save_revision(user=partner_a)
    return page


def signed_in(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def revisions_of(page):
    return list(page.revisions.order_by("pk").values_list("pk", "content"))


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize(
    "description",
    [
        "not JSON at all",
        "[]",
        '"a string"',
        '{"blocks": 5}',
        '{"blocks": [{"text": 5}]}',
        '{"blocks": [{}]}',
        "[" * 100_000 + "]" * 100_000,
    ],
)
def test_a_rich_text_field_that_is_no_editor_content_gets_a_400(
    client, partner_a, own_profile, language, description
):
    before = revisions_of(own_profile)
    signed_in(client, partner_a, language)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[own_profile.pk]),
        {**profile_form(own_profile), "description": description},
    )
    assert_bad_request_page(response, language)
    assert revisions_of(own_profile) == before


def without(data, key):
    return {name: value for name, value in data.items() if name != key}


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize(
    "broken",
    [
        lambda data: without(data, "experts-count"),
        lambda data: {**data, "experts-count": "²"},
        lambda data: {**data, "experts-count": "5"},  # items 2 to 4 are missing
        lambda data: without(data, "experts-0-deleted"),
    ],
    ids=["no count", "count not a number", "count past the items", "an item half sent"],
)
def test_a_revision_revert_with_a_broken_stream_field_gets_a_400(
    client, partner_a, own_profile, language, broken
):
    before = revisions_of(own_profile)
    revision = own_profile.latest_revision
    signed_in(client, partner_a, language)
    response = client.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[own_profile.pk, revision.pk]),
        broken(profile_form(own_profile)),
    )
    assert_bad_request_page(response, language)
    assert revisions_of(own_profile) == before


def test_the_same_edit_in_good_form_is_saved(client, partner_a, own_profile):
    """The other side of the refusals: the form data the tests above break is accepted whole."""
    signed_in(client, partner_a, "cs")
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[own_profile.pk]),
        profile_form(own_profile, description="<p>Nový popis.</p>"),
    )
    assert response.status_code == 302
    own_profile.refresh_from_db()
    assert "Nový popis." in own_profile.get_latest_revision_as_object().description


@pytest.mark.parametrize("who", ["anonymous", "partner", "editor"])
def test_the_error_test_page_does_not_exist_for_anyone_but_superusers(client, partner_a, who):
    if who == "partner":
        client.force_login(partner_a)
    elif who == "editor":
        editor = User.objects.create_user("redaktor", "redaktor@lepsimesta.cz", "x" * 12)
        editor.groups.add(Group.objects.get(name="Editors"))
        client.force_login(editor)
    # As for any address that does not exist, the Czech site's 404 page.
    assert client.get("/admin/failwhale/", follow=True).status_code == 404


def test_a_superuser_still_tries_the_500_page_there(site):
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("spravce", "spravce@lepsimesta.cz", "x" * 12))
    response = client.get("/admin/failwhale/")
    assert response.status_code == 500
    assert "Omlouváme se, na serveru došlo k chybě." in response.content.decode()


# The tree's root page in two admin views (core/patches/root_page_views.py) ---------------------


@pytest.fixture(params=["superuser", "partner"])
def someone_in_the_admin(request, client, admin_user, partner_a):
    client.force_login(admin_user if request.param == "superuser" else partner_a)
    return client


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/admin/pages/1/set_position/"),
        ("post", "/admin/pages/1/set_position/?position=0"),
        ("get", "/admin/choose-page/chosen-multiple/?id=1"),
        ("get", "/admin/choose-page/chosen-multiple/?id=abc"),
        ("get", "/admin/choose-page/chosen-multiple/?id=%C2%B2"),
    ],
)
def test_the_root_page_or_no_page_id_is_refused_never_a_server_error(
    someone_in_the_admin, method, path
):
    tree = list(Page.objects.values_list("pk", "path").order_by("path"))
    # Django's 404 outside the language prefixes first redirects to /cs/admin/…, which is not
    # found either (as for every unknown address); a partner's scope refuses an id that is no
    # number before it (403).
    response = getattr(someone_in_the_admin, method)(path, follow=True)
    assert response.status_code in (403, 404)
    assert list(Page.objects.values_list("pk", "path").order_by("path")) == tree


def test_the_chooser_still_answers_for_pages_below_the_root(admin_client, site):
    response = admin_client.get(f"/admin/choose-page/chosen-multiple/?id={site['cs'].pk}")
    assert response.status_code == 200
    [chosen] = response.json()["result"]
    assert (chosen["id"], chosen["parentId"]) == (site["cs"].pk, site["cs"].get_parent().pk)


def test_an_editor_still_moves_a_page_among_its_siblings(admin_client, site):
    about = page_by_slug("o-iniciative", "cs")
    response = admin_client.post(f"/admin/pages/{about.pk}/set_position/?position=0")
    assert response.status_code == 200
    assert site["cs"].get_children().first().pk == about.pk
