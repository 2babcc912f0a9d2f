"""Tests: fast hashing, local-memory mail, plain static storage.

The cache is base.py's: Redis through the resilient backend when REDIS_URL is set (as in CI and
production), local memory otherwise.
"""

from .base import *  # noqa: F403
from .base import STORAGES, env

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# As in production: a request only stores its e-mails; tests run the worker's delivery step.
MAIL_DELIVERY = "worker"
# The manifest needs collectstatic; a dedicated test collects and uses it.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests browse the sample catalogue that load_site adds.
LOAD_DEMO_CONTENT = True
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", "/tmp/lepsimesta-test-media")
