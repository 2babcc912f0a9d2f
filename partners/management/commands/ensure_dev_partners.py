"""Development logins for two partners and a start-up, each on a sample profile (refuses to run
unless DEBUG is on, like ensure_dev_admin)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from core.management.commands.ensure_dev_admin import DEV_PASSWORD
from partners.accounts.access import add_partner_user, give_access

# username: the slug of the sample profile (site/partners/) it edits.
DEV_PARTNERS = {
    "partner1": "energie-pro-mesta",
    "partner2": "dopravni-data",
    "startup1": "parksense",
}


class Command(BaseCommand):
    help = "Create the development partner logins partner1, partner2 and startup1."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_partners is for local development only (DEBUG is off).")
        for username, slug in DEV_PARTNERS.items():
            page = Page.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE)
            page = page.first()
            if page is None:
                self.stderr.write(
                    f"{username}: no sample profile {slug!r} (LOAD_DEMO_CONTENT off?)"
                )
                continue
            group, _collection = give_access(page)
            add_partner_user(
                group, f"{username}@example.cz", username=username, password=DEV_PASSWORD
            )
            self.stdout.write(
                f"Partner: login: {username}  password: {DEV_PASSWORD}  edits: {page.title}"
            )
