"""A Redis cache that is an optimisation, never a dependency.

`ResilientRedisCache` is django-redis's backend with two guards, so that a Redis that is stopped,
refuses connections or accepts them and never answers costs a page nothing but its cache:

- short socket timeouts (connect and read), so one failed call costs a fraction of a second;
- a circuit breaker: after a failure every operation answers as a cache miss would, with no
  network call at all, until a cool-down has passed; then one call tries Redis again. Going down
  is logged once as a warning, coming back once as info — not once per request.

The breaker is shared by every backend instance of the process that talks to the same Redis
(Django makes one instance per thread), so a threaded server also tries once per cool-down.

Only Django's cache API is guarded (what Django, Wagtail and the project use); django-redis's
extras (locks, key scans, sets, hashes) still raise when Redis is unreachable.
Why not django-redis's own IGNORE_EXCEPTIONS: it turns errors into misses, but every call still
waits for its timeout while Redis hangs (a page makes several), and it has no cool-down.
"""

import logging
import socket
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 0.25
DEFAULT_COOL_DOWN_SECONDS = 30

# What an unreachable or misbehaving Redis raises through django-redis.
UNREACHABLE = (ConnectionInterrupted, RedisError, socket.timeout)


class CircuitBreaker:
    """Remembers that a server is down, and lets one call try it again per cool-down."""

    # The clock is an attribute so that tests can move time on instead of waiting for it.
    clock = staticmethod(time.monotonic)

    def __init__(self, name, cool_down):
        self.name = name
        self.cool_down = cool_down
        self.is_down = False
        self._retry_at = 0.0
        self._lock = threading.Lock()

    def allows_call(self):
        if not self.is_down:
            return True
        with self._lock:
            now = self.clock()
            if now < self._retry_at:
                return False
            # This caller tries the server; everyone else keeps failing fast meanwhile.
            self._retry_at = now + self.cool_down
            return True

    def record_failure(self, error):
        with self._lock:
            self._retry_at = self.clock() + self.cool_down
            if self.is_down:
                return
            self.is_down = True
        logger.warning(
            "Cache %s is unreachable (%s: %s); serving without it, next try in %s s",
            self.name,
            type(error).__name__,
            error,
            self.cool_down,
        )

    def record_success(self):
        if not self.is_down:
            return
        with self._lock:
            if not self.is_down:
                return
            self.is_down = False
        logger.info("Cache %s is reachable again", self.name)


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location, cool_down):
    """The process's one breaker for this Redis location."""
    with _breakers_lock:
        breaker = _breakers.setdefault(location, CircuitBreaker(location, cool_down))
        breaker.cool_down = cool_down
        return breaker


def _redacted(location):
    """The location without a password (redis://:secret@host/0 -> redis://***@host/0)."""
    scheme, _, rest = location.rpartition("://")
    credentials, at, host = rest.rpartition("@")
    return f"{scheme}://***@{host}" if at else location


class ResilientRedisCache(RedisCache):
    """django-redis with short timeouts and a circuit breaker; see the module docstring.

    OPTIONS: SOCKET_CONNECT_TIMEOUT and SOCKET_TIMEOUT (seconds, default 0.25 each) and
    COOL_DOWN_SECONDS (default 30), besides django-redis's own.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        cool_down = options.pop("COOL_DOWN_SECONDS", DEFAULT_COOL_DOWN_SECONDS)
        options.setdefault("SOCKET_CONNECT_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)
        options.setdefault("SOCKET_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})
        # Failures must reach the breaker, not be swallowed (or logged per call) by django-redis.
        self._ignore_exceptions = False
        self.breaker = breaker_for(_redacted(str(server)), cool_down)

    def _call(self, operation, *args, miss, **kwargs):
        """operation(*args, **kwargs), or `miss` (returned, or raised if an exception) when
        Redis is down or fails now."""
        if self.breaker.allows_call():
            try:
                result = operation(*args, **kwargs)
            except UNREACHABLE as error:
                self.breaker.record_failure(error)
            else:
                self.breaker.record_success()
                return result
        if isinstance(miss, Exception):
            raise miss
        return miss

    def is_reachable(self):
        """A real round trip (PING) within the socket timeout, whatever the breaker says.

        For the health check: its answer also closes or opens the breaker.
        """
        try:
            self.client.get_client(write=True).ping()
        except UNREACHABLE as error:
            self.breaker.record_failure(error)
            return False
        self.breaker.record_success()
        return True

    # Django's cache API. Each answers what a cache without the key would.

    def get(self, key, default=None, version=None, client=None):
        return self._call(super().get, key, default, version, client, miss=default)

    def get_many(self, *args, **kwargs):
        return self._call(super().get_many, *args, miss={}, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call(super().has_key, *args, miss=False, **kwargs)

    def set(self, *args, **kwargs):
        return self._call(super().set, *args, miss=False, **kwargs)

    def add(self, *args, **kwargs):
        return self._call(super().add, *args, miss=False, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call(super().touch, *args, miss=False, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call(super().delete, *args, miss=False, **kwargs)

    def set_many(self, data, *args, **kwargs):
        # Django's contract: the keys that could not be stored.
        return self._call(super().set_many, data, *args, miss=list(data), **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call(super().delete_many, *args, miss=None, **kwargs)

    def clear(self):
        return self._call(super().clear, miss=False)

    def incr(self, key, *args, **kwargs):
        return self._call(super().incr, key, *args, miss=_missing(key), **kwargs)

    def decr(self, key, *args, **kwargs):
        return self._call(super().decr, key, *args, miss=_missing(key), **kwargs)

    def incr_version(self, key, *args, **kwargs):
        return self._call(super().incr_version, key, *args, miss=_missing(key), **kwargs)


def _missing(key):
    # What Django's backends raise for incr/decr/incr_version of a key they do not have.
    return ValueError(f"Key '{key}' not found")
