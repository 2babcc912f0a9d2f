"""The guide index and a guide page cost the same number of queries however much they show."""

import pytest

from tests.factories.catalogue import AreaFactory, GuidePageFactory, ProjectPageFactory
from tests.html import get_html, queries

from .guide_fixtures import with_english

pytestmark = pytest.mark.django_db

# 1 query lists the Czech guides: the live guides under the index with their areas (view
# restrictions are a subquery); the areas are Czech already, so none is translated.
# 11 are what every page of the site costs (see tests/press/test_queries.py).
CZECH_INDEX_QUERIES = 1 + 11


def add_guides(guide_index, areas, count):
    for number in range(count):
        GuidePageFactory(parent=guide_index["cs"], area=areas[number % len(areas)])


def test_the_czech_guide_index_costs_a_fixed_number_of_queries(
    client, guide, guide_index, parking, django_assert_num_queries
):
    add_guides(guide_index, [parking[0], AreaFactory(slug="energy", name="Energetika")], 12)
    url = guide_index["cs"].url
    client.get(url)
    with django_assert_num_queries(CZECH_INDEX_QUERIES):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_the_guide_index_costs_the_same_for_1_and_5_guides_in_two_areas(
    client, guide, guide_index, parking, locales, translate, lang
):
    # In English one more query swaps the areas for their translations, however many.
    energy = with_english(
        AreaFactory(slug="energy", name="Energetika"), locales, translate, name="Energy"
    )
    counts = [queries(client, guide_index[lang].url)]
    for number in range(4):
        added = GuidePageFactory(parent=guide_index["cs"], area=(parking[0], energy)[number % 2])
        if lang == "en":
            translate(added, title=f"Guide {number}", slug=f"guide-{number}")
    html = client.get(guide_index[lang].url).content.decode()
    assert html.count('class="guide-summary"') == 5
    counts.append(queries(client, guide_index[lang].url))
    assert counts[0] == counts[1]


def test_a_guide_page_costs_the_same_with_1_or_10_related_projects(
    client, guide, guide_catalogue, parking
):
    area, topic = parking
    counts = []
    for size in (1, 9):
        for _ in range(size):
            ProjectPageFactory(parent=guide_catalogue["cs"], area=area, topics=[topic])
        counts.append(queries(client, guide["cs"].url))
    assert counts[0] == counts[1]


def test_a_project_page_costs_the_same_listed_by_no_guide_or_by_5(
    client, guide_index, guide_catalogue, parking
):
    area, topic = parking
    project = ProjectPageFactory(parent=guide_catalogue["cs"], area=area, topics=[topic])
    counts = [queries(client, project.url)]
    for _ in range(5):
        GuidePageFactory(parent=guide_index["cs"], area=area, topics=[topic])
    html = get_html(client, project.url)
    assert len(html.select('[data-testid="guides"] a')) == 5
    counts.append(queries(client, project.url))
    assert counts[0] == counts[1]
