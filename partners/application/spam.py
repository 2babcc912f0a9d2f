"""Per-client rate limit for the application form.

The count is kept in the database (core/throttle.py), so it holds across app servers and keeps
working while the cache is down.
"""

from datetime import timedelta

from django.conf import settings

from core.throttle import Throttle, client_ip


def _throttle():
    # Built per call: tests and operators change the settings.
    return Throttle(
        scope="application-form",
        limit=settings.FORM_RATE_LIMIT_COUNT,
        window=timedelta(seconds=settings.FORM_RATE_LIMIT_WINDOW_SECONDS),
    )


def is_rate_limited(request):
    """True if this client has used up its submissions for the current window."""
    return _throttle().is_exhausted(client_ip(request))


def count_submission(request):
    """Count one submission from this client; return True if it is within the limit."""
    return _throttle().hit(client_ip(request))
