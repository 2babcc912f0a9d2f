"""The latest press releases for the home page."""

from django import template
from django.utils import translation

from core.querysets import without_view_restrictions
from press.models import PressIndexPage, PressReleasePage

register = template.Library()


@register.simple_tag
def latest_press_releases(count=3):
    """The newest live releases in the active language, in one query."""
    releases = PressReleasePage.objects.live().filter(
        locale__language_code=translation.get_language()
    )
    return list(
        without_view_restrictions(releases)
        .defer_streamfields()
        .order_by("-release_date", "-pk")[:count]
    )


@register.simple_tag
def press_index():
    """The live press index in the active language, or None."""
    return (
        PressIndexPage.objects.live()
        .filter(locale__language_code=translation.get_language())
        .first()
    )
