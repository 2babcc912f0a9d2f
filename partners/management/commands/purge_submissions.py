import calendar

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from partners.models import ApplicationSubmission, UsedFormToken


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
        deleted = old.count()
        old.delete()
        tokens, _ = UsedFormToken.expired().delete()
        self.stdout.write(
            f"Deleted {deleted} submissions sent before {cutoff:%Y-%m-%d} "
            f"and {tokens} expired form tokens."
        )
