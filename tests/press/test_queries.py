"""Listings and release pages cost the same number of queries however much there is to show."""

import datetime

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories.press import (
    PressReleaseAttachmentFactory,
    PressReleaseBoilerplateFactory,
    PressReleaseContactFactory,
    PressReleasePageFactory,
)
from tests.html import get_html
from tests.press.conftest import CS_INDEX

pytestmark = pytest.mark.django_db

# 1 query lists the releases: one page of them (view restrictions are a subquery, not a query
# per release). The years that have releases and how many each has are one grouped query, kept
# in the cache until a page changes: the first request after a change makes it.
# 11 are what every page of the site costs whatever it shows: the active locale, looked up once
# per request (core/patches/request_locales.py), and the site's root in it (2), routing to the
# page and loading it (3), its ancestors' view restrictions (2), the main menu's items (1), the
# page's translations for the language switcher and the hreflang links (1, shared), its
# breadcrumbs for search engines (1) and the footer's site settings with its two pages (1).
INDEX_QUERIES = 1 + 11


@pytest.mark.parametrize("releases", [5, 200])
@pytest.mark.parametrize("address", ["", "2018/", "?page=2"])
def test_the_press_index_and_archive_cost_the_same_for_5_and_200_releases(
    client, press_index, django_assert_num_queries, releases, address
):
    # Releases in two years, 2017 and 2018.
    PressReleasePageFactory.create_batch(
        releases,
        parent=press_index["cs"],
        release_date=factory.Sequence(
            lambda n: datetime.date(2017 + n % 2, 1, 1) + datetime.timedelta(days=n // 2 % 300)
        ),
    )
    url = CS_INDEX + address
    # The first request fills Wagtail's cache of site root paths and the releases' years (one
    # query more); the second costs what every request costs until a page changes.
    assert client.get(url).status_code == 200
    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    releases = press_index["cs"].releases()
    if address == "2018/":
        releases = releases.filter(release_date__year=2018)
    # Ten a page; page 2 of five releases and the founding one is the last page, the first.
    expected = min(10, releases.count() - 10) if address == "?page=2" else min(10, len(releases))
    if expected <= 0:
        expected = min(10, releases.count())
    assert response.content.decode().count('class="press-list__item"') == expected


def test_a_new_release_shows_in_the_years_and_the_count_on_the_next_request(client, press_index):
    assert "2030" not in years(client)
    release = PressReleasePageFactory(
        parent=press_index["cs"], release_date=datetime.date(2030, 5, 1)
    )
    assert "2030" in years(client)
    assert client.get(CS_INDEX + "2030/").status_code == 200
    release.unpublish()
    assert "2030" not in years(client)
    assert client.get(CS_INDEX + "2030/").status_code == 404


def years(client):
    html = get_html(client, CS_INDEX)
    return [a.get_text(strip=True) for a in html.select(".press-years a")]


def release_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_release_page_costs_the_same_with_1_or_4_of_each_snippet_and_attachment(
    client, press_index
):
    counts = []
    for size in (1, 4):
        release = PressReleasePageFactory(parent=press_index["cs"])
        for _ in range(size):
            PressReleaseContactFactory(page=release)
            PressReleaseBoilerplateFactory(page=release)
            PressReleaseAttachmentFactory(page=release)
        counts.append(release_queries(client, release.url))
    assert counts[0] == counts[1]


def test_a_private_release_stays_out_of_the_index_and_its_years(client, press_index):
    release = PressReleasePageFactory(
        parent=press_index["cs"], title="Interní zpráva", release_date=datetime.date(2031, 1, 1)
    )
    assert "2031" in years(client)
    PageViewRestriction.objects.create(page=release, restriction_type="login")
    assert "2031" not in years(client)
    assert "Interní zpráva" not in client.get(CS_INDEX).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query plan")
def test_on_postgresql_the_private_sections_are_read_once_per_listing_not_once_per_page(
    press_index,
):
    # A correlated subquery let the planner, with stale statistics, scan every page for each
    # release (1.1 s at 2,000 releases); the restricted paths are now an InitPlan, run once.
    sql, params = press_index["cs"].releases().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "InitPlan" in plan
    assert "SubPlan" not in plan
