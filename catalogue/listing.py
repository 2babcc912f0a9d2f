"""The catalogue's listing: faceted filters with counts, search, sorting and the budget chart.

Every live project of a catalogue is read once as a light row (codes and numbers, no text
bodies): three queries whatever the number of projects. Filtering, the counts of every option
and the chart are computed from those rows, so they always agree with each other; only the
projects shown on the current page are then loaded as pages.

Counts are disjunctive, as shoppers know them: an option's count is how many projects the
visitor would see after ticking it, given the other facets' choices (OR within a facet, AND
across facets).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.collation import sort_key
from core.query_params import whole_number
from core.querysets import localized
from core.search import search

from .budget import per_inhabitant
from .choices import BUDGET_BANDS, CITY_SIZE_BANDS, Country, FundingSource, ProjectStatus, Region
from .models.projects import ProjectFunding, ProjectPage
from .models.vocabulary import Area, Topic

PER_PAGE = 12
# Longer queries are cut: nobody types more, and the search engine need not read an essay.
SEARCH_MAX_LENGTH = 200


def band_code(bands, value):
    return next((band.code for band in bands if band.contains(value)), None)


@dataclass
class ProjectRow:
    """What filtering, counting, sorting and charting need of one project."""

    pk: int
    title: str
    area_id: int
    start_year: int
    population: int
    budget_czk: Decimal
    codes: dict = field(default_factory=dict)  # facet name -> frozenset of codes

    @property
    def cost_per_inhabitant(self):
        return per_inhabitant(self.budget_czk, self.population)


def load_rows(projects):
    """The light rows of `projects` (a queryset of ProjectPage): three queries."""
    ids = projects.values("pk")
    topics, funding = {}, {}
    for page_id, slug in ProjectPage.topics.through.objects.filter(projectpage__in=ids).values_list(
        "projectpage_id", "topic__slug"
    ):
        topics.setdefault(page_id, set()).add(slug)
    for page_id, source in ProjectFunding.objects.filter(page__in=ids).values_list(
        "page_id", "source"
    ):
        funding.setdefault(page_id, set()).add(source)
    rows = []
    for values in projects.values(
        "pk",
        "title",
        "area_id",
        "area__slug",
        "country",
        "region",
        "population",
        "budget_czk",
        "status",
        "start_year",
    ):
        row = ProjectRow(
            pk=values["pk"],
            title=values["title"],
            area_id=values["area_id"],
            start_year=values["start_year"],
            population=values["population"],
            budget_czk=values["budget_czk"],
        )
        single = {
            "area": values["area__slug"],
            "country": values["country"],
            "region": values["region"],
            "size": band_code(CITY_SIZE_BANDS, values["population"]),
            "budget": band_code(BUDGET_BANDS, values["budget_czk"]),
            "status": values["status"],
        }
        row.codes = {name: frozenset([code] if code else []) for name, code in single.items()}
        row.codes["topic"] = frozenset(topics.get(row.pk, ()))
        row.codes["funding"] = frozenset(funding.get(row.pk, ()))
        rows.append(row)
    return rows


class Vocabulary:
    """The options of every facet, labelled in the active language, in display order.

    Areas and topics are the source-language snippets the pages point at, shown through their
    translations in the catalogue's locale (a query for each kind in English, none in Czech).
    """

    def __init__(self, locale_id):
        source_areas = list(Area.objects.in_source_language())
        source_topics = list(Topic.objects.in_source_language().select_related("area"))
        self.areas = localized(source_areas, locale_id) if source_areas else []
        self.area_by_id = {
            source.pk: shown for source, shown in zip(source_areas, self.areas, strict=True)
        }
        topics = localized(source_topics, locale_id) if source_topics else []
        self.topic_area = {topic.slug: topic.area.slug for topic in source_topics}
        self.topics = topics
        self.options = {
            "area": [(area.slug, area.name) for area in self.areas],
            "topic": [(topic.slug, topic.name) for topic in topics],
            "country": [(Country.CZ.value, Country.CZ.label)]
            + sorted(
                ((c.value, c.label) for c in Country if c != Country.CZ),
                key=lambda option: sort_key(str(option[1])),
            ),
            "region": [(r.value, r.label) for r in Region],
            "size": [(band.code, band.label) for band in CITY_SIZE_BANDS],
            "budget": [(band.code, band.label) for band in BUDGET_BANDS],
            "funding": [(f.value, f.label) for f in FundingSource],
            "status": [(s.value, s.label) for s in ProjectStatus],
        }

    def label(self, facet, code):
        return dict(self.options[facet]).get(code, code)


FACETS = (
    ("area", _("Area")),
    ("topic", _("Topic")),
    ("country", _("Country")),
    ("region", _("Region")),
    ("size", _("City size")),
    ("budget", _("Budget")),
    ("funding", _("Funding")),
    ("status", _("Status")),
)
FACET_NAMES = [name for name, _legend in FACETS]
# Facets that are scales list every band, an empty one with 0 (greyed out): a visitor from a
# village learns that nothing of its size is in the catalogue yet, not that the size is unknown.
FACETS_WITH_EVERY_OPTION = {"size", "budget"}


SORTS = {
    "relevance": _("Best match"),
    "newest": _("Newest first"),
    "budget-desc": _("Budget: highest first"),
    "budget-asc": _("Budget: lowest first"),
    "cost-per-inhabitant": _("Cost per inhabitant: lowest first"),
    "population": _("Population: largest first"),
    "title": _("Title (A–Z)"),
}


def sort_rows(rows, sort, czech, relevance=None):
    def by_title(row):
        return sort_key(row.title, czech)

    keys = {
        "relevance": lambda row: (relevance.get(row.pk, len(relevance)), by_title(row)),
        "newest": lambda row: (-row.start_year, -row.pk),
        "budget-desc": lambda row: (-row.budget_czk, by_title(row)),
        "budget-asc": lambda row: (row.budget_czk, by_title(row)),
        "cost-per-inhabitant": lambda row: (row.cost_per_inhabitant, by_title(row)),
        "population": lambda row: (-row.population, by_title(row)),
        "title": by_title,
    }
    return sorted(rows, key=keys[sort])


@dataclass
class Option:
    code: str
    label: str
    count: int
    selected: bool

    @property
    def disabled(self):
        # A chosen option stays usable, so that it can be unticked even when nothing matches.
        return self.count == 0 and not self.selected


@dataclass
class Facet:
    name: str
    legend: str
    options: list


@dataclass
class Chip:
    """A chosen filter (or the search) and the address without it."""

    label: str
    value: str
    remove_url: str


def search_words(text):
    """The words of a query, without the operators and quotes a search engine would parse."""
    return " ".join(re.findall(r"\w+", text))


class CatalogueListing:
    """One request's view of the catalogue: what was asked, what matches, and the facets."""

    def __init__(self, index, params):
        self.index = index
        self.vocabulary = Vocabulary(index.locale_id)
        self.czech = index.locale.language_code == "cs"
        self.query = " ".join(params.get("q", "").split())[:SEARCH_MAX_LENGTH].strip()
        self.ignored = []  # (facet legend, code) the catalogue does not know
        self.selected = {}
        for name, legend in FACETS:
            known = dict(self.vocabulary.options[name])
            codes = []
            for code in params.getlist(name):
                if code in known:
                    if code not in codes:
                        codes.append(code)
                elif code:
                    self.ignored.append((legend, code))
            self.selected[name] = codes
        self.words = search_words(self.query)
        default_sort = "relevance" if self.words else "newest"
        sort = params.get("sort", default_sort)
        self.sort = sort if sort in SORTS and (sort != "relevance" or self.words) else default_sort
        self.sort_options = [
            (code, label) for code, label in SORTS.items() if code != "relevance" or self.words
        ]

        self.all_rows = load_rows(index.projects())
        self.relevance = None
        if self.words:
            # The site search's engine, so both find the same projects. The backend reads plain
            # filters only; the view restrictions are already applied to the rows this is
            # intersected with.
            # Words typed into the catalogue narrow it, as its filters do: every word must match.
            found = search(
                ProjectPage.objects.child_of(index).live().defer_streamfields(),
                self.words,
                index.locale.language_code,
                every_word=True,
            )
            self.relevance = {page.pk: rank for rank, page in enumerate(found)}
        self.rows = sort_rows(
            [row for row in self.all_rows if self._matches(row)],
            self.sort,
            self.czech,
            self.relevance,
        )

    def _matches(self, row, except_facet=None):
        if self.relevance is not None and row.pk not in self.relevance:
            return False
        return all(
            not codes or row.codes[name] & set(codes)
            for name, codes in self.selected.items()
            if name != except_facet
        )

    # What the page shows

    @property
    def filter_value_count(self):
        return sum(len(codes) for codes in self.selected.values())

    @property
    def is_filtered(self):
        return bool(self.filter_value_count or self.words)

    def facets(self):
        """Every facet with the options some project of the catalogue has, or that is chosen;
        the scales (FACETS_WITH_EVERY_OPTION) with all their bands."""
        facets = []
        for name, legend in FACETS:
            pool = [row for row in self.all_rows if self._matches(row, except_facet=name)]
            present = set().union(*(row.codes[name] for row in self.all_rows))
            options = []
            for code, label in self.vocabulary.options[name]:
                selected = code in self.selected[name]
                if code not in present and not selected and name not in FACETS_WITH_EVERY_OPTION:
                    continue
                count = sum(1 for row in pool if code in row.codes[name])
                options.append(Option(code, str(label), count, selected))
            if options:
                facets.append(Facet(name, legend, options))
        return facets

    def params(self, without=None, sort=True, page=None):
        """The query string pairs of this listing; `without` is a (facet, code) to drop."""
        pairs = [
            (name, code)
            for name in FACET_NAMES
            for code in self.selected[name]
            if (name, code) != without
        ]
        if self.query and without != ("q", self.query):
            pairs.append(("q", self.query))
        default_sort = "relevance" if self.words else "newest"
        if sort and self.sort != default_sort:
            pairs.append(("sort", self.sort))
        if page and page > 1:
            pairs.append(("page", page))
        return pairs

    def query_string(self, **kwargs):
        pairs = self.params(**kwargs)
        return "?" + urlencode(pairs) if pairs else ""

    def chips(self):
        chips = [
            Chip(
                str(legend),
                str(self.vocabulary.label(name, code)),
                self.query_string(without=(name, code)),
            )
            for name, legend in FACETS
            for code in self.selected[name]
        ]
        if self.query:
            chips.append(
                Chip(
                    str(pgettext_lazy("a removable filter chip", "Search")),
                    self.query,
                    self.query_string(without=("q", self.query)),
                )
            )
        return chips

    def page_of_ids(self, number):
        """The projects on page `number` (out of range or not a number: the nearest page)."""
        page_count = max(1, -(-len(self.rows) // PER_PAGE))
        number = whole_number(number, page_count) or 1
        start = (number - 1) * PER_PAGE
        return number, page_count, [row.pk for row in self.rows[start : start + PER_PAGE]]

    def budget_chart(self):
        return BudgetChart(self)


class BudgetChart:
    """The sum of the budgets in CZK per area, and per topic within it, of the listed projects.

    A project with several topics counts under each of them, so topics may add up to more
    than their area. The geometry is computed here so that the template only draws it.
    """

    WIDTH = 440
    INDENT = 20
    AREA_ROW = 46
    TOPIC_ROW = 38

    def __init__(self, listing):
        vocabulary = listing.vocabulary
        by_area, by_topic = {}, {}
        for row in listing.rows:
            by_area[row.area_id] = by_area.get(row.area_id, 0) + row.budget_czk
            for slug in row.codes["topic"]:
                by_topic[slug] = by_topic.get(slug, 0) + row.budget_czk
        largest = max([*by_area.values(), *by_topic.values(), 0])
        self.groups = []
        for source_id, area in vocabulary.area_by_id.items():
            if source_id not in by_area:
                continue
            topics = [
                {"label": topic.name, "amount": by_topic[topic.slug]}
                for topic in vocabulary.topics
                if topic.slug in by_topic and vocabulary.topic_area[topic.slug] == area.slug
            ]
            self.groups.append({"label": area.name, "amount": by_area[source_id], "topics": topics})
        self.bars = []
        y = 0
        for group in self.groups:
            for level, item in [(0, group), *((1, topic) for topic in group["topics"])]:
                indent = self.INDENT * level
                span = self.WIDTH - indent
                self.bars.append(
                    {
                        "level": level,
                        "label": item["label"],
                        "amount": item["amount"],
                        "x": indent,
                        "text_y": y + 16,
                        "bar_y": y + 22,
                        "bar_height": 14 if level == 0 else 10,
                        # A sliver for the smallest amounts, so that every bar is seen.
                        "bar_width": max(2, round(span * item["amount"] / largest))
                        if largest
                        else 2,
                    }
                )
                y += self.AREA_ROW if level == 0 else self.TOPIC_ROW
        self.height = y
