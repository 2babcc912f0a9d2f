"""Local development: DEBUG on, e-mails to the console, a fixed insecure key."""

from .base import *  # noqa: F403
from .base import env, mail_delivery_backend

DEBUG = env.bool("DEBUG", True)
SECRET_KEY = env.str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# E-mails are printed in the terminal that runs `make run` (EMAIL_BACKEND is base.py's outbox).
MAIL_DELIVERY_BACKEND = mail_delivery_backend("django.core.mail.backends.console.EmailBackend")
# E-mails are sent on commit, inside the request: the console backend cannot hang, and no worker
# has to run beside `make run` (base.py has validated MAIL_DELIVERY if it is set).
MAIL_DELIVERY = env.str("MAIL_DELIVERY", "immediate")
# The sample catalogue (projects, guides, working-group members) fills the local site.
LOAD_DEMO_CONTENT = env.bool("LOAD_DEMO_CONTENT", True)
# A template edited in development shows on the next reload: no page cache unless asked for.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", 0)
