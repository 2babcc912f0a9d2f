"""A request looks each language's Locale up once, not once for every link it makes.

Wagtail finds the active language's Locale with a query each time it is asked
(`Locale.get_active` → `LocaleManager.get_for_language`, wagtail/models/i18n.py): for the menu,
the footer's links (`page.localized`), the language switcher and Wagtail's own routing. A page
asked five or six times, a fifth of its queries (measured with `make bench`: 6 of the home
page's 25). Here the answer is kept for the rest of the request: from Django's request_started
to request_finished, in a context variable, so nothing outlives the request and a locale added
or removed is seen by the next one. Outside a request (commands, the shell) every call queries,
as before. A language with no Locale is not kept: the next call asks the database again.

Upstream: Wagtail offers no setting or hook to cache locale lookups.
"""

import contextvars
import functools

from django.core.signals import request_finished, request_started
from wagtail.models.i18n import LocaleManager

WRITTEN_FOR = {"wagtail": "7.4"}
RELIES_ON = {
    "wagtail.models.i18n.LocaleManager.get_for_language": "18f837c7d750cfe4",
    "wagtail.models.i18n.Locale.get_active": "099c144b1ba01289",
}

# {language code: Locale} of the request being answered; None outside a request.
_request_locales = contextvars.ContextVar("request_locales", default=None)


def remembered_per_request(get_for_language):
    @functools.wraps(get_for_language)
    def get(manager, language_code):
        found = _request_locales.get()
        if found is None:
            return get_for_language(manager, language_code)
        if language_code not in found:
            found[language_code] = get_for_language(manager, language_code)
        return found[language_code]

    return get


def start_request(**kwargs):
    _request_locales.set({})


def finish_request(**kwargs):
    _request_locales.set(None)


def apply():
    LocaleManager.get_for_language = remembered_per_request(LocaleManager.get_for_language)
    request_started.connect(start_request, dispatch_uid="core.patches.request_locales.start")
    request_finished.connect(finish_request, dispatch_uid="core.patches.request_locales.finish")
