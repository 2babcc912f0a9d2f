"""Tests: fast hashing, local-memory cache and mail, plain static storage."""

from .base import *  # noqa: F403
from .base import STORAGES, env

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# As in production: a request only stores its e-mails; tests run the worker's delivery step.
MAIL_DELIVERY = "worker"
# The manifest needs collectstatic; a dedicated test collects and uses it.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", "/tmp/lepsimesta-test-media")
