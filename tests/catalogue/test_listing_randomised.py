"""The catalogue's filters, counts and orders (computed by the database) agree with a
straightforward computation in Python over every project, for random projects and random
visitors' choices, in a Czech and an English catalogue.

The projects are drawn to meet the edge cases: titles that differ only in Czech letters
("ch", č, ř, š, ž) and accents, equal titles, budgets and populations (ties), band limits,
projects without topics or funding, abroad without a region.
"""

import random
from decimal import Decimal
from urllib.parse import urlencode

import pytest

from catalogue.budget import per_inhabitant
from catalogue.choices import (
    BUDGET_BANDS,
    CITY_SIZE_BANDS,
    Country,
    FundingSource,
    ProjectStatus,
    Region,
    band_code,
)
from catalogue.listing import FACET_NAMES, FACETS_WITH_EVERY_OPTION
from catalogue.models import ProjectPage
from core.collation import sort_key
from core.search import search
from tests.catalogue.pages import counts, get_html
from tests.factories.catalogue import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db

SEED = 19
WORDS = {
    "cs": "chodník cesta čistírna cyklostezka hřiště hrad řeka revitalizace škola sad "
    "žlutá zeleň Zahrada parkování Parkoviště osvětlení Osvětlení most".split(),
    "en": "park Park parking Étude lighting bridge school river road Road garden".split(),
}
POPULATIONS = [1, 4_999, 5_000, 19_999, 20_000, 33_000, 49_999, 100_000, 380_000, 500_000]
BUDGETS = ["0", "999999.99", "1000000", "4000000", "12000000", "50000000", "200000000"]


def random_project(rng, index, vocabulary, language):
    country = rng.choice([Country.CZ, Country.CZ, Country.AT, Country.PL, Country.SK])
    title = " ".join(rng.choice(WORDS[language]) for _ in range(rng.randint(1, 3)))
    return ProjectPageFactory(
        parent=index,
        title=title,
        area=rng.choice(list(vocabulary["areas"].values())),
        topics=rng.sample(list(vocabulary["topics"].values()), rng.randint(0, 3)),
        funding=dict.fromkeys(rng.sample(list(FundingSource.values), rng.randint(0, 2)), 100),
        country=country,
        region=rng.choice(Region.values) if country == Country.CZ else "",
        population=rng.choice(POPULATIONS),
        budget_amount=Decimal(rng.choice(BUDGETS)),
        status=rng.choice(ProjectStatus.values),
        start_year=rng.randint(2015, 2020),
    )


def codes(project):
    """Each facet's codes of a project, as the catalogue's options name them."""
    return {
        "area": {project.area.slug},
        "topic": {topic.slug for topic in project.topics.all()},
        "country": {project.country},
        "region": {project.region} - {""},
        "size": {band_code(CITY_SIZE_BANDS, project.population)},
        "budget": {band_code(BUDGET_BANDS, project.budget_czk)},
        "funding": {funding.source for funding in project.funding_sources.all()},
        "status": {project.status},
    }


def expected(index, choices, query, sort):
    """The listed projects in order and every option's count, computed in Python."""
    language = index.locale.language_code
    projects = index.projects().select_related("area").prefetch_related("topics", "funding_sources")
    rows = [(project, codes(project)) for project in projects]
    rank = None
    if query:
        found = search(ProjectPage.objects.child_of(index).live(), query, language, every_word=True)
        rank = {page.pk: position for position, page in enumerate(found)}

    def matches(row_codes, pk, except_facet=None):
        return (rank is None or pk in rank) and all(
            row_codes[name] & set(chosen)
            for name, chosen in choices.items()
            if chosen and name != except_facet
        )

    # The scales show every band, 0 or not.
    every_band = {
        "size": {band.code for band in CITY_SIZE_BANDS},
        "budget": {band.code for band in BUDGET_BANDS},
    }
    facet_counts = {}
    for name in FACET_NAMES:
        present = set().union(*(row_codes[name] for _project, row_codes in rows))
        if name in FACETS_WITH_EVERY_OPTION:
            present |= every_band[name]
        pool = [row_codes for project, row_codes in rows if matches(row_codes, project.pk, name)]
        facet_counts[name] = {
            code: sum(1 for row_codes in pool if code in row_codes[name])
            for code in present | set(choices.get(name, []))
        }

    czech = language == "cs"

    def title(project):
        return sort_key(project.title, czech)

    keys = {
        "relevance": lambda p: rank[p.pk],
        "newest": lambda p: (-p.start_year, -p.pk),
        "budget-desc": lambda p: (-p.budget_czk, title(p), -p.pk),
        "budget-asc": lambda p: (p.budget_czk, title(p), -p.pk),
        "cost-per-inhabitant": lambda p: (
            per_inhabitant(p.budget_czk, p.population),
            title(p),
            -p.pk,
        ),
        "population": lambda p: (-p.population, title(p), -p.pk),
        "title": lambda p: (title(p), -p.pk),
    }
    listed = sorted(
        (project for project, row_codes in rows if matches(row_codes, project.pk)),
        key=keys[sort],
    )
    return [project.slug for project in listed], facet_counts


def random_choices(rng, vocabulary):
    options = {
        "area": list(vocabulary["areas"]),
        "topic": list(vocabulary["topics"]),
        "country": ["CZ", "AT", "PL", "SK", "DE"],
        "region": Region.values[:4],
        "size": [band.code for band in CITY_SIZE_BANDS],
        "budget": [band.code for band in BUDGET_BANDS],
        "funding": list(FundingSource.values),
        "status": list(ProjectStatus.values),
    }
    chosen = rng.sample(FACET_NAMES, rng.choice([0, 1, 1, 2, 2, 3]))
    return {name: rng.sample(options[name], rng.randint(1, 2)) for name in chosen}


@pytest.mark.parametrize("language", ["cs", "en"])
def test_random_filters_and_sorts_agree_with_a_computation_in_python(
    client, site, vocabulary, language
):
    rng = random.Random(f"{SEED}-{language}")
    index = ProjectIndexPageFactory(parent=site[language], slug=f"nahodny-katalog-{language}")
    for _ in range(120 if language == "cs" else 80):
        random_project(rng, index, vocabulary, language)
    sorts = ["newest", "budget-desc", "budget-asc", "cost-per-inhabitant", "population", "title"]
    for _case in range(25):
        choices = random_choices(rng, vocabulary)
        query = rng.choice(["", "", "", *WORDS[language]])
        sort = rng.choice([*sorts, "relevance"] if query else sorts)
        params = [(name, code) for name, chosen in choices.items() for code in chosen]
        params += [("q", query), ("sort", sort)]
        listed, facet_counts = expected(index, choices, query, sort)
        case = urlencode(params)

        data = client.get(f"{index.url}json/?{case}").json()
        assert [project["slug"] for project in data["projects"]] == listed, case

        html = get_html(client, f"{index.url}?{case}")
        for name in FACET_NAMES:
            assert counts(html, name) == facet_counts[name], (case, name)
