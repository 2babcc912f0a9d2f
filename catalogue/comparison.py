"""The comparison of 2–4 projects of the catalogue side by side (its compare route)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.query_params import DATABASE_ID_MAX, whole_number
from core.querysets import localized, without_view_restrictions

from .choices import CITY_SIZE_BANDS, Country, ProjectStatus, band_code
from .models.projects import ProjectPage
from .templatetags.catalogue_tags import change_parts, measure, number, percent_text

COMPARE_MIN, COMPARE_MAX = 2, 4
# More ids than this in one address are not read at all: nobody picks them by hand.
COMPARE_READ_AT_MOST = 20


def duration(project):
    if project.end_year is None:
        return _("since %(year)s, still running") % {"year": project.start_year}
    if project.end_year == project.start_year:
        return str(project.start_year)
    years = project.end_year - project.start_year + 1
    return ngettext(
        "%(start)s–%(end)s (%(count)s year)", "%(start)s–%(end)s (%(count)s years)", years
    ) % {"start": project.start_year, "end": project.end_year, "count": years}


def result_line(result):
    """A result as one line, with its change both ways: "Podíl: 48 → 87 % (+39 p. b.; +81 %)"."""
    after = measure(result["after"], result["unit"])
    parts = change_parts(result)
    if parts is None:
        return f"{result['indicator']}: {after}"
    change = "; ".join(part for part in parts if part)
    return f"{result['indicator']}: {number(result['before'])} → {after} ({change})"


def city_size(population):
    code = band_code(CITY_SIZE_BANDS, population)
    return next(band.label for band in CITY_SIZE_BANDS if band.code == code)


def chosen_ids(chosen):
    """(asked, ids) of an address's `chosen` values (`?p=12&p=15`): each value read as a page id
    (None where it is none), and the ids each once, in the order chosen."""
    asked = [whole_number(value, DATABASE_ID_MAX) for value in chosen[:COMPARE_READ_AT_MOST]]
    return asked, list(dict.fromkeys(pk for pk in asked if pk is not None))


def translated_ids(chosen, language_code):
    """The ids of the live translations into `language_code` of the projects `chosen` (values
    of an address), in the order chosen; a project without one is left out."""
    _asked, ids = chosen_ids(chosen)
    if not ids:
        return []
    keys = dict(ProjectPage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    translations = dict(
        without_view_restrictions(
            ProjectPage.objects.live().filter(
                translation_key__in=keys.values(), locale__language_code=language_code
            )
        ).values_list("translation_key", "pk")
    )
    return [translations[keys[pk]] for pk in ids if keys.get(pk) in translations]


def compared_projects(index, chosen):
    """(projects, notices): 2–4 of `index`'s projects side by side with their facts as the table
    shows them, from the ids `chosen` in an address (`?p=12&p=15`); anything else is explained
    in a notice, never an error page."""
    asked, ids = chosen_ids(chosen)
    pages = {
        page.pk: page
        for page in index.projects()
        .filter(pk__in=ids)
        .select_related("area")
        .prefetch_related("funding_sources")
    }
    projects = [pages[pk] for pk in ids if pk in pages]
    notices = []
    if None in asked or len(projects) < len(ids):
        notices.append(
            _(
                "Some of the chosen projects are not in this catalogue (they may have been "
                "removed, or belong to the other language's catalogue); they are left out."
            )
        )
    if len(projects) > COMPARE_MAX:
        notices.append(
            _("Up to four projects can be compared at a time: here are the first four you chose.")
        )
        projects = projects[:COMPARE_MAX]
    if len(projects) < COMPARE_MIN:
        notices.append(
            _("Choose at least two projects in the catalogue (tick “Compare”) to see them here.")
        )
        projects = []
    areas = localized([project.area for project in projects], index.locale_id) if projects else []
    for project, area in zip(projects, areas, strict=True):
        project.shown_area = area
        project.country_label = Country(project.country).label
        project.status_label = ProjectStatus(project.status).label
        project.city_size = city_size(project.population)
        project.duration = duration(project)
        project.funding = [
            {"label": funding.get_source_display(), "share": percent_text(number(funding.share))}
            for funding in project.funding_sources.all()
        ]
        project.result_lines = [result_line(block.value) for block in project.results]
    return projects, notices
