"""Fixtures every test module shares: the loaded site in both languages and a translate helper.

The site's own content (site/) is loaded once per test database. Tests that run in transactions
see it as loaded; tests on a live server (transactional, the database is emptied after each)
get it back from a snapshot taken after loading (`live_site`).
"""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page

from core.translation import create_synced_translation
from home.models import HomePage

# Fixtures shared by several test packages (the browser tests included).
pytest_plugins = ["tests.catalogue.fixtures", "tests.catalogue.guide_fixtures"]


def load_site_content():
    call_command("load_site", verbosity=0, stdout=StringIO())


# The database right after load_site. Tests whose transactions commit empty the database after
# each test; the next gets the loaded site back from this (serialized rollback), far faster
# than loading it again.
SNAPSHOT = {}


def restore_snapshot():
    connection.creation.deserialize_db_from_string(SNAPSHOT["default"])
    # Django restores from the connection's copy; a test that replaced the connection lost it.
    connection._test_serialized_contents = SNAPSHOT["default"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_site_content()
        SNAPSHOT["default"] = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = SNAPSHOT["default"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and Wagtail's site-root cache must not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(django_db_blocker):
    """The loaded site: {"cs": Czech home, "en": English home}."""
    with django_db_blocker.unblock():
        if not HomePage.objects.exists() and SNAPSHOT:
            restore_snapshot()
        elif not HomePage.objects.exists():
            load_site_content()
    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture
def transactional_site(django_db_serialized_rollback, transactional_db, site):
    """The loaded site for a test whose transactions commit. The database is emptied after the
    test without Django's own rows (content types, permissions): every such test restores the
    snapshot, so none may ask for `transactional_db` alone."""
    return site


@pytest.fixture
def live_site(live_server, transactional_site):
    """The live server's base URL, with the site's content loaded in its database."""
    return live_server.url


@pytest.fixture
def locales(db):
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
