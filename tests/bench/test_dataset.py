"""The benchmark's data set builder (bench/dataset.py), at its tiny scale: the pages it writes in
bulk are valid Wagtail pages in both languages, in a consistent tree, that visitors can open,
filter and find."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from bench.dataset import SCALES, Builder, count_pages, is_built
from catalogue.choices import BUDGET_BANDS, CITY_SIZE_BANDS, ProjectStatus, Region
from catalogue.models import ProjectPage
from press.models import PressReleasePage

pytestmark = pytest.mark.django_db

TINY = SCALES["tiny"]


@pytest.fixture
def built(site):
    before = set(Page.objects.values_list("pk", flat=True))
    Builder(TINY).build()
    return Page.objects.exclude(pk__in=before).specific().select_related("locale")


def test_every_page_type_reaches_its_count_in_a_consistent_tree_of_valid_pages(built):
    assert is_built(TINY)
    for model, count in count_pages(TINY).items():
        for language in ("cs", "en"):
            assert model.objects.filter(locale__language_code=language).count() >= count, (
                model,
                language,
            )
    # What Page.fix_tree() would repair: nothing.
    assert Page.find_problems() == ([], [], [], [], [])
    assert built
    for page in built:
        try:
            page.full_clean()
        except ValidationError as error:
            pytest.fail(f"{page.url_path}: {error}")
        assert page.live
        assert page.url_path == page.get_parent().url_path + page.slug + "/"


def test_each_new_page_has_its_translation_and_visitors_read_both(built, client):
    by_key = {}
    for page in built:
        by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
    assert all(set(pair) == {"cs", "en"} for pair in by_key.values())
    for pair in by_key.values():
        assert pair["en"].get_parent().translation_key == pair["cs"].get_parent().translation_key
    releases = [page for page in built if isinstance(page, PressReleasePage)]
    for release in releases[:2]:
        response = client.get(release.url)
        assert response.status_code == 200
        assert release.title in response.content.decode()
        assert release.lead[:40] in response.content.decode()
    english = next(page for page in releases if page.locale.language_code == "en")
    assert english.url.startswith("/en/")
    assert "The town of" in english.lead


def new_projects(built, language):
    return [
        page
        for page in built
        if isinstance(page, ProjectPage) and page.locale.language_code == language
    ]


def test_the_new_projects_cover_every_region_status_size_and_budget_band(built):
    projects = new_projects(built, "cs")
    assert {page.region for page in projects} - {""} == set(Region.values)
    assert {page.status for page in projects} == set(ProjectStatus.values)
    assert {page.country for page in projects} > {"CZ"}
    for band in CITY_SIZE_BANDS:
        assert any(band.contains(page.population) for page in projects), band.code
    for band in BUDGET_BANDS:
        assert any(band.contains(page.budget_czk) for page in projects), band.code


@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_catalogue_filters_the_new_projects(built, client, language):
    small_town = next(page for page in new_projects(built, language) if page.population < 5_000)
    catalogue = small_town.get_parent()
    response = client.get(catalogue.url, {"size": "under-5k", "region": small_town.region})
    assert response.status_code == 200
    assert small_town.title in response.content.decode()
    assert small_town.images  # the picture its page shows
    assert client.get(small_town.url).status_code == 200


def test_site_search_finds_a_new_page_by_its_town(built, client):
    project = next(page for page in new_projects(built, "cs") if page.city == "Telč")
    response = client.get("/cs/hledat/", {"q": "Telč"})
    assert response.status_code == 200
    assert project.title in response.content.decode()
