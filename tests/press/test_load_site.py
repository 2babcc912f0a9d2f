"""load_site publishes the founding release in both languages, once."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowPage

from press.models import Boilerplate, PressContact, PressReleasePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "releases": sorted(
            PressReleasePage.objects.values_list("locale__language_code", "slug", "live")
        ),
        "boilerplates": sorted(Boilerplate.objects.values_list("locale__language_code", "title")),
        "contacts": sorted(PressContact.objects.values_list("locale__language_code", "name")),
        "workflow_pages": WorkflowPage.objects.count(),
    }


def test_the_founding_release_is_published_in_both_languages_once(site):
    before = snapshot()
    assert before["releases"] == [
        ("cs", "lepsi-mesta-hledaji-partnery-oteviraji-prihlasky-do-pracovnich-skupin", True),
        ("en", "better-cities-seeks-partners", True),
    ]
    assert before["boilerplates"] == [
        ("cs", "O Svazu měst a obcí České republiky"),
        ("cs", "O projektu Lepší města"),
        ("en", "About the Lepší města project"),
        ("en", "About the Union of Towns and Municipalities of the Czech Republic"),
    ]
    assert [name for _lang, name in before["contacts"]] == [
        "Kristýna Bučková",
        "Štěpánka Filipová",
        "Kristýna Bučková",
        "Štěpánka Filipová",
    ]
    english = PressReleasePage.objects.get(locale__language_code="en")
    czech = PressReleasePage.objects.get(locale__language_code="cs")
    assert english.translation_key == czech.translation_key
    assert english.release_date == czech.release_date

    call_command("load_site", stdout=StringIO())
    assert snapshot() == before
