from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import autodiscover_modules

from core.site_content import (
    PageLoader,
    SiteContentError,
    content_loaders,
    load_site_settings,
)


class Command(BaseCommand):
    help = "Create the site's pages and settings in both languages from the files in site/."

    def handle(self, *args, **options):
        # Each app's site_content module registers what it adds (core knows no app).
        autodiscover_modules("site_content")
        try:
            loader = PageLoader(stdout=self.stdout)
            loader.load_all()
            load_site_settings(loader.pages_by_key)
            for load in content_loaders():
                load(loader.pages_by_key, stdout=self.stdout)
        except SiteContentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Site content is loaded."))
