from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from press.importer import PressReleaseFormatError, create_press_release, parse_press_release
from press.models import PressIndexPage


class Command(BaseCommand):
    help = (
        "Import a press release from the plain-text layout (TISKOVÁ ZPRÁVA, title, "
        "“Place, date - lead”, …) as a draft under the press index of the given language."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The release as UTF-8 text.")
        parser.add_argument(
            "--locale",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language the release is written in (default: %(default)s).",
        )

    def handle(self, *args, file, locale, **options):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        try:
            release = parse_press_release(text)
        except PressReleaseFormatError as exc:
            raise CommandError(f"{file}, {exc}") from exc
        index = PressIndexPage.objects.filter(locale__language_code=locale).first()
        if index is None:
            raise CommandError(f"There is no press index page in the language “{locale}”.")
        if index.get_children().filter(slug=release.slug).exists():
            raise CommandError(f"{file}: a release with the slug “{release.slug}” exists already.")
        page = create_press_release(release, index)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported “{page.title}” as a draft: edit it at /admin/pages/{page.pk}/edit/"
            )
        )
