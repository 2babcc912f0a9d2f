"""Local development: DEBUG on, e-mails to the console, a fixed insecure key."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", True)
SECRET_KEY = env.str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# E-mails are printed in the terminal that runs `make run`.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
