"""Counting attempts per client in a time window, in the database.

The application form and the password-reset view limit how often one client may try. The count
lives in the database, not the cache: every app server shares it (as it would share Redis), it
keeps working while Redis is down, and it costs one insert and one count per attempt, which is
nothing beside the request it guards. Only a hash of the client's identifier is stored.
Why not django-ratelimit: it counts in a cache, atomically only in Redis or Memcached, so its
limits would lapse whenever Redis is down (django-axes, which we use, counts only logins).
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from core.models import ThrottleHit


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or X-Forwarded-For behind trusted proxies.

    With TRUSTED_PROXY_COUNT = n, the n-th address from the right of X-Forwarded-For is the one
    our own outermost proxy saw; anything left of it the client could have made up.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class Throttle:
    """At most `limit` attempts per identifier (an address, a user name) within `window`."""

    scope: str
    limit: int
    window: timedelta

    def _key(self, identifier):
        return hashlib.sha256(f"{self.scope}\0{identifier}".encode()).hexdigest()

    def _recent(self, identifier):
        since = timezone.now() - self.window
        return ThrottleHit.objects.filter(key=self._key(identifier), created_at__gt=since)

    def is_exhausted(self, identifier):
        """True if this identifier has used up its attempts for the current window."""
        return self._recent(identifier).count() >= self.limit

    def hit(self, identifier):
        """Count one attempt; True if it is within the limit."""
        now = timezone.now()
        # Hits older than the window count for nothing: drop this scope's, so the table holds
        # at most one window of attempts.
        ThrottleHit.objects.filter(scope=self.scope, created_at__lte=now - self.window).delete()
        ThrottleHit.objects.create(scope=self.scope, key=self._key(identifier), created_at=now)
        return self._recent(identifier).count() <= self.limit
