"""Query helpers for listings and translated pages that keep the query count flat."""

from django.conf import settings
from django.db.models import Exists, OuterRef
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


def without_view_restrictions(pages):
    """Pages outside private sections, in the same query.

    Wagtail's `public()` reads the restrictions in a query of its own; a correlated subquery
    (the page's path starts with the restricted page's path) keeps listings at one query.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.filter(~Exists(restricted))
