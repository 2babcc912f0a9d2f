"""E-mail the partners of each profile SMO last approved more than a year ago, asking them to
check it and submit it for review; at most once per profile every 30 days (run it daily)."""

from django.core.management.base import BaseCommand

from partners.accounts.reminders import due_reminders, remind, user_language


class Command(BaseCommand):
    help = (
        "Remind the partners of profiles last checked more than a year ago to check them "
        "(at most once per profile every 30 days)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="print who would be reminded, send nothing"
        )

    def handle(self, *args, dry_run, **options):
        profiles = people = 0
        for source, pages, users in due_reminders():
            if not users:
                self.stdout.write(
                    f"{source.title} (page {source.pk}): no partner account to remind"
                )
                continue
            verb = "Would remind" if dry_run else "Reminded"
            for user in users:
                self.stdout.write(f"{verb} {user.email} ({user_language(user)}): {source.title}")
            if not dry_run:
                remind(source, pages, users)
            profiles += 1
            people += len(users)
        summary = "would be reminded" if dry_run else "reminded"
        self.stdout.write(f"Profiles {summary}: {profiles}, people: {people}.")
