"""Submissions are kept for the retention period only (the privacy page promises 24 months)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.models import OutgoingEmail
from partners.management.commands.purge_submissions import months_before
from partners.models import ApplicationSubmission
from tests.factories.partners import SubmissionEmailFactory

pytestmark = pytest.mark.django_db


def submission_sent(page, **age):
    message = SubmissionEmailFactory(
        about__page=page,
        about__submit_time=timezone.now() - datetime.timedelta(**age),
    )
    return message.about


def test_purge_deletes_submissions_older_than_the_retention_period(form_pages):
    old = submission_sent(form_pages["cs"], days=2 * 365 + 10)
    recent = submission_sent(form_pages["en"], days=2 * 365 - 10)
    out = StringIO()
    call_command("purge_submissions", stdout=out)
    assert "Deleted 1 submissions" in out.getvalue()
    assert list(ApplicationSubmission.objects.all()) == [recent]
    assert not OutgoingEmail.objects.filter(object_id=old.pk).exists()
    assert OutgoingEmail.objects.filter(application_submission=recent).exists()


@override_settings(FORM_SUBMISSION_RETENTION_MONTHS=1)
def test_retention_period_is_a_setting_and_dry_run_deletes_nothing(form_pages):
    submission_sent(form_pages["cs"], days=40)
    out = StringIO()
    call_command("purge_submissions", "--dry-run", stdout=out)
    assert "Would delete 1 submissions" in out.getvalue()
    assert ApplicationSubmission.objects.count() == 1
    call_command("purge_submissions", stdout=StringIO())
    assert ApplicationSubmission.objects.count() == 0


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        ((2026, 11, 28), 24, (2024, 11, 28)),
        ((2026, 3, 31), 1, (2026, 2, 28)),
        ((2026, 1, 15), 1, (2025, 12, 15)),
        ((2024, 2, 29), 12, (2023, 2, 28)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    result = months_before(datetime.datetime(*moment, 12, 0), months)
    assert (result.year, result.month, result.day) == expected
