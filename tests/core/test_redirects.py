"""An old address answers 301 to the page's new one after its slug changes or it moves, in
both languages; editors manage redirects in the admin, partners do not."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage
from tests.partners.conftest import PARTNER_A, partner_login

pytestmark = pytest.mark.django_db


def edit_form(page, **changes):
    """The admin edit form of a standard page, to publish, with `changes` (a one-paragraph
    body: the test reads addresses, not text)."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "lead": page.lead,
        "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
        "action-publish": "publish",
    }
    return nested_form_data({**fields, **changes})


def test_a_slug_changed_in_the_admin_leaves_a_permanent_redirect(
    admin_client, client, site, django_capture_on_commit_callbacks
):
    page = StandardPage.objects.get(slug="o-iniciative", locale=site["cs"].locale)
    # Wagtail makes the redirect once the new slug is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, slug="o-nas"))
    assert response.status_code == 302
    assert client.get("/cs/o-nas/").status_code == 200
    response = client.get("/cs/o-iniciative/")
    assert response.status_code == 301
    assert response["Location"] == "/cs/o-nas/"


def test_an_english_slug_changed_on_publishing_leaves_a_permanent_redirect(
    client, site, django_capture_on_commit_callbacks
):
    # English pages are edited in wagtail-localize's translation editor, which keeps the
    # address; a translation published with another slug is what changes it.
    page = StandardPage.objects.get(slug="about", locale=site["en"].locale)
    page.slug = "about-us"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert client.get("/en/about-us/").status_code == 200
    response = client.get("/en/about/")
    assert response.status_code == 301
    assert response["Location"] == "/en/about-us/"


def test_a_moved_page_answers_at_its_old_address_in_both_languages(client, site):
    for lang, old, new in [
        ("cs", "/cs/o-iniciative/", "/cs/prihlaska/o-iniciative/"),
        ("en", "/en/about/", "/en/apply/about/"),
    ]:
        page = Page.objects.get(
            url_path__endswith=old.split("/")[2] + "/", locale=site[lang].locale
        )
        target = site[lang].get_children().get(url_path__endswith=new.split("/")[2] + "/")
        page.move(target, pos="last-child")
        assert client.get(new).status_code == 200, new
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_manage_redirects_in_the_admin(client, site, group):
    editor = User.objects.create_user("redaktorka", "redaktorka@lepsimesta.cz", "heslo")
    editor.groups.add(Group.objects.get(name=group))
    client.force_login(editor)
    assert client.get("/admin/redirects/").status_code == 200
    about = StandardPage.objects.get(slug="o-iniciative")
    response = client.post(
        "/admin/redirects/add/",
        {
            "old_path": "/cs/stara-adresa/",
            "site": "",
            "is_permanent": "on",
            "redirect_page": about.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    redirect = Redirect.objects.get(old_path="/cs/stara-adresa")
    assert client.get(f"/admin/redirects/{redirect.pk}/").status_code == 200
    response = client.get("/cs/stara-adresa/")
    assert response.status_code == 301
    assert response["Location"] == "/cs/o-iniciative/"


def test_a_partner_is_refused_the_redirects(client, site):
    client.force_login(partner_login(PARTNER_A, "partner1"))
    for url in ["/admin/redirects/", "/admin/redirects/add/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
