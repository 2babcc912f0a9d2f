"""The form's e-mails already in partners' outbox survive its move to core, and the move back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from core.models import OutgoingEmail
from partners.application.mail import CONFIRMATION, NOTIFICATION
from partners.models import ApplicationFormPage, ApplicationSubmission

BEFORE = [("partners", "0006_moderators_verify_profiles")]
AFTER = [("partners", "0008_delete_outgoingemail")]
CREATED = timezone.now() - datetime.timedelta(days=3)


def migrate(targets):
    """Migrate the test database to `targets`; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    """Every app's latest migration, as the rest of the suite expects (going back to BEFORE
    unapplies the partners' later migrations too, which AFTER does not reapply)."""
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.fixture
def old_outbox(committed_site):
    """The database before the move, with one sent and one failed message of a submission;
    migrated to the latest state again afterwards, whatever the test did (the harness then
    puts back the loaded site's rows)."""
    page_id = ApplicationFormPage.objects.values_list("pk", flat=True).first()
    apps = migrate(BEFORE)
    submission = apps.get_model("partners", "ApplicationSubmission").objects.create(
        page_id=page_id, form_data={"name": "Jana"}, language="en"
    )
    Old = apps.get_model("partners", "OutgoingEmail")
    common = {"submission_id": submission.pk, "body": "Text", "next_attempt_at": CREATED}
    Old.objects.create(
        kind="notification",
        to="info@lepsimesta.cz\nprihlasky@lepsimesta.cz",
        reply_to="jana@example.cz",
        subject="Lepší města – Obecný dotaz: Jana",
        status="sent",
        attempts=1,
        sent_at=CREATED,
        **common,
    )
    Old.objects.create(
        kind="confirmation",
        to="jana@example.cz",
        subject="Lepší města: we have received your submission",
        status="failed",
        attempts=20,
        last_error="SMTPDataError: (550, b'Rejected')",
        **common,
    )
    Old.objects.update(created_at=CREATED)  # auto_now_add: the rows are three days old
    yield apps, submission.pk
    migrate_to_latest()


def test_messages_move_to_core_with_their_data_and_back(old_outbox):
    apps, submission_id = old_outbox
    migrate(AFTER)
    submission = ApplicationSubmission.objects.get(pk=submission_id)
    moved = list(OutgoingEmail.objects.order_by("pk"))
    assert [(m.kind, m.status, m.attempts) for m in moved] == [
        (NOTIFICATION, "sent", 1),
        (CONFIRMATION, "failed", 20),
    ]
    notification, confirmation = moved
    assert notification.about == submission == confirmation.about
    assert notification.recipients == ["info@lepsimesta.cz", "prihlasky@lepsimesta.cz"]
    assert notification.reply_to == "jana@example.cz"
    assert notification.sent_at == CREATED
    assert confirmation.last_error == "SMTPDataError: (550, b'Rejected')"
    assert all(m.created_at == CREATED and m.next_attempt_at == CREATED for m in moved)
    assert submission.delivery_state() == "Oznámení: Odesláno; Potvrzení: Nedoručeno"
    assert "partners_outgoingemail" not in connection.introspection.table_names()

    apps = migrate(BEFORE)
    back = apps.get_model("partners", "OutgoingEmail").objects.order_by("pk")
    assert [(m.kind, m.status, m.submission_id, m.created_at) for m in back] == [
        ("notification", "sent", submission_id, CREATED),
        ("confirmation", "failed", submission_id, CREATED),
    ]
    assert not OutgoingEmail.objects.exists()
