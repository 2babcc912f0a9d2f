"""The catalogue, the comparison and the open data cost the same queries for 10 or 300 projects.

The listing asks the database for the facets' counts and the chart's sums (1 query), the
areas and topics once (2, and 2 more in English to find their translations), the ids of the
page of projects shown (1) and those projects (1); the search is a condition in those queries.
"""

import pytest
import wagtail_factories

from catalogue.choices import FundingSource
from catalogue.listing import PER_PAGE
from tests.catalogue.known_catalogue import CS_CATALOGUE
from tests.factories.catalogue import ProjectPageFactory
from tests.html import get_html, queries

pytestmark = pytest.mark.django_db


def add_projects(index, vocabulary, count):
    topics = list(vocabulary["topics"].values())
    areas = list(vocabulary["areas"].values())
    for number in range(count):
        ProjectPageFactory(
            parent=index,
            area=areas[number % len(areas)],
            topics=topics[number % 3 : number % 3 + 2],
            funding={FundingSource.OWN_BUDGET: 40, FundingSource.NATIONAL: 60},
            population=5_000 + number * 3_000,
        )


def test_the_same_number_of_queries_for_10_and_300_projects(client, catalogue_index, vocabulary):
    add_projects(catalogue_index, vocabulary, 10)

    def measure():
        ids = list(catalogue_index.get_children().live().values_list("pk", flat=True)[:4])
        compare = CS_CATALOGUE + "porovnani/?" + "&".join(f"p={pk}" for pk in ids)
        return {
            url: queries(client, url)
            for url in [
                CS_CATALOGUE,
                CS_CATALOGUE + "?topic=parking&topic=traffic-flow&size=5k-20k&sort=title&page=2",
                CS_CATALOGUE + "?q=Projekt&area=transport",
                compare,
                CS_CATALOGUE + "csv/?area=transport",
                CS_CATALOGUE + "json/",
            ]
        }

    small = measure()
    add_projects(catalogue_index, vocabulary, 290)
    large = measure()
    assert list(large.values()) == list(small.values())


def test_the_cards_pictures_cost_the_same_queries_for_3_and_27_projects(client, catalogue_index):
    """Each card's picture is its project's own image: the images come with the cards (a join)
    and their renditions in one query for the page, however many cards it shows."""

    def add(count):
        for _number in range(count):
            ProjectPageFactory(
                parent=catalogue_index,
                lead_image=wagtail_factories.ImageFactory(file__width=64, file__height=36),
                lead_image_alt="Ilustrace projektu",
            )

    add(3)
    small = queries(client, CS_CATALOGUE)
    add(24)
    # Page 1 now shows a full page of cards, each with a picture of its own.
    html = get_html(client, CS_CATALOGUE)
    assert len(html.select(".project-card__picture picture")) == PER_PAGE
    assert queries(client, CS_CATALOGUE) == small
