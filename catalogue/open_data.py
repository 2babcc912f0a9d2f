"""The catalogue as open data: CSV and JSON of the projects a visitor has filtered to, and the
same projects as a spreadsheet an official opens (XLSX).

The field names are a promise to whoever builds on the data: they are listed, with what they
mean, on the catalogue page (FIELDS), and never renamed. Codes are language-neutral (the same
in the Czech and the English catalogue); titles and cities are in the catalogue's language.
The spreadsheet has the same fields in the same order, headed in the visitor's language, with
each code's label in that language beside it ("Zlínský kraj" beside CZ072).
"""

import csv
import datetime
import io
import json
from decimal import Decimal

from django.http import HttpResponse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import as_spreadsheet_text, xlsx_workbook

from .choices import ProcedureType
from .listing import CatalogueListing
from .models.projects import ProjectPage
from .templatetags.catalogue_tags import percent

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FIELDS = (
    ("slug", _("the project's address within the catalogue")),
    ("url", _("the project's page")),
    ("title", _("the project's name, in the catalogue's language")),
    ("city", _("the city or town")),
    ("country", _("country, ISO 3166-1 code (CZ, AT, …)")),
    ("region", _("Czech region, NUTS 3 code (CZ064, …); empty abroad")),
    ("population", _("the town's population")),
    ("area", _("working-group area code (transport, energy, ict, governance)")),
    ("topics", _("topic codes (parking, traffic-flow, …); in CSV separated by “;”")),
    ("status", _("planned, in_progress, completed or in_operation")),
    ("start_year", _("the year the project started")),
    ("end_year", _("the year it ended; empty while it runs")),
    ("budget_amount", _("the budget in its own currency")),
    ("budget_currency", _("CZK or EUR")),
    ("budget_czk", _("the budget in Czech crowns")),
    ("exchange_rate", _("CZK per unit of the currency (1 for CZK)")),
    ("exchange_rate_date", _("the date of the exchange rate, YYYY-MM-DD")),
    ("cost_per_inhabitant", _("budget_czk divided by population, whole crowns")),
    (
        "funding",
        _(
            "funding sources (own_budget, eu_operational, national, private) with their share "
            "in per cent; in CSV as source:share separated by “;”"
        ),
    ),
    ("procedure_type", _("the public procurement procedure, code")),
    ("cpv_code", _("the contract's CPV code")),
    ("contract_value_czk", _("the contract's value in Czech crowns")),
    ("is_sample", _("true for sample projects made up for the demo")),
)
FIELD_NAMES = [name for name, _meaning in FIELDS]
# Fields whose value is a list (a JSON array; one text in CSV and XLSX).
LIST_FIELDS = ("topics", "funding")


def plain_number(value):
    """A Decimal as a JSON number: whole numbers as integers."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def records(index, request, listing=None):
    """The filtered, sorted projects as dicts with FIELD_NAMES (Python values)."""
    if listing is None:
        listing = CatalogueListing(index, request.GET)
    order = listing.ids()
    pages = {
        page.pk: page
        for page in index.projects()
        .filter(pk__in=order)
        .defer_streamfields()
        .select_related("area")
        .prefetch_related("topics", "funding_sources")
    }
    for pk in order:
        page = pages[pk]
        yield {
            "slug": page.slug,
            "url": page.get_full_url(request),
            "title": page.title,
            "city": page.city,
            "country": page.country,
            "region": page.region or None,
            "population": page.population,
            "area": page.area.slug,
            "topics": sorted(topic.slug for topic in page.topics.all()),
            "status": page.status,
            "start_year": page.start_year,
            "end_year": page.end_year,
            "budget_amount": plain_number(page.budget_amount),
            "budget_currency": page.budget_currency,
            "budget_czk": plain_number(page.budget_czk),
            "exchange_rate": plain_number(page.exchange_rate),
            "exchange_rate_date": page.exchange_rate_date.isoformat()
            if page.exchange_rate_date
            else None,
            "cost_per_inhabitant": plain_number(page.cost_per_inhabitant),
            "funding": [
                {"source": funding.source, "share": plain_number(funding.share)}
                for funding in page.funding_sources.all()
            ],
            "procedure_type": page.procedure_type or None,
            "cpv_code": page.cpv_code or None,
            "contract_value_czk": plain_number(page.contract_value_czk),
            "is_sample": page.is_sample,
        }


def joined_codes(name, value):
    """A list field as one text: "parking;traffic-flow", "own_budget:30;eu_operational:70"."""
    if name == "topics":
        return ";".join(value)
    return ";".join(f"{item['source']}:{item['share']}" for item in value)


def csv_cell(name, value):
    if name in LIST_FIELDS:
        value = joined_codes(name, value)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    return as_spreadsheet_text(value)


def csv_response(index, request):
    out = io.StringIO()
    # A byte order mark makes spreadsheet programs read the UTF-8 (Czech diacritics) right.
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(FIELD_NAMES)
    for record in records(index, request):
        writer.writerow([csv_cell(name, record[name]) for name in FIELD_NAMES])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{index.slug}.csv"'
    return response


def json_response(index, request):
    projects = list(records(index, request))
    data = {
        "catalogue": index.get_full_url(request),
        "language": index.locale.language_code,
        "count": len(projects),
        "projects": projects,
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{index.slug}.json"'
    return response


# The spreadsheet's headers of the fields that are not the project model's own.
SPREADSHEET_HEADERS = {
    "slug": _("Address in the catalogue"),
    "url": _("Web page"),
    "title": _("Project"),
    "cost_per_inhabitant": _("Cost per inhabitant (CZK)"),
    "funding": _("Funding"),
    "is_sample": _("Sample project"),
}


def spreadsheet_header(name):
    if name in SPREADSHEET_HEADERS:
        return str(SPREADSHEET_HEADERS[name])
    return capfirst(str(ProjectPage._meta.get_field(name).verbose_name))


def code_labels(vocabulary):
    """For each field that holds codes, its value as a person reads it, in the active language."""

    def funding(items):
        return "; ".join(
            f"{vocabulary.label('funding', item['source'])} {percent(item['share'])}"
            for item in items
        )

    return {
        "country": lambda code: vocabulary.label("country", code),
        "region": lambda code: vocabulary.label("region", code),
        "area": lambda code: vocabulary.label("area", code),
        "topics": lambda codes: "; ".join(vocabulary.label("topic", code) for code in codes),
        "status": lambda code: vocabulary.label("status", code),
        "funding": funding,
        "procedure_type": lambda code: ProcedureType(code).label,
    }


def spreadsheet_value(name, value):
    """A cell's value: numbers stay numbers and the date a date, for sorting and sums."""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if name == "exchange_rate_date" and value:
        return datetime.date.fromisoformat(value)
    if name in LIST_FIELDS:
        return joined_codes(name, value) or None
    return value


def spreadsheet(records, vocabulary):
    """(headers, rows): the fields of FIELD_NAMES in their order, each code (the CSV's) followed
    by a column with its label."""
    labels = code_labels(vocabulary)
    headers = []
    for name in FIELD_NAMES:
        header = spreadsheet_header(name)
        if name in LIST_FIELDS:
            headers += [gettext("%(field)s (codes)") % {"field": header}, header]
        elif name in labels:
            headers += [gettext("%(field)s (code)") % {"field": header}, header]
        else:
            headers.append(header)
    rows = []
    for record in records:
        row = []
        for name in FIELD_NAMES:
            value = record[name]
            row.append(spreadsheet_value(name, value))
            if name in labels:
                row.append(str(labels[name](value)) if value else None)
        rows.append(row)
    return headers, rows


def xlsx_response(index, request):
    listing = CatalogueListing(index, request.GET)
    headers, rows = spreadsheet(records(index, request, listing), listing.vocabulary)
    response = HttpResponse(
        xlsx_workbook(index.title, headers, rows), content_type=XLSX_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{index.slug}.xlsx"'
    return response


def data_urls(index, request, listing):
    """The open-data addresses for what the listing shows (filters, search and order)."""
    base = index.get_full_url(request)
    query = listing.query_string()
    return {
        "csv": base + index.reverse_subpage("data_csv") + query,
        "json": base + index.reverse_subpage("data_json") + query,
        "xlsx": base + index.reverse_subpage("data_xlsx") + query,
        "fields": FIELDS,
    }
