"""`load_site` adds the areas, topics, working groups and the sample catalogue in both languages."""

import shutil
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Workflow, WorkflowPage

from catalogue.models import Area, GuidePage, ProjectPage, Topic, WorkingGroupPage
from tests.conftest import page_by_slug

pytestmark = pytest.mark.django_db


def names(model, language_code):
    return dict(
        model.objects.filter(locale__language_code=language_code).values_list("slug", "name")
    )


def test_the_four_areas_and_the_topics_exist_in_both_languages(site):
    assert names(Area, "cs") == {
        "transport": "Doprava",
        "energy": "Energetika",
        "ict": "ICT",
        "governance": "Smart governance",
    }
    assert names(Area, "en") == {
        "transport": "Transport",
        "energy": "Energy",
        "ict": "ICT",
        "governance": "Smart governance",
    }
    czech, english = names(Topic, "cs"), names(Topic, "en")
    assert len(czech) >= 6
    assert czech.keys() == english.keys()
    assert czech["traffic-flow"] == "Plynulost provozu"
    assert english["traffic-flow"] == "Traffic flow"
    assert czech["clean-public-space"] == "Čistota veřejného prostoru"
    assert english["e-government"] == "E-government services"
    # An English topic belongs to the English translation of its area.
    parking = Topic.objects.get(slug="parking", locale__language_code="en")
    assert (parking.area.slug, parking.area.name) == ("transport", "Transport")


def test_a_working_group_page_per_area_in_both_languages(site, client):
    for language_code in ("cs", "en"):
        groups = WorkingGroupPage.objects.live().filter(locale__language_code=language_code)
        assert sorted(groups.values_list("area__slug", flat=True)) == [
            "energy",
            "governance",
            "ict",
            "transport",
        ]
        for group in groups:
            assert not group.members or len(group.members) <= 4
    assert Page.objects.get(url_path__endswith="/pracovni-skupiny/doprava/").live
    assert Page.objects.get(url_path__endswith="/working-groups/transport/").live


@pytest.mark.parametrize("language_code", ["cs", "en"])
def test_the_sample_catalogue_covers_every_area_and_both_kinds_of_country(site, language_code):
    projects = ProjectPage.objects.live().filter(locale__language_code=language_code)
    guides = GuidePage.objects.live().filter(locale__language_code=language_code)
    assert projects.count() >= 12
    assert guides.count() >= 4
    assert all(page.is_sample for page in [*projects, *guides])
    areas = {"transport", "energy", "ict", "governance"}
    assert set(projects.values_list("area__slug", flat=True)) == areas
    assert set(guides.values_list("area__slug", flat=True)) == areas
    countries = set(projects.values_list("country", flat=True))
    assert "CZ" in countries and countries - {"CZ"}


@pytest.mark.parametrize("language_code", ["cs", "en"])
def test_villages_and_small_towns_find_sample_projects_of_their_size(site, language_code):
    """Most of the Union's members are small: the sample catalogue has projects at their scale."""
    projects = ProjectPage.objects.live().filter(locale__language_code=language_code)
    villages = projects.filter(population__lt=5_000)
    small_towns = projects.filter(population__gte=5_000, population__lt=20_000)
    assert villages.count() >= 4
    assert small_towns.count() >= 4
    for project in [*villages, *small_towns]:
        assert project.is_sample
        assert project.country == "CZ" and project.region
        # Budgets a village or a small town can carry: under CZK 5 million.
        assert project.budget_czk < 5_000_000, project


def test_every_loaded_page_passes_validation_with_sound_figures(site):
    for project in ProjectPage.objects.prefetch_related("funding_sources"):
        project.full_clean()
        shares = [funding.share for funding in project.funding_sources.all()]
        assert sum(shares) == Decimal(100), project
        assert project.topics.exists(), project
        assert project.budget_czk > 0
    for guide in GuidePage.objects.all():
        guide.full_clean()
        assert sum(block.value["weight"] for block in guide.evaluation_criteria) == 100, guide
        assert guide.topics.exists(), guide
    for group in WorkingGroupPage.objects.all():
        group.full_clean()


def test_english_pages_are_in_english(site):
    for model in (ProjectPage, GuidePage):
        for english in model.objects.filter(locale__language_code="en"):
            czech = english.get_translation(english.locale.get_default())
            assert english.title != czech.title
            assert english.summary != czech.summary
    # Numbers and codes are the Czech page's, copied into the translation.
    vienna = ProjectPage.objects.get(slug="vienna-mobility-hubs")
    assert (vienna.city, vienna.country, vienna.budget_currency) == ("Vienna", "AT", "EUR")
    assert vienna.get_translation(vienna.locale.get_default()).city == "Vídeň"
    assert vienna.budget_czk == Decimal("12500000") * Decimal("24.375")


def snapshot():
    return {
        "areas": sorted(Area.objects.values_list("locale__language_code", "slug", "name")),
        "topics": sorted(Topic.objects.values_list("locale__language_code", "slug", "name")),
        "pages": sorted(
            Page.objects.filter(depth__gt=2).values_list("locale__language_code", "url_path")
        ),
    }


def test_running_load_site_again_keeps_the_catalogue_and_editors_changes(site):
    area = Area.objects.get(slug="energy", locale__language_code="cs")
    area.name = "Energetika a klima"
    area.save()
    before = snapshot()
    call_command("load_site", stdout=StringIO())
    assert snapshot() == before
    assert Area.objects.get(pk=area.pk).name == "Energetika a klima"


def test_without_demo_content_no_sample_pages_are_created(site, settings):
    for page in Page.objects.type(ProjectPage, GuidePage).order_by("-depth"):
        page.delete()
    settings.LOAD_DEMO_CONTENT = False
    call_command("load_site", stdout=StringIO())
    assert not ProjectPage.objects.exists()
    assert not GuidePage.objects.exists()
    assert WorkingGroupPage.objects.filter(locale__language_code="en").count() == 4


def test_an_unknown_topic_names_the_file_and_the_code(site, tmp_path, settings):
    content = tmp_path / "site"
    shutil.copytree(settings.SITE_CONTENT_DIR, content)
    source = content / "catalogue" / "projects" / "kolin-energy-management.toml"
    broken = source.with_name("kolin-copy.toml")
    broken.write_text(
        source.read_text()
        .replace("topic:energy-efficiency", "topic:no-such-topic")
        .replace('slug = "kolin-energeticky-management"', 'slug = "kolin-kopie"')
    )
    settings.SITE_CONTENT_DIR = content
    with pytest.raises(CommandError, match=r"kolin-copy\.toml.*'no-such-topic'"):
        call_command("load_site", stdout=StringIO())


def test_catalogue_pages_go_live_through_the_approval_workflow_in_both_languages(site):
    approval = Workflow.objects.get(name="Moderators approval")
    for slug in ("pracovni-skupiny", "katalog", "navody"):
        for index in page_by_slug(slug, "cs").get_translations(inclusive=True):
            assert WorkflowPage.objects.get(page=index).workflow == approval
            child = index.get_children().first()
            assert child.get_workflow() == approval
