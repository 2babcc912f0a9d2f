"""The comparison of 2–4 projects of the catalogue side by side (its compare route)."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.query_params import DATABASE_ID_MAX, whole_number
from core.querysets import localized

from .choices import CITY_SIZE_BANDS, Country, ProjectStatus, band_code

COMPARE_MIN, COMPARE_MAX = 2, 4
# More ids than this in one address are not read at all: nobody picks them by hand.
COMPARE_READ_AT_MOST = 20


def duration(project):
    if project.end_year is None:
        return _("since %(year)s, still running") % {"year": project.start_year}
    years = project.end_year - project.start_year + 1
    return ngettext(
        "%(start)s–%(end)s (%(count)s year)", "%(start)s–%(end)s (%(count)s years)", years
    ) % {"start": project.start_year, "end": project.end_year, "count": years}


def plain(value):
    """A decimal without trailing zeros (30.00 → 30, 12.50 → 12.5), in the active language."""
    return number_format(value.normalize(), force_grouping=True)


def percent(value):
    return _("%(number)s%%") % {"number": plain(value)}


def result_line(result):
    before, after, unit = result["before"], result["after"], result["unit"]
    change = f"{plain(before)} → {plain(after)}" if before is not None else plain(after)
    return f"{result['indicator']}: {change} {unit}".strip()


def city_size(population):
    code = band_code(CITY_SIZE_BANDS, population)
    return next(band.label for band in CITY_SIZE_BANDS if band.code == code)


def compared_projects(index, chosen):
    """(projects, notices): 2–4 of `index`'s projects side by side with their facts as the table
    shows them, from the ids `chosen` in an address (`?p=12&p=15`); anything else is explained
    in a notice, never an error page."""
    asked = [whole_number(value, DATABASE_ID_MAX) for value in chosen[:COMPARE_READ_AT_MOST]]
    # Each project once, in the order chosen.
    ids = list(dict.fromkeys(pk for pk in asked if pk is not None))
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
            {"label": funding.get_source_display(), "share": percent(funding.share)}
            for funding in project.funding_sources.all()
        ]
        project.result_lines = [result_line(block.value) for block in project.results]
    return projects, notices
