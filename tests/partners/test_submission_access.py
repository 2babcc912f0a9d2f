"""Applications are personal data: only superusers and the "Přihlášky / Applications" group list,
export or delete them, URL by URL; a page holding them cannot be deleted by anyone else; every
export and deletion is in Wagtail's audit log."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from wagtail.models import GroupPagePermission, Page, PageLogEntry

from core.models import OutgoingEmail
from partners.models import ApplicationSubmission
from tests.factories.partners import ApplicationSubmissionFactory, SubmissionEmailFactory

pytestmark = pytest.mark.django_db

APPLICATIONS_GROUP = "Přihlášky / Applications"


def member_of(username, *groups):
    user = User.objects.create_user(username, f"{username}@lepsimesta.cz", "Heslo-pro-testy-1")
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


@pytest.fixture
def users():
    return {
        "editor": member_of("redaktor", "Editors"),
        "moderator": member_of("moderatorka", "Moderators"),
        "clerk": member_of("referentka", APPLICATIONS_GROUP),
        "superuser": User.objects.create_superuser("spravce", "spravce@lepsimesta.cz", "x" * 12),
    }


@pytest.fixture
def form_page(form_pages):
    return form_pages["cs"]


@pytest.fixture
def applications(form_pages):
    """One application in each language; the Czech page's list shows both."""
    return [
        ApplicationSubmissionFactory(page=form_pages["cs"], form_data={"name": "Řehoř Žďárský"}),
        ApplicationSubmissionFactory(
            page=form_pages["en"], language="en", form_data={"name": "John Smith"}
        ),
    ]


def submissions_urls(page, applications):
    base = f"/admin/forms/submissions/{page.pk}/"
    selected = "&".join(f"selected-submissions={a.pk}" for a in applications)
    return {
        "forms": "/admin/forms/",
        "forms results": "/admin/forms/results/",
        "list": base,
        "list results": f"{base}results/",
        "xlsx": f"{base}?export=xlsx",
        "csv": f"{base}?export=csv",
        "delete": f"{base}delete/?{selected}",
    }


def refused(response):
    """Wagtail's two ways of saying no: 403, or back to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_reach_no_submissions_url(
    client, users, form_page, applications, role
):
    client.force_login(users[role])
    for name, url in submissions_urls(form_page, applications).items():
        response = client.get(url)
        assert refused(response), (name, url)
        content = b"".join(response) if response.streaming else response.content
        assert "Žďárský" not in content.decode(), name
    response = client.post(submissions_urls(form_page, applications)["delete"])
    assert refused(response)
    assert ApplicationSubmission.objects.count() == 2
    # Nor are they pointed to them: no Forms menu item, no dashboard panel about them.
    assert "/admin/forms/" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("role", ["clerk", "superuser"])
def test_the_applications_group_and_superusers_reach_every_submissions_url(
    client, users, form_page, applications, role
):
    client.force_login(users[role])
    urls = submissions_urls(form_page, applications)
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
    forms = client.get(urls["forms"]).content.decode()
    assert f"/admin/forms/submissions/{form_page.pk}/" in forms
    listing = client.get(urls["list"]).content.decode()
    assert "Řehoř Žďárský" in listing
    assert "John Smith" in listing
    assert "/admin/forms/" in client.get("/admin/").content.decode()

    response = client.post(urls["delete"])
    assert response.status_code == 302
    assert not ApplicationSubmission.objects.exists()


def test_only_those_who_see_applications_are_warned_about_their_undelivered_mail(
    client, users, applications
):
    SubmissionEmailFactory(about=applications[0], status=OutgoingEmail.Status.FAILED)
    for role, warned in [("editor", False), ("moderator", False), ("clerk", True)]:
        client.force_login(users[role])
        dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="cs").content.decode()
        assert ("Nedoručené e-maily" in dashboard) is warned, role


def test_the_applications_group_may_not_edit_pages(client, users, form_page):
    client.force_login(users["clerk"])
    assert client.get(f"/admin/pages/{form_page.pk}/edit/").status_code in (302, 403)


# Deleting a page that holds applications --------------------------------------------------------


def delete_page(client, page):
    return client.post(f"/admin/pages/{page.pk}/delete/")


def bulk_delete(client, page):
    parent = page.get_parent()
    return client.post(
        f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}&next=/admin/pages/{parent.pk}/"
    )


@pytest.fixture
def site_manager(users, site):
    """A moderator who may also delete whole subtrees (Wagtail's "bulk delete" right)."""
    group = Group.objects.create(name="Site managers")
    GroupPagePermission.objects.create(
        group=group, page=Page.get_first_root_node(), permission_type="bulk_delete"
    )
    users["moderator"].groups.add(group)
    return User.objects.get(pk=users["moderator"].pk)


def assert_still_there(page, applications):
    assert Page.objects.filter(pk=page.pk).exists()
    assert ApplicationSubmission.objects.filter(pk__in=[a.pk for a in applications]).count() == 2


@pytest.mark.parametrize("role", ["editor", "moderator"])
@pytest.mark.parametrize("how", [delete_page, bulk_delete])
def test_only_superusers_delete_a_form_page_holding_applications(
    client, users, form_page, applications, role, how
):
    client.force_login(users[role])
    response = how(client, form_page)
    assert response.status_code in (302, 403)
    assert_still_there(form_page, applications)


def test_a_moderator_is_told_why_the_form_page_stays(client, users, form_page, applications):
    client.force_login(users["moderator"])
    # Wagtail would let a moderator delete it (they may publish it); the page's applications do not.
    assert form_page.permissions_for_user(users["moderator"]).can_delete()
    response = client.get(f"/admin/pages/{form_page.pk}/delete/", HTTP_ACCEPT_LANGUAGE="cs")
    assert response.status_code == 302
    explorer = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="cs")
    html = BeautifulSoup(explorer.content, "html.parser")
    assert "Tuto stránku nelze smazat, jsou u ní uložené přihlášky." in html.get_text(" ")
    assert_still_there(form_page, applications)


@pytest.mark.parametrize("how", [delete_page, bulk_delete])
def test_nor_can_its_ancestor_be_deleted(client, site, site_manager, form_page, applications, how):
    home = site["cs"]
    assert home.permissions_for_user(site_manager).can_delete()
    client.force_login(site_manager)
    response = how(client, home)
    assert response.status_code == 302
    assert_still_there(home, applications)
    assert_still_there(form_page, applications)


def test_the_english_page_alone_holding_applications_keeps_the_czech_one(client, users, form_pages):
    # Deleting the Czech page would delete its English translation with it.
    english_only = [
        ApplicationSubmissionFactory(page=form_pages["en"], language="en") for _ in range(2)
    ]
    client.force_login(users["moderator"])
    delete_page(client, form_pages["cs"])
    assert_still_there(form_pages["cs"], english_only)


def test_a_form_page_without_applications_can_be_deleted(client, users, form_page):
    client.force_login(users["moderator"])
    response = delete_page(client, form_page)
    assert response.status_code == 302
    assert not Page.objects.filter(pk=form_page.pk).exists()


def test_a_superuser_may_delete_a_form_page_holding_applications(
    client, users, form_page, applications
):
    client.force_login(users["superuser"])
    delete_page(client, form_page)
    assert not Page.objects.filter(pk=form_page.pk).exists()


# The audit log ---------------------------------------------------------------------------------


def export(client, page, fmt):
    response = client.get(f"/admin/forms/submissions/{page.pk}/", {"export": fmt})
    assert response.status_code == 200
    b"".join(response.streaming_content)


def test_each_export_and_deletion_is_in_the_audit_log(client, users, form_page, applications):
    client.force_login(users["clerk"])
    export(client, form_page, "xlsx")
    export(client, form_page, "csv")
    client.post(
        f"/admin/forms/submissions/{form_page.pk}/delete/"
        f"?selected-submissions={applications[0].pk}&selected-submissions={applications[1].pk}"
    )
    entries = PageLogEntry.objects.filter(page=form_page, action__startswith="partners.")
    assert [(e.action, e.user, e.data) for e in entries.order_by("timestamp", "pk")] == [
        ("partners.submissions.export", users["clerk"], {"count": 2, "format": "xlsx"}),
        ("partners.submissions.export", users["clerk"], {"count": 2, "format": "csv"}),
        ("partners.submissions.delete", users["clerk"], {"count": 2}),
    ]

    # Editors read it in the page's history, in their language.
    client.force_login(users["superuser"])
    history = client.get(f"/admin/pages/{form_page.pk}/history/", HTTP_ACCEPT_LANGUAGE="cs")
    text = BeautifulSoup(history.content, "html.parser").get_text(" ")
    assert "Exportovány 2 přihlášky do formátu XLSX" in text
    assert "Exportovány 2 přihlášky do formátu CSV" in text
    assert "Smazány 2 přihlášky" in text
    assert "referentka" in text


def test_a_refused_deletion_leaves_no_log_entry(client, users, form_page, applications):
    client.force_login(users["editor"])
    client.post(
        f"/admin/forms/submissions/{form_page.pk}/delete/?selected-submissions={applications[0].pk}"
    )
    assert not PageLogEntry.objects.filter(action__startswith="partners.").exists()


def test_superusers_see_the_groups_rights_in_settings(client, users):
    group = Group.objects.get(name=APPLICATIONS_GROUP)
    rights = group.permissions.filter(
        codename__in=["access_admin", "view_applicationsubmission", "delete_applicationsubmission"]
    )
    assert rights.count() == 3
    assert not GroupPagePermission.objects.filter(group=group).exists()
    client.force_login(users["superuser"])
    response = client.get(f"/admin/groups/edit/{group.pk}/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    # Shown, ticked, in the form: saving the group keeps them, and they can be given elsewhere.
    checked = {int(box["value"]) for box in html.select("input[name=permissions][checked]")}
    assert set(rights.values_list("pk", flat=True)) <= checked
