"""A known catalogue for the catalogue tests (a plugin of tests/conftest.py, so that the browser
tests have it too): six projects across areas, topics, countries,
city-size and budget bands, funding sources and statuses, in its own index page so that the
site's demo projects never change the counts.

key    area      topics                place    people    CZK         funding       status
kolin  transport parking               CZ CZ020 33 000    12 000 000  own 30, EU 70 completed
brno   transport traffic-flow, parking CZ CZ064 380 000   45 000 000  EU 100        in_operation
vienna transport public-transport      AT       1 900 000 200 000 000 private 100   in_progress
pisek  energy    energy-efficiency     CZ CZ031 30 000    4 000 000   own 100       completed
tabor  ict       open-data             CZ CZ031 34 000    800 000     own 100       planned
krakow energy    energy-efficiency     PL       800 000   60 000 000  own 15, EU 85 completed
"""

import datetime
from decimal import Decimal

import pytest

from catalogue.choices import FundingSource as F
from catalogue.choices import ProjectStatus as S
from tests.factories.catalogue import (
    AreaFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    TopicFactory,
)

CS_CATALOGUE = "/cs/katalog-projektu/"
EN_CATALOGUE = "/en/project-catalogue/"

AREAS = {
    # slug: (Czech name, English name, order)
    "transport": ("Doprava", "Transport", 1),
    "energy": ("Energetika", "Energy", 2),
    "ict": ("ICT", "ICT", 3),
}
TOPICS = {
    # slug: (area, Czech name, English name)
    "traffic-flow": ("transport", "Plynulost provozu", "Traffic flow"),
    "parking": ("transport", "Parkování", "Parking"),
    "public-transport": ("transport", "Hromadná doprava", "Public transport"),
    "energy-efficiency": ("energy", "Energetická efektivita", "Energy efficiency"),
    "open-data": ("ict", "Otevřená data", "Open data"),
}


def english(instance, translate, locales, **fields):
    """The English translation of a snippet, made if the loaded site does not have it."""
    existing = instance.get_translation_or_none(locales["en"])
    return existing or translate(instance, **fields)


@pytest.fixture
def vocabulary(site, translate, locales):
    areas = {}
    for slug, (cs_name, en_name, order) in AREAS.items():
        areas[slug] = AreaFactory(slug=slug, name=cs_name, sort_order=order)
        english(areas[slug], translate, locales, name=en_name)
    topics = {}
    for order, (slug, (area, cs_name, en_name)) in enumerate(TOPICS.items()):
        topics[slug] = TopicFactory(slug=slug, name=cs_name, area=areas[area], sort_order=order)
        english(topics[slug], translate, locales, name=en_name)
    return {"areas": areas, "topics": topics}


@pytest.fixture
def catalogue_index(site):
    return ProjectIndexPageFactory(
        parent=site["cs"], title="Katalog projektů", slug="katalog-projektu"
    )


@pytest.fixture
def projects(catalogue_index, vocabulary):
    areas, topics = vocabulary["areas"], vocabulary["topics"]

    def make(title, area, topic_slugs, funding, **fields):
        return ProjectPageFactory(
            parent=catalogue_index,
            title=title,
            area=areas[area],
            topics=[topics[slug] for slug in topic_slugs],
            funding=funding,
            **fields,
        )

    return {
        "kolin": make(
            "Chytré parkování v Kolíně",
            "transport",
            ["parking"],
            {F.OWN_BUDGET: 30, F.EU_OPERATIONAL: 70},
            city="Kolín",
            population=33_000,
            budget_amount=Decimal("12000000"),
            start_year=2019,
            end_year=2021,
            results=[
                (
                    "result",
                    {
                        "indicator": "Doba hledání místa",
                        "before": "12",
                        "after": "4.5",
                        "unit": "min",
                    },
                )
            ],
        ),
        "brno": make(
            "Řízení křižovatek v Brně",
            "transport",
            ["traffic-flow", "parking"],
            {F.EU_OPERATIONAL: 100},
            city="Brno",
            region="CZ064",
            population=380_000,
            budget_amount=Decimal("45000000"),
            status=S.IN_OPERATION,
            start_year=2018,
            end_year=2020,
        ),
        "vienna": make(
            "Elektrobusy ve Vídni",
            "transport",
            ["public-transport"],
            {F.PRIVATE: 100},
            city="Vídeň",
            country="AT",
            region="",
            population=1_900_000,
            budget_amount=Decimal("8000000"),
            budget_currency="EUR",
            exchange_rate=Decimal("25"),
            exchange_rate_date=datetime.date(2022, 3, 1),
            status=S.IN_PROGRESS,
            start_year=2022,
            end_year=None,
        ),
        "pisek": make(
            "Úsporné osvětlení v Písku",
            "energy",
            ["energy-efficiency"],
            {F.OWN_BUDGET: 100},
            city="Písek",
            region="CZ031",
            population=30_000,
            budget_amount=Decimal("4000000"),
            start_year=2020,
            end_year=2021,
        ),
        "tabor": make(
            "Portál občana v Táboře",
            "ict",
            ["open-data"],
            {F.OWN_BUDGET: 100},
            city="Tábor",
            region="CZ031",
            population=34_000,
            budget_amount=Decimal("800000"),
            status=S.PLANNED,
            start_year=2025,
            end_year=None,
            is_sample=False,
        ),
        "krakow": make(
            "Zateplení škol v Krakově",
            "energy",
            ["energy-efficiency"],
            {F.OWN_BUDGET: 15, F.EU_OPERATIONAL: 85},
            city="Krakov",
            country="PL",
            region="",
            population=800_000,
            budget_amount=Decimal("60000000"),
            start_year=2016,
            end_year=2018,
        ),
    }


@pytest.fixture
def english_catalogue(catalogue_index, projects, translate):
    """The catalogue in English with two of the six projects translated."""
    index = translate(catalogue_index, title="Project catalogue", slug="project-catalogue")
    translated = {
        "kolin": translate(
            projects["kolin"],
            title="Smart parking in Kolín",
            slug="smart-parking-kolin",
            summary="The town guides drivers to free spaces.",
        ),
        "pisek": translate(
            projects["pisek"],
            title="Efficient street lighting in Písek",
            slug="street-lighting-pisek",
            summary="LED lamps that dim at night.",
        ),
    }
    return {"index": index, "projects": translated}
