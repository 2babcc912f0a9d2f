"""Per-client rate limit for the application form, kept in the shared cache.

With REDIS_URL set every app server counts in the same Redis, so the limit holds across them.
"""

from django.conf import settings
from django.core.cache import cache

_KEY = "partners:form-submissions:{ip}"


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies.

    With FORM_TRUSTED_PROXY_COUNT = n, the n-th address from the right of X-Forwarded-For is
    the one our own outermost proxy saw; anything left of it the client could have made up.
    """
    proxies = settings.FORM_TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(request):
    return _KEY.format(ip=client_ip(request))


def is_rate_limited(request):
    """True if this client has used up its submissions for the current window."""
    return (cache.get(_key(request)) or 0) >= settings.FORM_RATE_LIMIT_COUNT


def count_submission(request):
    """Count one submission from this client; return True if it is within the limit."""
    key = _key(request)
    # add() starts the window only if no count exists; incr() is atomic in Redis and locmem.
    cache.add(key, 0, timeout=settings.FORM_RATE_LIMIT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window expired between add() and incr(): this is the first of a new one.
        cache.set(key, 1, timeout=settings.FORM_RATE_LIMIT_WINDOW_SECONDS)
        count = 1
    return count <= settings.FORM_RATE_LIMIT_COUNT
