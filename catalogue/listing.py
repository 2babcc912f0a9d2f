"""The catalogue's listing: faceted filters with counts, search, sorting and the budget chart.

The database does the work, so that a request costs the same few queries whatever the number of
projects and Python handles only what is shown: the filters are conditions on the projects'
queryset, the listed page of projects is a sorted slice of it, and the counts of every option and
the chart come from one query (`Tally`: a grouped count per facet, joined by UNION ALL). We chose
this over a cached index of every project: no invalidation to get wrong when a project, an area,
a topic or a view restriction changes, and each page of a burst of visitors stays as cheap as the
first.

Counts are disjunctive, as shoppers know them: an option's count is how many projects the
visitor would see after ticking it, given the other facets' choices (OR within a facet, AND
across facets). Titles sort by a stored key (`ProjectPage.title_sort_key`, core/collation.py)
compared code point by code point, so that Czech titles follow the Czech alphabet on SQLite and
PostgreSQL alike.
"""

import re
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Case, Count, Exists, F, FloatField, OuterRef, Q, Sum, Value, When
from django.db.models.functions import Cast, Collate, Round
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.collation import sort_key
from core.query_params import whole_number
from core.querysets import localized
from core.search import search

from .choices import BUDGET_BANDS, CITY_SIZE_BANDS, Country, FundingSource, ProjectStatus, Region
from .models.projects import ProjectFunding, ProjectPage
from .models.vocabulary import Area, Topic

PER_PAGE = 12
# Longer queries are cut: nobody types more, and the search engine need not read an essay.
SEARCH_MAX_LENGTH = 200
ProjectTopic = ProjectPage.topics.through


def _band_condition(field, band):
    condition = Q()
    if band.low is not None:
        condition &= Q(**{f"{field}__gte": band.low})
    if band.high is not None:
        condition &= Q(**{f"{field}__lt": band.high})
    return condition


def _band_case(field, bands):
    """The code of the band the project's `field` falls in, as an SQL expression."""
    return Case(*(When(_band_condition(field, band), then=Value(band.code)) for band in bands))


# Per facet: the field of a project it reads, or the bands of a number.
SINGLE_VALUED = {
    "area": "area__slug",
    "country": "country",
    "region": "region",
    "status": "status",
}
BANDS = {"size": ("population", CITY_SIZE_BANDS), "budget": ("budget_czk", BUDGET_BANDS)}
# Facets of which a project has several values, in a table of their own: the model, its link to
# the project and its code.
MULTI_VALUED = {
    "topic": (ProjectTopic, "projectpage", "topic__slug"),
    "funding": (ProjectFunding, "page", "source"),
}


def facet_condition(name, codes):
    """The projects that have one of `codes` in facet `name`."""
    if name in SINGLE_VALUED:
        return Q(**{f"{SINGLE_VALUED[name]}__in": codes})
    if name in BANDS:
        field, bands = BANDS[name]
        return reduce(or_, (_band_condition(field, band) for band in bands if band.code in codes))
    model, link, code = MULTI_VALUED[name]
    return Q(Exists(model.objects.filter(**{link: OuterRef("pk"), f"{code}__in": codes})))


def _title_order():
    # The key compares by code point: PostgreSQL's "C" collation; SQLite's default does so.
    if connection.vendor == "postgresql":
        return Collate("title_sort_key", "C")
    return F("title_sort_key")


def _cost_per_inhabitant():
    """budget.per_inhabitant in SQL: rounded half up to whole crowns (both databases' ROUND
    rounds halves away from zero, for numeric on PostgreSQL and real on SQLite, where a
    division of whole numbers would drop the fraction)."""
    if connection.vendor == "postgresql":
        return Round(F("budget_czk") / F("population"))
    return Round(Cast("budget_czk", FloatField()) / F("population"))


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
        self.area_by_slug = {
            source.slug: shown for source, shown in zip(source_areas, self.areas, strict=True)
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


def _orderings():
    """Each sort as the listed projects' ORDER BY (ties: the title, then the newer page)."""
    title = _title_order()
    return {
        "newest": [F("start_year").desc(), F("pk").desc()],
        "budget-desc": [F("budget_czk").desc(), title, F("pk").desc()],
        "budget-asc": [F("budget_czk"), title, F("pk").desc()],
        "cost-per-inhabitant": [_cost_per_inhabitant(), title, F("pk").desc()],
        "population": [F("population").desc(), title, F("pk").desc()],
        "title": [title, F("pk").desc()],
    }


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

        projects = index.projects()
        self.search_condition = Q()
        if self.words:
            # The site search's engine, so both find the same projects, ranked alike. Words
            # typed into the catalogue narrow it, as its filters do: every word must match.
            found = search(projects, self.words, index.locale.language_code, every_word=True)
            self.search_condition = Q(pk__in=found.values("pk"))
            self.listed = found.filter(self.condition(with_search=False))
        else:
            self.listed = projects.filter(self.condition())
        if self.sort != "relevance":
            self.listed = self.listed.order_by(*_orderings()[self.sort])
        self.tally = Tally(projects, self)
        self.count = self.tally.listed_count()

    def condition(self, except_facet=None, with_search=True):
        """The projects the visitor's choices leave, ignoring those of `except_facet`."""
        conditions = [
            facet_condition(name, codes)
            for name, codes in self.selected.items()
            if codes and name != except_facet
        ]
        if with_search:
            conditions.append(self.search_condition)
        return reduce(and_, conditions, Q())

    def ids(self):
        """The ids of every listed project, in the listing's order."""
        return list(self.listed.values_list("pk", flat=True))

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
            options = []
            for code, label in self.vocabulary.options[name]:
                selected = code in self.selected[name]
                row = self.tally.row(name, code)
                if row is None and not selected and name not in FACETS_WITH_EVERY_OPTION:
                    continue
                options.append(Option(code, str(label), row.pool_count if row else 0, selected))
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
        page_count = max(1, -(-self.count // PER_PAGE))
        number = whole_number(number, page_count) or 1
        start = (number - 1) * PER_PAGE
        return (
            number,
            page_count,
            list(self.listed.values_list("pk", flat=True)[start : start + PER_PAGE]),
        )

    def budget_chart(self):
        return BudgetChart(self)


@dataclass
class TallyRow:
    """One option of a facet: how many projects of the catalogue have it (`present`), how many
    the visitor would see by ticking it (`pool_count`), how many of the listed projects have it
    and the sum of their budgets."""

    facet: str
    code: str
    present: int
    pool_count: int
    listed: int
    amount: object  # Decimal, or None when no listed project has the option


class Tally:
    """The facets' counts and the chart's sums, in one query: per facet, the catalogue's projects
    (or their rows of topics or funding) grouped by the facet's code, counted under the facet's
    pool (the visitor's other choices) and under all of them; the groups joined by UNION ALL."""

    def __init__(self, projects, listing):
        listed = listing.condition()
        groups = [
            self._group(projects, name, listing.condition(except_facet=name), listed)
            for name in FACET_NAMES
        ]
        rows = groups[0].union(*groups[1:], all=True)
        self.rows = {(row["facet"], row["code"]): TallyRow(**row) for row in rows}

    @staticmethod
    def _group(projects, name, pool, listed):
        if name in MULTI_VALUED:
            model, link, code = MULTI_VALUED[name]
            project_ids = {
                "pool": Q(**{f"{link}__in": projects.filter(pool).values("pk")}),
                "listed": Q(**{f"{link}__in": projects.filter(listed).values("pk")}),
            }
            rows = model.objects.filter(**{f"{link}__in": projects.values("pk")})
            code_expression, project, budget = F(code), link, f"{link}__budget_czk"
            pool, listed = project_ids["pool"], project_ids["listed"]
        else:
            rows = projects
            if name in BANDS:
                code_expression = _band_case(*BANDS[name])
            else:
                code_expression = F(SINGLE_VALUED[name])
            project, budget = "pk", "budget_czk"
        return (
            rows.order_by()
            .values(facet=Value(name), code=code_expression)
            .annotate(
                present=Count(project, distinct=True),
                pool_count=Count(project, distinct=True, filter=pool),
                listed=Count(project, distinct=True, filter=listed),
                amount=Sum(budget, filter=listed),
            )
        )

    def row(self, facet, code):
        return self.rows.get((facet, code))

    def listed_count(self):
        # Every project has exactly one area.
        return sum(row.listed for (facet, _code), row in self.rows.items() if facet == "area")

    def amounts(self, facet):
        """{code: sum of the listed projects' budgets} of the options some listed project has."""
        return {
            code: row.amount
            for (name, code), row in self.rows.items()
            if name == facet and row.listed
        }


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
        by_area, by_topic = listing.tally.amounts("area"), listing.tally.amounts("topic")
        largest = max([*by_area.values(), *by_topic.values(), 0])
        self.groups = []
        for slug, area in vocabulary.area_by_slug.items():
            if slug not in by_area:
                continue
            topics = [
                {"label": topic.name, "amount": by_topic[topic.slug]}
                for topic in vocabulary.topics
                if topic.slug in by_topic and vocabulary.topic_area[topic.slug] == area.slug
            ]
            self.groups.append({"label": area.name, "amount": by_area[slug], "topics": topics})
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
