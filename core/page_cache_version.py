"""One version of the site's pages, for caches of what lists many of them (the sitemap, the press
archive's years and counts).

A page saved (published, unpublished, moved, renamed, even a draft), a page deleted, or a view
restriction or site changed gives a new version: caches built under the old one are never read
again, so there is no list of keys to find and delete. A draft's save invalidates for nothing,
which costs one rebuild.

Without Redis the cache is each process's own memory, which another process's signal does not
reach: the timeout bounds how long such a process shows what it cached.
"""

from uuid import uuid4

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site

VERSION_KEY = "pages-version"
TIMEOUT_SECONDS = 300
WATCHED = (Page, PageViewRestriction, Site)


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid4().hex, None)
        # Another process may have added its own first; without a cache, any will do.
        version = cache.get(VERSION_KEY) or "uncached"
    return version


def cached(name, compute, *key_parts):
    """`compute()`'s value, cached under this version of the pages."""
    key = ":".join([name, current_version(), *map(str, key_parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT_SECONDS)
    return value


def pages_changed(sender, instance, **kwargs):
    if isinstance(instance, WATCHED):
        cache.set(VERSION_KEY, uuid4().hex, None)


def connect():
    post_save.connect(pages_changed, dispatch_uid="page_cache_version_saved")
    post_delete.connect(pages_changed, dispatch_uid="page_cache_version_deleted")
