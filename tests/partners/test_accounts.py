"""What an organisation's account gets: its group, its profile in both languages to edit (not
publish), its own collection, and the review workflow between its edits and the public."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupPagePermission, Page, Workflow

from partners.accounts.access import REVIEW_WORKFLOW, add_partner_user, give_access, own_profiles
from partners.accounts.scope import is_partner
from tests.conftest import page_by_slug

pytestmark = pytest.mark.django_db


def test_access_covers_the_profile_in_both_languages_and_nothing_else(site):
    english = page_by_slug("energie-pro-mesta", "en")
    group, collection = give_access(english)  # from either language
    pages = GroupPagePermission.objects.filter(group=group)
    assert {(p.page.slug, p.page.locale.language_code) for p in pages} == {
        ("energie-pro-mesta", "cs"),
        ("energie-pro-mesta", "en"),
    }
    assert {p.permission.codename for p in pages} == {"change_page"}
    assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]
    assert collection.get_parent() == Collection.get_first_root_node()
    assert set(group.collection_permissions.values_list("collection", "permission__codename")) == {
        (collection.pk, codename)
        for codename in (
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        )
    }


def test_giving_access_twice_changes_nothing(site):
    page = page_by_slug("parksense", "cs")
    first = give_access(page)
    counts = (
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
    )
    assert give_access(page) == first
    assert counts == (
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
    )


def test_a_partner_user_sees_only_its_own_profiles(site):
    group, _collection = give_access(page_by_slug("dopravni-data", "cs"))
    user = add_partner_user(group, "Petra@Dopravni-Data.example.cz", first_name="Petra")
    assert user.username == "petra@dopravni-data.example.cz"
    assert not user.has_usable_password()  # set through the invitation link
    assert is_partner(user)
    assert [(p.slug, p.locale.language_code) for p in own_profiles(user)] == [
        ("dopravni-data", "cs"),
        ("dopravni-data", "en"),
    ]
    # The same address again is the same person.
    assert add_partner_user(group, "petra@dopravni-data.example.cz") == user


def test_profiles_are_reviewed_by_smo_before_they_go_live(site):
    for lang in ("cs", "en"):
        workflow = page_by_slug("parksense", lang).get_workflow()
        assert workflow == Workflow.objects.get(name=REVIEW_WORKFLOW)
        [task] = workflow.tasks.all()
        assert [g.name for g in task.specific.groups.all()] == ["Moderators"]


def test_dev_partner_logins_are_refused_outside_development(site, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("ensure_dev_partners")


def test_dev_partner_logins_each_edit_their_sample_profile(site, settings, capsys):
    settings.DEBUG = True
    call_command("ensure_dev_partners")
    output = capsys.readouterr().out
    assert "login: partner1  password: lepsimesta-dev  edits: Energie pro města, a.s." in output
    for username, slug in [
        ("partner1", "energie-pro-mesta"),
        ("partner2", "dopravni-data"),
        ("startup1", "parksense"),
    ]:
        user = Group.objects.get(user__username=username).user_set.get()
        assert {p.slug for p in own_profiles(user)} == {slug}
        assert user.check_password("lepsimesta-dev")
    assert Page.objects.get(slug="parksense", locale__language_code="cs").live
