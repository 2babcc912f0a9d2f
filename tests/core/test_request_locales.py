"""core/patches/request_locales.py: a request looks each language's Locale up once, and nothing
it remembered outlives it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def locale_lookups(queries):
    return [
        query["sql"]
        for query in queries
        if 'FROM "wagtailcore_locale" WHERE "wagtailcore_locale"."language_code" =' in query["sql"]
    ]


@pytest.mark.parametrize(("path", "heading"), [("/cs/", "Lepší města"), ("/en/", "Better Cities")])
def test_a_page_looks_its_language_up_once(client, site, path, heading):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    assert heading in response.content.decode()
    assert len(locale_lookups(queries)) == 1, locale_lookups(queries)


def test_outside_a_request_every_lookup_asks_the_database(client, site, django_assert_num_queries):
    client.get("/cs/")
    with django_assert_num_queries(1):
        assert Locale.objects.get_for_language("cs").language_code == "cs"
    Locale.objects.filter(language_code="en").update(language_code="en-gb")
    with pytest.raises(Locale.DoesNotExist):
        Locale.objects.get_for_language("en")
