"""Fixtures every test module shares: the loaded site in both languages and a translate helper.

The site's own content (site/) is loaded once per test database. Ordinary tests run inside a
transaction that is rolled back. A test that needs its writes committed — it talks to the one
live server of the session (`live_site`), or to another thread or process (`committed_site`) —
writes for real, and the database then gets back the loaded site from a snapshot
(tests/snapshot.py): nothing is emptied, nothing loaded twice.
"""

from importlib import import_module
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import setup_databases, teardown_databases
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Locale, Page

from core.translation import create_synced_translation
from home.models import HomePage
from tests.snapshot import take_snapshot

# Fixtures shared by several test packages (the browser tests included).
pytest_plugins = [
    "tests.catalogue.fixtures",
    "tests.catalogue.guide_fixtures",
    "tests.catalogue.known_catalogue",
    "tests.mail",
]


def load_site_content():
    call_command("load_site", verbosity=0, stdout=StringIO())


@pytest.fixture(scope="session", autouse=True)
def _mail_through_the_outbox(django_test_environment):
    """Django's test set-up replaces EMAIL_BACKEND with local memory; tests send mail through the
    backend the settings module names (the outbox), as the site does. What the mail worker
    delivers (MAIL_DELIVERY_BACKEND) still lands in local memory, pytest-django's `mailoutbox`."""
    settings.EMAIL_BACKEND = import_module(settings.SETTINGS_MODULE).EMAIL_BACKEND


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_modify_db_settings, django_db_blocker):
    """The test database (one per xdist worker), migrated and loaded with the site once.

    pytest-django's own fixture sets up only the databases that tests marked `django_db` name;
    a committing test has no such mark (it must not run inside a test transaction), so the
    default database is always set up here."""
    with django_db_blocker.unblock():
        databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        load_site_content()
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=0)


@pytest.fixture(scope="session")
def loaded_site_snapshot(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return take_snapshot()


# What makes a test one whose writes commit: the fixtures below, or the mark.
COMMITTING_FIXTURES = {"live_site", "committed_site"}


def commits(request):
    return bool(
        COMMITTING_FIXTURES.intersection(request.fixturenames)
        or request.node.get_closest_marker("committed_db")
    )


@pytest.fixture(autouse=True)
def _committed_database(request):
    """Set up before any other fixture of a committing test, so that the data fixtures it uses
    (a translated page, a catalogue) commit too."""
    if commits(request):
        request.getfixturevalue("committed_db")


@pytest.fixture
def committed_db(request, loaded_site_snapshot, django_db_blocker):
    """The database without a test transaction: what the test writes is committed and seen by
    other threads and processes. Afterwards the loaded site is restored from the snapshot."""
    if connection.in_atomic_block or {"db", "transactional_db"} & set(request.fixturenames):
        # The test's transaction would hide its writes from the other thread or process.
        raise pytest.UsageError(
            f"{request.node.nodeid} commits, but runs inside a test transaction: "
            "remove its django_db mark (or what requests the db fixture)"
        )
    with django_db_blocker.unblock():
        yield
        loaded_site_snapshot.restore()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, Wagtail's site-root cache and its renditions (a cache of their own without
    Redis) must not leak from one test to the next: a rolled-back rendition stays cached."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def database(request):
    """Database access for a data fixture: the test's transaction (`db`), or nothing more in a
    test that commits (its access is already open)."""
    if not commits(request):
        request.getfixturevalue("db")


@pytest.fixture
def site(database):
    """The loaded site: {"cs": Czech home, "en": English home}."""
    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture
def committed_site(site):
    """The loaded site, for a test whose writes commit (another thread or process reads them)."""
    return site


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """One live server for the whole session, on the test database (requests are answered only
    while a committing test runs: between tests the database is closed to everyone)."""
    server = LiveServer("localhost")
    yield server
    server.stop()
    if connection.vendor == "postgresql":
        # Request threads still waiting on a browser's kept-alive socket hold a connection of
        # their own; the test database cannot be dropped while they do.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        connection.close()


@pytest.fixture
def live_site(site_server, site):
    """The live server's base URL; the site's content is in its database."""
    return site_server.url


@pytest.fixture
def django_user_model(database):
    """pytest-django's, without its `db` fixture, so that a committing test may use it."""
    return get_user_model()


@pytest.fixture
def locales(database):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def translate(locales, django_capture_on_commit_callbacks):
    """translate(page, **english_fields) -> the English page, made through wagtail-localize."""

    def _translate(instance, locale="en", publish=True, **fields):
        # wagtail-localize publishes on commit, which a test's transaction never reaches.
        with django_capture_on_commit_callbacks(execute=True):
            target = create_synced_translation(instance, locales[locale], fields, publish=publish)
        target.refresh_from_db()
        return target

    return _translate


def page_by_slug(slug, locale):
    return Page.objects.get(slug=slug, locale__language_code=locale).specific


@pytest.fixture
def areas(site, locales):
    """The four working-group areas as loaded: {code: (Czech area, English area)}."""
    from catalogue.models import Area

    return {
        area.slug: (area, area.get_translation(locales["en"]))
        for area in Area.objects.filter(locale=locales["cs"])
    }
