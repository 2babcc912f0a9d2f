"""Listings and release pages cost the same number of queries however much there is to show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.press import (
    PressReleaseAttachmentFactory,
    PressReleaseBoilerplateFactory,
    PressReleaseContactFactory,
    PressReleasePageFactory,
)
from tests.press.conftest import CS_INDEX

pytestmark = pytest.mark.django_db

# 3 queries list the releases: the years that have releases, the count for the paginator and
# one page of releases (view restrictions are a subquery, not a query per release).
# 14 are what every page of the site costs whatever it shows: finding the site and its root in
# the active locale (2), routing to the page and loading it (3), its ancestors' view
# restrictions (2), the main menu (locale and items, 2), the page's translations for the
# language switcher and the hreflang links (1, shared), its breadcrumbs for search engines
# (1), the footer's site settings with its two pages (1) and the active locale for each of
# those two links (2).
INDEX_QUERIES = 3 + 14


@pytest.mark.parametrize("releases", [5, 200])
def test_the_press_index_costs_the_same_for_5_and_200_releases(
    client, press_index, django_assert_num_queries, releases
):
    PressReleasePageFactory.create_batch(releases, parent=press_index["cs"])
    # The first request fills Wagtail's cache of site root paths; measure the second.
    assert client.get(CS_INDEX).status_code == 200
    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get(CS_INDEX)
    assert response.status_code == 200
    # The new releases and the founding one, ten a page.
    assert response.content.decode().count('class="press-list__item"') == min(10, releases + 1)


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
