import calendar
import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from partners.application.views import PURGE_ACTION
from partners.models import ApplicationSubmission, UsedFormToken

logger = logging.getLogger(__name__)


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the 31st becomes the last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


class Command(BaseCommand):
    help = (
        "Delete application-form submissions (and their e-mails in core's outbox) older than "
        "FORM_SUBMISSION_RETENTION_MONTHS, as the privacy page promises, and the used form "
        "tokens that have expired. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be deleted."
        )

    def handle(self, *args, dry_run=False, **options):
        months = settings.FORM_SUBMISSION_RETENTION_MONTHS
        cutoff = months_before(timezone.now(), months)
        old = ApplicationSubmission.objects.filter(submit_time__lt=cutoff)
        if dry_run:
            self.stdout.write(
                f"Would delete {old.count()} submissions sent before {cutoff:%Y-%m-%d}."
            )
            return
        with transaction.atomic():
            counts = dict(old.values_list("page").annotate(count=Count("pk")).order_by())
            old.delete()
            tokens, _ = UsedFormToken.expired().delete()
            # The trace the deletion leaves, in the same transaction: in each form page's
            # history and in Reports → Site history, as when a person deletes applications.
            for page in Page.objects.filter(pk__in=counts).specific():
                log(
                    page,
                    PURGE_ACTION,
                    data={"count": counts[page.pk], "before": cutoff.date().isoformat()},
                )
        deleted = sum(counts.values())
        logger.info(
            "purge_submissions deleted=%d sent_before=%s retention_months=%d "
            "expired_form_tokens=%d",
            deleted,
            f"{cutoff:%Y-%m-%d}",
            months,
            tokens,
        )
        self.stdout.write(
            f"Deleted {deleted} submissions sent before {cutoff:%Y-%m-%d} "
            f"and {tokens} expired form tokens."
        )
