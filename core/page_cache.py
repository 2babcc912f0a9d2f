"""The full-page cache for anonymous visitors, and the HTTP caching headers of every response.

Every app server shares the cache through Django's default cache (Redis when REDIS_URL is set,
core/cache.py). A page is kept under its scheme, host, path, query string and language, and under
the site's current *generation*: any change a visitor could see (a page published, unpublished,
moved or deleted; a live page saved; a view restriction, a snippet, a setting, an image, a
document or a site changed) replaces the generation, at once and again once the change is
committed, so every cached page of both languages — the indexes, feeds, home page, catalogue,
search, exports and sitemap included — is rendered anew on its next request; so are the values
that list many pages (`cached`: the press archive's years, the sitemap's documents). An editor's
draft or lock changes nothing a visitor sees and keeps the cache. Old entries are never read
again and expire after PAGE_CACHE_SECONDS. Knowing which
pages show which snippet would save a few renders after an edit and cost a dependency graph that
is wrong the first time a template reads something new; a site edited a few times a day does not
need it.

Kept and served only for a GET (HEAD is answered from it too) of a 200 response that sets no
cookie and that no view marked private or no-cache, to a request without the session or messages
cookie (a signed-in editor or partner, a password-protected page's visitor, a pending message),
and never for Wagtail's preview, which runs its draft through this middleware under the public
page's address. A response that carries a CSRF token sets the CSRF cookie, so it is never kept:
the application form page marks itself never-cache and renders a fresh token every time.

The headers, whether or not the server-side cache is on: such a public page says
`Cache-Control: public, max-age=…, s-maxage=…` and `Last-Modified`; Django's ConditionalGet
middleware adds the ETag and answers a revalidation with 304. A personal response (a cookie
sent or set, or not a GET) says `private, no-cache` unless its view said otherwise.
With Redis down every read is a miss (core.cache): pages render uncached, as they did before.

Why not wagtail-cache: it tracks the cached URLs in one "keyring" value that every miss reads and
writes back whole (app servers overwrite each other's entries, and it grows with every URL and
variant), clears the whole cache backend — rate limits and Wagtail's own entries included — to
forget every page, and caches 404s and redirects. Why not Django's cache middleware: its key
prefix is fixed when the process starts (no invalidation short of waiting for the timeout),
its entries vary on the whole Cookie header, and its browser max-age is the server's timeout.
Both lean on the same Django helpers used here.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import get_language_from_request
from wagtail.contrib.settings.registry import registry as setting_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

GENERATION_KEY = "page-cache:generation"
# How long a value of `cached` is kept when the page cache itself is off (dev, tests).
DEFAULT_VALUE_SECONDS = 300
# What Wagtail saves on a page when an editor saves a draft or locks it: no visitor sees it.
DRAFT_FIELDS = {
    COMMENTS_RELATION_NAME,
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}
# What a personal request carries: the session (signed-in people, password-protected pages)
# and Django's message cookie (a message waiting to be shown once).
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def current_generation():
    """The site's generation, or None while the cache cannot keep one (Redis down)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # The first request after Redis started afresh (or lost the key): start one. add(), so
        # that app servers starting at once agree on a single generation.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def forget_every_page():
    """A new generation: every cached page of both languages is rendered again on request."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def forget_every_page_now_and_after_commit(**kwargs):
    # Now, so that the rest of the transaction (a test's, an import's) sees its own change; and
    # again after the commit, because a request could render the old content meanwhile and keep
    # it under the new generation. A change without a transaction runs both at once.
    forget_every_page()
    transaction.on_commit(forget_every_page)


def cached(name, compute, *key_parts):
    """`compute()`'s value, kept in the current generation: what lists many pages (the press
    archive's years, the sitemap) is computed again after any change that forgets every page."""
    generation = current_generation()
    if generation is None:  # Redis down: compute, as without a cache
        return compute()
    key = ":".join(["page-cache", generation, name, *map(str, key_parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS or DEFAULT_VALUE_SECONDS)
    return value


def models_pages_show():
    """What pages show besides pages: snippets, settings, images, documents, sites, locales.

    Asked on each save, not when the apps are ready: apps register their snippets in their
    wagtail_hooks, which Wagtail imports after core's ready().
    """
    return {
        *get_snippet_models(),
        *setting_registry,
        get_image_model(),
        get_document_model(),
        Site,
        Locale,
        PageViewRestriction,  # a page made private must leave the cache at once
    }


def forget_on_change(sender, instance, update_fields=None, **kwargs):
    """A snippet, setting or medium saved; or a live page saved other than through a
    publication (load_site, the importer, a factory): publications have their own signal."""
    if isinstance(instance, Page):
        if instance.live and not set(update_fields or ["*"]) <= DRAFT_FIELDS:
            forget_every_page_now_and_after_commit()
    elif sender in models_pages_show():
        forget_every_page_now_and_after_commit()


def forget_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or sender in models_pages_show():
        forget_every_page_now_and_after_commit()


def connect_invalidation():
    """Called once the apps are ready (core.apps)."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(
            forget_every_page_now_and_after_commit, dispatch_uid=f"page_cache_{signal!r}"
        )
    post_save.connect(forget_on_change, dispatch_uid="page_cache_change")
    post_delete.connect(forget_on_delete, dispatch_uid="page_cache_delete")


def is_personal(request):
    return (
        request.method not in ("GET", "HEAD")
        or getattr(request, "is_dummy", False)  # Wagtail's preview of a draft
        or any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def is_public(response):
    """A 200 that its view did not keep from shared caches."""
    cache_control = response.get("Cache-Control", "")
    return response.status_code == 200 and not any(
        word in cache_control for word in ("private", "no-cache", "no-store")
    )


class PageCacheMiddleware:
    """Serves anonymous visitors' pages from the shared cache and sets caching headers.

    Placed after the security headers (they are set afresh on a cached page) and before the
    session, language, CSRF and authentication middleware, which a cached page does not need.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self.cache_key(request)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                content, headers = cached
                return HttpResponse(content, headers=headers)
        response = self.get_response(request)
        if is_personal(request) or response.cookies:
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response
        if not is_public(response):
            return response
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_MAX_AGE_SECONDS,
            s_maxage=settings.PAGE_PROXY_MAX_AGE_SECONDS,
        )
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(timezone.now().timestamp())
        if key is not None and request.method == "GET" and not response.streaming:
            # Computed once here rather than by ConditionalGetMiddleware on every hit.
            set_response_etag(response)
            cache.set(key, (response.content, dict(response.items())), settings.PAGE_CACHE_SECONDS)
        return response

    def cache_key(self, request):
        """The key of this request's page in the current generation, or None when the request
        is not served from the cache (personal, cache off, or Redis down)."""
        if not settings.PAGE_CACHE_SECONDS or is_personal(request):
            return None
        generation = current_generation()
        if generation is None:
            return None
        # The language as Django's LocaleMiddleware will choose it: from the path's prefix, or
        # for an address without one (the sitemap) from the cookie and Accept-Language.
        language = get_language_from_request(request, check_path=True)
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()} {language}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"page-cache:{generation}:{digest}"
