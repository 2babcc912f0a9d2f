"""Phone numbers: a tel: link that works from abroad everywhere, and on English pages the number
itself in international form; Czech pages show it as the editor typed it."""

import pytest
from django.apps import apps

from core.phone_numbers import displayed, tel_uri
from tests.html import get_html
from tests.page_types import SITE_PAGE_TYPES, example_pages

NATIONAL = "725 997 546"
INTERNATIONAL = "+420 725 997 546"


@pytest.mark.parametrize(
    ("typed", "english", "uri"),
    [
        ("725 997 546", "+420 725 997 546", "tel:+420725997546"),
        ("725997546", "+420 725 997 546", "tel:+420725997546"),
        ("+420 725 997 546", "+420 725 997 546", "tel:+420725997546"),
        ("+420725997546", "+420 725 997 546", "tel:+420725997546"),
        ("00420 725 997 546", "+420 725 997 546", "tel:+420725997546"),
        # Foreign numbers and what is not a Czech number are left as typed.
        ("+43 1 4000 0000", "+43 1 4000 0000", "tel:+43140000000"),
        ("+421 2 0000 0000", "+421 2 0000 0000", "tel:+421200000000"),
        ("725 997", "725 997", "tel:725997"),
        ("725 997 546 12", "725 997 546 12", "tel:72599754612"),
    ],
)
def test_czech_numbers_get_the_country_code_in_english_and_in_the_link(typed, english, uri):
    assert displayed(typed, "en") == english
    assert displayed(typed, "cs") == typed
    assert tel_uri(typed) == uri


def phone_fields():
    """(model, field name) of every phone number the site stores."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.local_concrete_fields
        if field.name.endswith("phone")
    ]


@pytest.mark.django_db
def test_every_page_type_showing_a_phone_shows_it_internationally_in_english(client, site):
    # Every stored number typed the Czech way, as editors do.
    for model, field in phone_fields():
        model.objects.update(**{field: NATIONAL})
    shown_on = set()
    for model in SITE_PAGE_TYPES:
        pages = example_pages(model, site["en"].locale)
        for lang, expected in [("en", INTERNATIONAL), ("cs", NATIONAL)]:
            links = get_html(client, pages[lang].url).select('a[href^="tel:"]')
            assert [(a["href"], a.get_text(strip=True)) for a in links] == [
                ("tel:+420725997546", expected)
            ] * len(links), (model.__name__, lang)
            if links:
                shown_on.add(model.__name__)
    # The footer gives the Union's phone on every page; partners, start-ups, releases and
    # projects give their own contacts' too.
    assert shown_on == {model.__name__ for model in SITE_PAGE_TYPES}
