"""Fixtures every test module shares: the loaded site in both languages and a translate helper.

The site's own content (site/) is loaded once per test database. Tests that run in transactions
see it as loaded; tests on a live server (transactional, the database is emptied after each)
load it again (`transactional_site`, `live_site`).
"""

from importlib import import_module
from io import StringIO

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Locale, Page

from core.translation import create_synced_translation
from home.models import HomePage

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
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_site_content()


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
        if not HomePage.objects.exists():
            load_site_content()
    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture
def transactional_site(transactional_db, site):
    """The loaded site for a test whose transactions commit (the database is emptied after
    the test, and the site loaded again for the next)."""
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
