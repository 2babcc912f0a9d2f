"""A partner's edit goes live only when a Moderator approves it: through Wagtail's "Partner
profile review" workflow for the Czech page, and through a Moderator's publication in
wagtail-localize's translation editor for the English one (which has no workflow of its own)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Task, TaskState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.outbox import ADMIN_NOTIFICATION, OutgoingEmail, deliver
from tests.conftest import page_by_slug
from tests.partners.conftest import PARTNER_A, profile_form, submit_for_moderation

pytestmark = pytest.mark.django_db

CS_PAGE = "/cs/partneri/energie-pro-mesta/"
EN_PAGE = "/en/partners/energie-pro-mesta/"


def public_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def submitted(submitted_profile):
    return submitted_profile


def act(client, moderator, page, action, **data):
    task_state = page.current_workflow_task_state
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        data,
    )
    client.logout()
    page.refresh_from_db()
    return response


def test_a_submitted_edit_waits_in_moderation_and_the_public_pages_stay_as_they_were(
    client, submitted
):
    assert submitted.workflow_in_progress
    assert submitted.current_workflow_task.pk == Task.objects.get(name="Partner profile review").pk
    assert submitted.has_unpublished_changes
    assert submitted.latest_revision_id != submitted.live_revision_id
    assert "40 měst" in submitted.latest_revision.as_object().description
    assert "40 měst" not in submitted.description  # the live row
    assert "40 měst" not in public_text(client, CS_PAGE)
    assert "40 cities" not in public_text(client, EN_PAGE)


def test_moderators_hear_of_a_submitted_edit_through_the_outbox_not_in_the_request(
    client, moderator, partner_a, mailoutbox
):
    submit_for_moderation(client, partner_a, page_by_slug(PARTNER_A, "cs"), title="Energie, a.s.")
    notices = OutgoingEmail.objects.filter(kind=ADMIN_NOTIFICATION)
    assert [notice.recipients for notice in notices] == [["moderatorka@lepsimesta.cz"]]
    assert mailoutbox == []  # the partner's request sent nothing itself
    assert deliver() == (1, 0)
    [sent] = mailoutbox
    assert sent.to == ["moderatorka@lepsimesta.cz"]
    assert "Energie, a.s." in sent.subject + sent.body


def test_a_moderators_approval_publishes_the_edit(client, submitted, moderator):
    response = act(client, moderator, submitted, "approve", comment="")
    assert response.status_code in (200, 302)
    assert not submitted.workflow_in_progress
    assert submitted.live_revision_id == submitted.latest_revision_id
    assert "Nově: veřejné osvětlení pro 40 měst." in public_text(client, CS_PAGE)


def test_a_partner_cannot_approve_its_own_edit(client, submitted, partner_a):
    response = act(client, partner_a, submitted, "approve", comment="")
    assert response.status_code in (302, 403)
    assert submitted.workflow_in_progress
    assert "40 měst" not in public_text(client, CS_PAGE)


def test_requested_changes_come_back_to_the_partner_with_the_comment(
    client, submitted, moderator, partner_a
):
    comment = "Prosíme doplnit zdroj údaje o 40 městech."
    response = act(client, moderator, submitted, "reject", comment=comment)
    assert response.status_code in (200, 302)
    assert not submitted.workflow_in_progress
    assert TaskState.objects.get(comment=comment).status == TaskState.STATUS_REJECTED
    assert "40 měst" not in public_text(client, CS_PAGE)

    client.force_login(partner_a)
    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = dashboard.select_one("#own-profile-section").get_text(" ", strip=True)
    assert "Požadovány změny" in panel
    assert comment in panel
    # Wagtail's own workflow history of the page shows it too.
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[submitted.pk]))
    assert history.status_code == 200
    detail = client.get(
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=[submitted.pk, submitted.workflow_states.get().pk],
        )
    )
    assert comment in detail.content.decode()
    # The partner edits again and resubmits; the draft with its edit is still there.
    submitted.refresh_from_db()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[submitted.pk]),
        {
            **profile_form(
                submitted.latest_revision.as_object(),
                description="<p>Nově: veřejné osvětlení pro 40 měst (zdroj: výroční zpráva).</p>",
            ),
            "action-submit": "Submit",
        },
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.workflow_in_progress


# The English page: a synced translation, edited in wagtail-localize's translation editor ------


def description_segment(page):
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    segment = StringSegment.objects.filter(
        source=translation.source, context__path__startswith="description"
    ).first()
    return translation, segment


def test_a_partners_english_edit_waits_for_a_moderator_to_publish_it(client, partner_a, moderator):
    english = page_by_slug(PARTNER_A, "en")
    translation, segment = description_segment(english)
    live_revision = english.live_revision_id
    client.force_login(partner_a)
    # The translation editor saves each string as the partner types it.
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Now: street lighting for 40 cities.",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert StringTranslation.objects.filter(data="Now: street lighting for 40 cities.").exists()
    # It has no "submit for moderation", and the partner may not publish.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
    )
    assert response.status_code in (302, 403)
    english.refresh_from_db()
    assert english.live_revision_id == live_revision
    assert "40 cities" not in public_text(client, EN_PAGE)

    # A Moderator reads it in the same editor and publishes it: that is the approval.
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
    )
    assert response.status_code in (200, 302)
    client.logout()
    assert "Now: street lighting for 40 cities." in public_text(client, EN_PAGE)
