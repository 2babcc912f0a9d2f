"""Tests: fast hashing, local-memory mail, plain static storage.

The cache is base.py's: Redis through the resilient backend when REDIS_URL is set (as in CI and
production), local memory otherwise.
"""

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, STORAGES, cache_settings, env

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# EMAIL_BACKEND is base.py's outbox, as everywhere; the worker delivers to local memory
# (django.core.mail.outbox, pytest-django's `mailoutbox`). Django's test set-up swaps
# EMAIL_BACKEND for local memory; tests/conftest.py puts the outbox back.
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# As in production: a request only stores its e-mails; tests run the worker's delivery step.
MAIL_DELIVERY = "worker"
# No page cache, and browsers ask again for every page: a test (Chromium's too) sees what it
# just changed. tests/core/test_page_cache.py turns them on.
PAGE_CACHE_SECONDS = 0
PAGE_MAX_AGE_SECONDS = PAGE_PROXY_MAX_AGE_SECONDS = 0
# The manifest needs collectstatic; a dedicated test collects and uses it.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files straight from the apps' folders, without collectstatic: what a server process
# started by a test (tests/servers.py) serves.
WHITENOISE_USE_FINDERS = True
# The live server's request threads close their connection after each request, so none is left
# open on the test database when the session drops it.
DATABASES["default"]["CONN_MAX_AGE"] = 0
# Tests browse the sample catalogue that load_site adds.
LOAD_DEMO_CONTENT = True
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", "/tmp/lepsimesta-test-media")

# `make test` runs the suite in pytest-xdist workers: each gets its own Redis database and media
# folder, so one worker's cache.clear() or deleted files never reach another's tests.
XDIST_WORKER = env.str("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER:
    worker_number = int(XDIST_WORKER.removeprefix("gw"))
    MEDIA_ROOT = f"{MEDIA_ROOT}/{XDIST_WORKER}"
    if REDIS_URL:
        redis_url = urlsplit(REDIS_URL)
        redis_database = int(redis_url.path.strip("/") or 0) + worker_number
        CACHES = cache_settings(redis_url._replace(path=f"/{redis_database}").geturl())
# Files are sent from the test media folder (core/media.py).
SENDFILE_ROOT = os.path.abspath(MEDIA_ROOT)
