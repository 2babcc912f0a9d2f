"""Editors draft, preview, schedule and publish releases through the admin and its workflow."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from press.models import Boilerplate, PressContact, PressReleasePage
from tests.factories.press import PressReleasePageFactory

pytestmark = pytest.mark.django_db


def release_form(**overrides):
    contact = PressContact.objects.get(name="Kristýna Bučková", locale__language_code="cs")
    about = Boilerplate.objects.get(title="O projektu Lepší města")
    data = {
        "title": "Pracovní skupiny zahájily činnost",
        "slug": "pracovni-skupiny-zahajily-cinnost",
        "release_date": "2016-09-15",
        "dateline_place": "Pardubice",
        "lead": "Čtyři pracovní skupiny se poprvé sešly.",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Skupiny se zaměří na dopravu a energetiku.</p>")),
                (
                    "quote",
                    {"text": "Začínáme.", "speaker": "Martin Charvát", "role": "primátor"},
                ),
            ]
        ),
        "attachments": inline_formset([]),
        "boilerplate_items": inline_formset([{"boilerplate": about.pk}]),
        "contact_items": inline_formset([{"contact": contact.pk}]),
        "related_items": inline_formset([]),
        **overrides,
    }
    return nested_form_data(data)


def test_editor_creates_and_publishes_a_release_in_the_admin(admin_client, press_index):
    index = press_index["cs"]
    response = admin_client.post(
        f"/admin/pages/add/press/pressreleasepage/{index.pk}/",
        release_form(**{"action-publish": "publish"}),
        follow=True,
    )
    assert response.status_code == 200
    release = PressReleasePage.objects.get(slug="pracovni-skupiny-zahajily-cinnost")
    assert release.live
    assert release.release_date == datetime.date(2016, 9, 15)
    public = admin_client.get(release.url).content.decode()
    assert "Pardubice, <time" in public
    assert "15. září 2016" in public
    assert "Skupiny se zaměří na dopravu a energetiku." in public
    assert "mailto:kristyna.buckova@praha.eu" in public
    assert "O projektu Lepší města" in public


def test_a_draft_can_be_previewed_but_is_not_public(admin_client, client, press_index):
    index = press_index["cs"]
    admin_client.post(f"/admin/pages/add/press/pressreleasepage/{index.pk}/", release_form())
    release = PressReleasePage.objects.get(slug="pracovni-skupiny-zahajily-cinnost")
    assert not release.live
    preview_url = f"/admin/pages/{release.pk}/edit/preview/"
    assert admin_client.post(preview_url, release_form()).json()["is_valid"]
    preview = admin_client.get(preview_url).content.decode()
    assert "Čtyři pracovní skupiny se poprvé sešly." in preview
    admin_client.logout()
    assert client.get("/cs/tiskove-zpravy/pracovni-skupiny-zahajily-cinnost/").status_code == 404


def test_submitting_for_moderation_starts_the_approval_workflow(admin_client, press_index):
    index = press_index["cs"]
    approval = Workflow.objects.get(name="Moderators approval")
    assert index.get_workflow() == approval
    assert press_index["en"].get_workflow() == approval
    admin_client.post(
        f"/admin/pages/add/press/pressreleasepage/{index.pk}/",
        release_form(**{"action-submit": "submit"}),
    )
    release = Page.objects.get(slug="pracovni-skupiny-zahajily-cinnost")
    assert not release.live
    state = release.current_workflow_state
    assert state.workflow == approval
    assert state.current_task_state.task_id == approval.tasks.get().pk


def test_a_scheduled_release_goes_live_when_publish_scheduled_runs(client, press_index):
    release = PressReleasePageFactory(
        parent=press_index["cs"], title="Naplánovaná zpráva", live=False
    )
    # What the editor's "Set schedule" dialog and "Publish" do.
    release.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = release.save_revision()
    revision.publish()
    release.refresh_from_db()
    assert not release.live
    assert revision.approved_go_live_at == release.go_live_at
    assert client.get(release.url).status_code == 404

    # The go-live time has come: move it into the past rather than wait for it.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    release.refresh_from_db()
    assert release.live
    assert client.get(release.url).status_code == 200


def test_a_new_release_can_be_previewed_before_it_is_saved(admin_client, press_index):
    url = f"/admin/pages/add/press/pressreleasepage/{press_index['cs'].pk}/preview/"
    assert admin_client.post(url, release_form()).json()["is_valid"]
    preview = admin_client.get(url).content.decode()
    assert "Čtyři pracovní skupiny se poprvé sešly." in preview
    assert "Všechny tiskové zprávy" in preview
    assert not PressReleasePage.objects.filter(slug="pracovni-skupiny-zahajily-cinnost").exists()
