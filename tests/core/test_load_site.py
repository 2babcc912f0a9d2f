"""`load_site` builds the same site however often it runs."""

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation

from core.models import Publisher, SiteSettings

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("locale__language_code", "url_path")),
        "revisions": Revision.objects.count(),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "sites": Site.objects.count(),
        "translations": Translation.objects.count(),
        "settings": list(SiteSettings.objects.values()),
    }


def test_running_load_site_again_changes_nothing(site):
    before = snapshot()
    call_command("load_site", stdout=StringIO())
    assert snapshot() == before
    assert before["locales"] == ["cs", "en"]
    assert before["sites"] == 1
    # Every Czech page has exactly one English translation, made through wagtail-localize.
    cs_pages = Page.objects.filter(locale__language_code="cs", depth__gt=1)
    for page in cs_pages:
        assert page.get_translations().filter(locale__language_code="en").count() == 1
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale__language_code="en"
        ).exists(), f"{page} is not a wagtail-localize translation"


def test_site_settings_point_to_the_loaded_pages(site):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.contact_email == "info@lepsimesta.cz"
    assert settings.privacy_page.slug == "ochrana-osobnich-udaju"
    assert settings.accessibility_page.slug == "prohlaseni-o-pristupnosti"
    # The publisher in both languages, the English one a wagtail-localize translation.
    names = {code: p.name for code, p in settings.publisher_translations.items()}
    assert names == {
        "cs": "Svaz měst a obcí České republiky",
        "en": "Union of Towns and Municipalities of the Czech Republic",
    }
    assert settings.publisher.url == "https://www.smocr.cz/"
    assert Translation.objects.filter(
        source__object_id=settings.publisher.translation_key, target_locale__language_code="en"
    ).exists()


def test_an_editors_change_survives_load_site(site):
    about = Page.objects.get(slug="o-iniciative").specific
    about.title = "O nás"
    about.save_revision().publish()
    call_command("load_site", stdout=StringIO())
    assert Page.objects.get(slug="o-iniciative").title == "O nás"


def test_a_fresh_site_takes_the_contact_email_from_settings_toml(site, tmp_path, settings):
    content = tmp_path / "site"
    shutil.copytree(settings.SITE_CONTENT_DIR, content)
    toml = content / "settings.toml"
    toml.write_text(toml.read_text().replace("info@lepsimesta.cz", "tisk@lepsimesta.cz"))
    settings.SITE_CONTENT_DIR = content
    SiteSettings.objects.all().delete()

    call_command("load_site", stdout=StringIO())
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert site_settings.contact_email == "tisk@lepsimesta.cz"
    # The publisher that exists is chosen again, not loaded twice.
    assert site_settings.publisher.name == "Svaz měst a obcí České republiky"
    assert Publisher.objects.count() == 2

    # Once the site exists, the file no longer overrides what an editor set.
    site_settings.contact_email = "redakce@lepsimesta.cz"
    site_settings.save()
    call_command("load_site", stdout=StringIO())
    site_settings.refresh_from_db()
    assert site_settings.contact_email == "redakce@lepsimesta.cz"


def test_core_imports_no_app():
    """Apps register with core (site_content loaders, hooks); core never imports them."""
    core = Path(__file__).resolve().parents[2] / "core"
    offenders = [
        f"{path.relative_to(core)}:{number}"
        for path in core.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.match(r"\s*(from|import) (home|press|partners|catalogue)\b", line)
    ]
    assert offenders == []
