from django.core.management.base import BaseCommand, CommandError

from core.site_content import PageLoader, SiteContentError, load_site_settings
from press.site_content import load_press


class Command(BaseCommand):
    help = "Create the site's pages and settings in both languages from the files in site/."

    def handle(self, *args, **options):
        try:
            loader = PageLoader(stdout=self.stdout)
            loader.load_all()
            load_site_settings(loader.pages_by_key)
            load_press(loader.pages_by_key, stdout=self.stdout)
        except SiteContentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Site content is loaded."))
