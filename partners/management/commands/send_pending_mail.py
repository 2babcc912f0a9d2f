from django.core.management.base import BaseCommand

from partners import outbox
from partners.models import OutgoingEmail


class Command(BaseCommand):
    help = (
        "Send the application form's e-mails that are waiting in the outbox and due for another "
        "attempt (exponential backoff). Run it from cron every minute or few."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Also give the messages that ran out of attempts another try, now.",
        )

    def handle(self, *args, retry_failed=False, **options):
        if retry_failed:
            OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).update(
                status=OutgoingEmail.Status.PENDING, attempts=0
            )
        sent, failed = outbox.deliver()
        waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).count()
        self.stdout.write(f"Sent {sent}, failed {failed}, still waiting {waiting}.")
