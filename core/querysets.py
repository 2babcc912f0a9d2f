"""Query helpers for listings and translated pages that keep the query count flat."""

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Exists, Expression, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def in_source_language():
    """The source-language (Czech) snippets, the ones pages and settings point at: a filter, and
    a model field's `limit_choices_to`."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


def localized(objects, locale_id, queryset=None):
    """`objects` in the given locale where a translation exists, the originals otherwise.

    wagtail-localize copies a translated page's orderables as they are, so their foreign keys
    still point at the source-language snippets; this swaps them in one query for the lot.
    """
    objects = list(objects)
    if all(obj.locale_id == locale_id for obj in objects):
        return objects
    if queryset is None:
        queryset = type(objects[0])._default_manager.all()
    translations = {
        obj.translation_key: obj
        for obj in queryset.filter(
            locale_id=locale_id, translation_key__in={obj.translation_key for obj in objects}
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


class _UnderRestrictedPath(Expression):
    """PostgreSQL: the page's path starts with a restricted page's path. The restricted paths
    are one uncorrelated subquery (an InitPlan, run once per query) and each page is matched
    against that short list, so the planner has no join to choose per page: with stale
    statistics it had looped over every page for each page (1.1 s at 2,000 releases)."""

    output_field = BooleanField()

    def __init__(self, path):
        super().__init__()
        self.path = path

    def get_source_expressions(self):
        return [self.path]

    def set_source_expressions(self, expressions):
        (self.path,) = expressions

    def as_sql(self, compiler, connection):
        path_sql, params = compiler.compile(self.path)
        restricted_paths = (
            "SELECT restricted.path || '%%' FROM wagtailcore_pageviewrestriction restriction"
            " JOIN wagtailcore_page restricted ON restricted.id = restriction.page_id"
        )
        return f"{path_sql} LIKE ANY(ARRAY({restricted_paths}))", params


def without_view_restrictions(pages):
    """Pages outside private sections, in the same query.

    Wagtail's `public()` reads the restrictions in a query of its own; a subquery keeps
    listings at one query. SQLite's planner walks the few restrictions for each page.
    """
    if connection.vendor == "postgresql":
        return pages.filter(~Q(_UnderRestrictedPath(F("path"))))
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.filter(~Exists(restricted))
