"""The addresses the benchmark requests: one (or one per language) for each public page type."""

from dataclasses import dataclass

from django.contrib.staticfiles.storage import staticfiles_storage

from catalogue.models import GuidePage, ProjectIndexPage, ProjectPage
from home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from press.models import PressIndexPage, PressReleasePage

# The catalogue with a facet of each kind that narrows it, and a free-text search.
THREE_FACETS = "?area=transport&size=20k-50k&status=completed"
CATALOGUE_QUERY = {"cs": "?q=parkovani", "en": "?q=parking"}
SITE_SEARCH = {"cs": "/cs/hledat/?q=parkov%C3%A1n%C3%AD", "en": "/en/search/?q=parking"}
GUIDE_POPULATION = "?population=23000"


@dataclass(frozen=True)
class Target:
    label: str
    path: str
    # Downloads and feeds are not pages a visitor reads, but they cost the same workers.
    kind: str = "page"


def middle(queryset):
    """A page from the middle of a listing: neither the newest nor the oldest."""
    count = queryset.count()
    return queryset[count // 2]


def targets():
    """[Target] in the table's order; the static file comes first, it is the yardstick."""
    found = [Target("static file (CSS)", staticfiles_storage.url("css/site.css"), "static")]
    found.append(Target("robots.txt (plain view)", "/robots.txt", "plain"))
    homes = {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
    for language in ("cs", "en"):
        found.append(Target(f"home {language}", homes[language].url))
    press = PressIndexPage.objects.get(locale__language_code="cs")
    releases = PressReleasePage.objects.child_of(press).live().order_by("release_date")
    release = middle(releases)
    found += [
        Target("press index", press.url),
        Target("press year archive", f"{press.url}{release.release_date.year}/"),
        Target("press release", release.url),
        Target("RSS feed", f"{press.url}rss/", "feed"),
        Target("Atom feed", f"{press.url}atom/", "feed"),
    ]
    catalogue = ProjectIndexPage.objects.get(locale__language_code="cs")
    english_catalogue = ProjectIndexPage.objects.get(locale__language_code="en")
    projects = ProjectPage.objects.child_of(catalogue).live().order_by("pk")
    compared = "&".join(f"p={pk}" for pk in projects.values_list("pk", flat=True)[:3])
    found += [
        Target("catalogue", catalogue.url),
        Target("catalogue, 3 facets", catalogue.url + THREE_FACETS),
        Target("catalogue, q", catalogue.url + CATALOGUE_QUERY["cs"]),
        Target("catalogue en, q", english_catalogue.url + CATALOGUE_QUERY["en"]),
        Target("project", middle(projects).url),
        Target("compare (3 projects)", f"{catalogue.compare_url()}?{compared}"),
        Target("CSV export", f"{catalogue.url}csv/", "download"),
        Target("JSON export", f"{catalogue.url}json/", "download"),
    ]
    guide = middle(GuidePage.objects.live().filter(locale__language_code="cs").order_by("pk"))
    found += [
        Target("guide ?population=", guide.url + GUIDE_POPULATION),
        Target("tender outline DOCX", f"{guide.url}zadavaci-dokumentace/", "download"),
    ]
    partners = PartnerIndexPage.objects.get(locale__language_code="cs")
    partner = middle(PartnerPage.objects.child_of(partners).live().order_by("pk"))
    found += [
        Target("partner index", partners.url),
        Target("partner page", partner.url),
        Target("site search cs", SITE_SEARCH["cs"]),
        Target("site search en", SITE_SEARCH["en"]),
        Target("sitemap.xml", "/sitemap.xml", "feed"),
    ]
    return found
