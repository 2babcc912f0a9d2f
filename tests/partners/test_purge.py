"""Submissions are kept for the retention period only (the privacy page promises 24 months)."""

import datetime
import logging
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from core.models import OutgoingEmail
from partners.management.commands.purge_submissions import months_before
from partners.models import ApplicationSubmission, UsedFormToken
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


# The trace a purge leaves ----------------------------------------------------------------------

PURGE_LOGGER = "partners.management.commands.purge_submissions"


def purge_lines(caplog):
    return [(r.levelname, r.getMessage()) for r in caplog.records if r.name == PURGE_LOGGER]


def site_history_text(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    if response.status_code != 200:
        return ""
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_a_purge_leaves_one_log_line_and_an_audit_entry_per_form_page(form_pages, caplog):
    for page, age in [("cs", 800), ("cs", 900), ("en", 1000), ("en", 10)]:
        submission_sent(form_pages[page], days=age)
    UsedFormToken.objects.create(
        nonce="stary", used_at=timezone.now() - datetime.timedelta(days=30)
    )
    sent_before = months_before(timezone.now(), 24).date()
    caplog.set_level(logging.INFO, logger=PURGE_LOGGER)
    call_command("purge_submissions", stdout=StringIO())

    assert purge_lines(caplog) == [
        (
            "INFO",
            f"purge_submissions deleted=3 sent_before={sent_before:%Y-%m-%d} "
            "retention_months=24 expired_form_tokens=1",
        )
    ]
    entries = PageLogEntry.objects.filter(action="partners.submissions.purge")
    assert sorted((e.page_id, e.user, e.data) for e in entries) == sorted(
        [
            (form_pages["cs"].pk, None, {"count": 2, "before": sent_before.isoformat()}),
            (form_pages["en"].pk, None, {"count": 1, "before": sent_before.isoformat()}),
        ]
    )


def test_site_history_shows_the_purge_in_each_readers_language(client, form_pages, partner_a):
    for age in (800, 900):
        submission_sent(form_pages["cs"], days=age)
    call_command("purge_submissions", stdout=StringIO())
    sent_before = months_before(timezone.now(), 24).date()
    superuser = User.objects.create_superuser("spravce", "spravce@lepsimesta.cz", "x" * 12)
    with translation.override("cs"):
        czech_date = date_format(sent_before)
    assert (
        f"Smazány 2 přihlášky odeslané před {czech_date}, uplynula doba uchování"
        in site_history_text(client, superuser, "cs")
    )
    with translation.override("en"):
        english_date = date_format(sent_before)
    assert (
        f"Deleted 2 applications sent before {english_date}, past the retention period"
        in site_history_text(client, superuser, "en")
    )
    # A partner, who has no business with the application form, is not shown it.
    assert "retention period" not in site_history_text(client, partner_a, "en")


def test_a_purge_that_deletes_nothing_logs_a_line_and_no_audit_entry(form_pages, caplog):
    submission_sent(form_pages["cs"], days=10)
    caplog.set_level(logging.INFO, logger=PURGE_LOGGER)
    call_command("purge_submissions", stdout=StringIO())
    [(level, message)] = purge_lines(caplog)
    assert (level, message.split()[1]) == ("INFO", "deleted=0")
    assert not PageLogEntry.objects.filter(action="partners.submissions.purge").exists()
    assert ApplicationSubmission.objects.count() == 1


def test_a_dry_run_leaves_no_trace(form_pages, caplog):
    submission_sent(form_pages["cs"], days=800)
    caplog.set_level(logging.INFO, logger=PURGE_LOGGER)
    call_command("purge_submissions", "--dry-run", stdout=StringIO())
    assert purge_lines(caplog) == []
    assert not PageLogEntry.objects.filter(action="partners.submissions.purge").exists()
