"""Czech "… ago" in the admin: "před 10 lety", "před minutou", not "Před 10 let", "Před 1 minuta".

Wagtail puts Django's `timesince` ("10 let", "1 minuta": the nominative) into "%(time_period)s
ago" (wagtailadmin_tags.timesince_simple and timesince_last_update), but Czech "před" takes the
instrumental case. Here those two tags get the period from this module's `timesince`, whose
units have their own msgids (context "time ago"), so the project's catalogue gives "lety",
"minutou"; English reads as before. Less than a minute stays Django's "0 minutes", which Wagtail
turns into "just now".

Upstream: no issue found; Wagtail's tags take no unit texts, and Django's TIME_STRINGS have no
context to translate them by case.
"""

from django.utils import timesince as django_timesince
from django.utils.html import avoid_wrapping
from django.utils.translation import gettext, npgettext_lazy
from wagtail.admin.templatetags import wagtailadmin_tags

WRITTEN_FOR = {"wagtail": "7.4"}
RELIES_ON = {
    "wagtail.admin.templatetags.wagtailadmin_tags.timesince_simple": "795a85b59b4cb04c",
    "wagtail.admin.templatetags.wagtailadmin_tags.timesince_last_update": "bed4a07e2602aac6",
}

AGO_TIME_STRINGS = {
    "year": npgettext_lazy("time ago", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("time ago", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("time ago", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("time ago", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("time ago", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("time ago", "%(num)d minute", "%(num)d minutes", "num"),
}


def timesince_ago(d, now=None, **kwargs):
    """Django's timesince with the units as they read after "ago"."""
    period = django_timesince.timesince(d, now=now, **kwargs)
    if period == avoid_wrapping(gettext("0 minutes")):
        return period
    return django_timesince.timesince(d, now=now, time_strings=AGO_TIME_STRINGS, **kwargs)


def apply():
    wagtailadmin_tags.timesince = timesince_ago
