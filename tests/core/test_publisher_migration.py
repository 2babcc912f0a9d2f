"""Migration core.0008 moves the organisation's names from the site settings' two columns to the
Publisher snippet (a translation per language) and back. Migrating a schema back and forth
cannot happen inside a test's transaction, so it runs in a process of its own on a new SQLite
database (about 15 seconds, most of it `migrate`)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess

ROOT = Path(__file__).resolve().parents[2]

MIGRATE_BACK_AND_FORTH = """
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

BEFORE = ("core", "0007_outgoingemail_message_id")


def settings_before():
    apps = MigrationLoader(connection).project_state(BEFORE).apps
    return apps.get_model("core", "SiteSettings"), apps.get_model("wagtailcore", "Site")


call_command("migrate", verbosity=0)
call_command("migrate", *BEFORE, verbosity=0)
OldSettings, Site = settings_before()
default = Site.objects.get(is_default_site=True)
sites = [default] + [
    Site.objects.create(hostname=name, port=80, root_page_id=default.root_page_id)
    for name in ("druhy.example", "treti.example")
]
OldSettings.objects.create(site=sites[0], organisation_name="Svaz měst a obcí ČR",
                           organisation_name_en="Union of Towns", organisation_url="https://smocr.cz/")
OldSettings.objects.create(site=sites[1], organisation_name="Svaz měst a obcí ČR",
                           organisation_name_en="Union of Towns", organisation_url="https://smocr.cz/")
OldSettings.objects.create(site=sites[2], organisation_name="Jen česky",
                           organisation_name_en="", organisation_url="https://cesky.example/")
from wagtail.models import Locale
Locale.objects.get_or_create(language_code="en")

call_command("migrate", "core", verbosity=0)
from core.models import Publisher, SiteSettings
names = [
    {code: (p.name, p.url) for code, p in s.publisher_translations.items()}
    for s in SiteSettings.objects.order_by("site_id")
]
assert names == [
    {"cs": ("Svaz měst a obcí ČR", "https://smocr.cz/"), "en": ("Union of Towns", "https://smocr.cz/")},
    {"cs": ("Svaz měst a obcí ČR", "https://smocr.cz/"), "en": ("Union of Towns", "https://smocr.cz/")},
    {"cs": ("Jen česky", "https://cesky.example/")},
], names
# Sites with the same names share their publisher.
assert Publisher.objects.filter(locale__language_code="cs").count() == 2

call_command("migrate", *BEFORE, verbosity=0)
OldSettings, _Site = settings_before()
columns = list(OldSettings.objects.order_by("site_id").values_list(
    "organisation_name", "organisation_name_en", "organisation_url"))
assert columns == [
    ("Svaz měst a obcí ČR", "Union of Towns", "https://smocr.cz/"),
    ("Svaz měst a obcí ČR", "Union of Towns", "https://smocr.cz/"),
    ("Jen česky", "", "https://cesky.example/"),
], columns
"""


def test_the_names_move_to_the_publisher_and_back(tmp_path):
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'migrations.sqlite3'}",
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = subprocess.run(
        [sys.executable, "-c", MIGRATE_BACK_AND_FORTH],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
