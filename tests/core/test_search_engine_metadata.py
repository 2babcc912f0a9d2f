"""What search engines and social networks read in every page's head, in both languages: the
description, the sharing tags, the canonical address and the schema.org data."""

import json

import pytest
from wagtail.models import Site

from catalogue.models import GuidePage, ProjectPage
from core.models import SiteSettings
from core.querysets import localized
from partners.models import PartnerPage, StartupPage
from tests.core.test_every_page_type import SITE_PAGE_TYPES
from tests.html import get_html

pytestmark = pytest.mark.django_db

# The schema.org type each page type describes itself as; the others print breadcrumbs only.
# A new page type fails here until someone decides.
SCHEMA_TYPES = {
    "ApplicationFormPage": None,
    "GuideIndexPage": None,
    "GuidePage": "HowTo",
    "HomePage": "Organization",
    "PartnerIndexPage": None,
    "PartnerPage": "Organization",
    "PressIndexPage": None,
    "PressReleasePage": "NewsArticle",
    "ProjectIndexPage": None,
    "ProjectPage": "Article",
    "StandardPage": None,
    "StartupPage": "Organization",
    "WorkingGroupIndexPage": None,
    "WorkingGroupPage": None,
}


def meta(html, key):
    """The content of <meta name=key> or <meta property=key>, None if absent."""
    tag = html.select_one(f'meta[name="{key}"], meta[property="{key}"]')
    return tag["content"] if tag else None


def json_ld(html):
    """Every JSON-LD script of the page, parsed (json.loads fails on invalid JSON)."""
    return [
        json.loads(script.string) for script in html.select('script[type="application/ld+json"]')
    ]


def example_pages(site, model):
    cs_page = model.objects.live().filter(locale__language_code="cs").first()
    return [("cs", cs_page), ("en", cs_page.get_translation(site["en"].locale))]


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_tells_crawlers_what_it_is(client, site, model):
    for lang, page in example_pages(site, model):
        html = get_html(client, page.url)
        description = meta(html, "description")
        assert description, page.url
        assert description == page.meta_description
        assert meta(html, "og:description") == (page.social_text or description)
        assert meta(html, "twitter:title") == meta(html, "og:title") == page.title
        assert meta(html, "twitter:description") == meta(html, "og:description")
        assert meta(html, "twitter:image") == meta(html, "og:image")
        assert meta(html, "twitter:image").startswith("http://")
        assert meta(html, "twitter:image:alt") == meta(html, "og:image:alt")
        canonical = html.select_one("link[rel=canonical]")["href"]
        assert canonical == page.full_url

        entities = json_ld(html)
        assert all(entity["@context"] == "https://schema.org" for entity in entities)
        types = [entity["@type"] for entity in entities]
        expected = SCHEMA_TYPES[model.__name__]
        if model.__name__ == "HomePage":
            assert types == [expected]
            continue
        assert types == ([expected] if expected else []) + ["BreadcrumbList"], page.url
        if entities[0].get("inLanguage"):
            assert entities[0]["inLanguage"] == lang
        crumbs = entities[-1]["itemListElement"]
        assert crumbs[0]["item"] == site[lang].full_url
        assert crumbs[-1] == {
            "@type": "ListItem",
            "position": len(crumbs),
            "name": page.title,
            "item": canonical,
        }


def test_the_description_is_the_editors_else_the_pages_summary_else_the_sites(client, site):
    about = site["cs"].get_children().get(slug="o-iniciative").specific
    about.search_description = "Kdo stojí za iniciativou Lepší města."
    about.save_revision().publish()
    assert meta(get_html(client, about.url), "description") == about.search_description

    about.search_description = ""
    about.lead = "Svaz měst a obcí <b>sdružuje</b> " + "statutární města " * 20
    about.save_revision().publish()
    description = meta(get_html(client, about.url), "description")
    # Plain text cut at a word, within what search engines show.
    assert description.startswith("Svaz měst a obcí sdružuje statutární města")
    assert description.endswith("města…")
    assert len(description) <= 200

    about.lead = ""
    about.save_revision().publish()
    english = about.get_translation(site["en"].locale).specific
    english.search_description = english.lead = ""
    english.save_revision().publish()
    assert meta(get_html(client, about.url), "description").startswith(
        "Osvědčené projekty chytrých měst"
    )
    assert meta(get_html(client, english.url), "description").startswith(
        "Proven smart-city projects"
    )


def test_the_sharing_text_replaces_the_description_on_social_networks_only(client, site):
    about = site["en"].get_children().get(slug="about").specific
    about.social_text = "Better cities, built on what works."
    about.save_revision().publish()
    html = get_html(client, about.url)
    assert meta(html, "og:description") == meta(html, "twitter:description") == about.social_text
    assert meta(html, "description") == about.meta_description != about.social_text


@pytest.mark.parametrize(("lang", "name"), [("cs", "Svaz měst"), ("en", "Union of Towns")])
def test_the_home_page_describes_the_organisation_in_its_language(client, site, lang, name):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.linkedin_url = "https://www.linkedin.com/company/smocr"
    site_settings.save()
    [organisation] = json_ld(get_html(client, f"/{lang}/"))
    assert organisation["@type"] == "Organization"
    assert organisation["name"].startswith(name)
    assert organisation["alternateName"] and organisation["alternateName"] != organisation["name"]
    assert organisation["url"] == site_settings.publisher.url == "https://www.smocr.cz/"
    assert organisation["email"] == "info@lepsimesta.cz"
    assert organisation["logo"] == "http://testserver/static/img/wordmark.svg"
    assert organisation["sameAs"] == ["https://www.linkedin.com/company/smocr"]


def test_without_social_networks_the_organisation_names_none(client, site):
    [organisation] = json_ld(get_html(client, "/cs/"))
    assert "sameAs" not in organisation


def entity(client, page):
    return json_ld(get_html(client, page.url))[0]


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_a_guide_is_a_how_to_with_its_steps_and_cost(client, site, lang):
    guide = GuidePage.objects.live().filter(locale__language_code=lang).first()
    data = entity(client, guide)
    assert data["@type"] == "HowTo"
    assert data["name"] == guide.title
    assert data["inLanguage"] == lang
    assert [step["name"] for step in data["step"]] == [s.value["title"] for s in guide.steps]
    assert all(step["text"] and "<" not in step["text"] for step in data["step"])
    budget = guide.budget()
    assert data["estimatedCost"] == {
        "@type": "MonetaryAmount",
        "currency": "CZK",
        "minValue": int(budget.total_min_czk),
        "maxValue": int(budget.total_max_czk),
    }


@pytest.mark.parametrize(("lang", "country"), [("cs", "Česká republika"), ("en", "Czech Republic")])
def test_a_project_is_an_article_about_its_town(client, site, lang, country):
    project = ProjectPage.objects.live().filter(locale__language_code=lang, country="CZ").first()
    data = entity(client, project)
    assert data["@type"] == "Article"
    assert data["headline"] == project.title
    assert data["description"] == project.meta_description
    assert data["spatialCoverage"]["name"] == project.city
    assert data["spatialCoverage"]["containedInPlace"]["name"] == country
    [area] = localized([project.area], project.locale_id)
    assert data["about"][0] == {"@type": "Thing", "name": area.name}


@pytest.mark.parametrize("model", [PartnerPage, StartupPage])
def test_partners_and_start_ups_are_organisations(client, site, model):
    profile = model.objects.live().filter(locale__language_code="en").first()
    data = entity(client, profile)
    assert data["@type"] == "Organization"
    assert data["name"] == profile.title
    assert data["url"] == (profile.website or profile.full_url)
    assert data["mainEntityOfPage"] == profile.full_url
