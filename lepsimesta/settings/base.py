"""Settings shared by every environment.

All configuration comes from environment variables, read once through the typed schema below
(`environs`); every variable is documented in the README table. Environment modules
(dev, test, production) only change defaults and add what is specific to them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, REPORT_SAMPLE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from environs import Env, validate

from core.file_headers import static_file_headers

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = Env()
env.read_env(BASE_DIR / ".env", recurse=False)

DEBUG = env.bool("DEBUG", False)
SECRET_KEY = env.str("SECRET_KEY", "")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])
# The public address of the site, used in e-mails, feeds and the sitemap.
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "core",
    "home",
    "press",
    "partners",
    "catalogue",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Static files first: nothing else runs for them, so a hung database or a slow log never
    # holds them (their headers: core/file_headers.py).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # One log line per request (so it times and sees every other response), then HEAD
    # answered without a body whatever produced the response.
    "core.middleware.RequestLogMiddleware",
    "core.middleware.HeadWithoutBodyMiddleware",
    # Compressed (not a response with a CSRF token: BREACH), then ETag and 304 answers to
    # conditional requests, computed on the uncompressed body.
    "core.middleware.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security_policy.SecurityPolicyMiddleware",
    # Anonymous visitors' pages from the shared cache, with the security headers above set
    # afresh and nothing below run for them (core/page_cache.py).
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads a form: only UTF-8 form data is read (a 400 page otherwise).
    "core.middleware.FormDataMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Partners' logins get no admin report, nor the translation views that are SMO's to use
    # (partners/accounts/admin.py).
    "partners.accounts.admin.PartnerAdminScopeMiddleware",
]

ROOT_URLCONF = "lepsimesta.urls"
# An expired form token gets a branded page in the visitor's language, not Django's own.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
WSGI_APPLICATION = "lepsimesta.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# A SQLite file for a newcomer's first run; PostgreSQL (postgres://…) in production and CI.
DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# SQLite (`make run`) serves several requests at once, e.g. an editor's autosave arriving with
# their Submit: in WAL mode readers never wait for the writer, a write waits up to
# SQLITE_BUSY_TIMEOUT_SECONDS for another to finish instead of failing "database is locked", and
# a transaction takes the write lock when it begins (IMMEDIATE), since one that read first and
# finds the lock taken cannot wait: SQLite fails it at once.
SQLITE_BUSY_TIMEOUT_SECONDS = 20
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL",
        timeout=SQLITE_BUSY_TIMEOUT_SECONDS,
        transaction_mode="IMMEDIATE",
    )
# A hung PostgreSQL costs a request seconds, not a worker for good: a connection attempt gives
# up after DATABASE_CONNECT_TIMEOUT_SECONDS (libpq's minimum is 2) and the server cancels any
# statement running longer than DATABASE_STATEMENT_TIMEOUT_SECONDS (0: never; below gunicorn's
# 30 s, so that the visitor gets the error page instead of a killed worker).
DATABASE_CONNECT_TIMEOUT_SECONDS = env.int(
    "DATABASE_CONNECT_TIMEOUT_SECONDS", 3, validate=validate.Range(min=2)
)
DATABASE_STATEMENT_TIMEOUT_SECONDS = env.float(
    "DATABASE_STATEMENT_TIMEOUT_SECONDS", 20, validate=validate.Range(min=0)
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _postgres_options = DATABASES["default"].setdefault("OPTIONS", {})
    _postgres_options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT_SECONDS)
    _statement_timeout_ms = round(DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000)
    _postgres_options["options"] = " ".join(
        filter(
            None,
            [_postgres_options.get("options"), f"-c statement_timeout={_statement_timeout_ms}"],
        )
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the shared cache when REDIS_URL is set (several app servers share Wagtail's site
# root paths, renditions and page caches through it); local memory otherwise. The cache is an
# optimisation, never a dependency: core.cache answers as a miss when Redis is down or silent,
# waits at most REDIS_TIMEOUT_SECONDS per try and tries again once per cool-down.
REDIS_URL = env.str("REDIS_URL", "")
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", 0.25)
REDIS_COOL_DOWN_SECONDS = env.float("REDIS_COOL_DOWN_SECONDS", 30)


def cache_settings(redis_url):
    """CACHES for a Redis URL (the resilient backend), or local memory without one."""
    if not redis_url:
        return {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            # Wagtail caches each rendition it looks up (a listing's pictures: a few per image
            # and format); in a cache of their own they never push the site root paths and
            # settings out of local memory's 300 entries.
            "renditions": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "renditions",
                "OPTIONS": {"MAX_ENTRIES": 2000},
            },
        }
    return {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "lepsimesta",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "COOL_DOWN_SECONDS": REDIS_COOL_DOWN_SECONDS,
            },
        }
    }


CACHES = cache_settings(REDIS_URL)

# The full-page cache for anonymous visitors (core/page_cache.py): how long the server keeps a
# page (0: not at all; any published change replaces every page at once anyway), and how long
# browsers and shared caches (a reverse proxy, a CDN) may keep it without asking again.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", 600, validate=validate.Range(min=0))
PAGE_MAX_AGE_SECONDS = env.int("PAGE_MAX_AGE_SECONDS", 60, validate=validate.Range(min=0))
PAGE_PROXY_MAX_AGE_SECONDS = env.int(
    "PAGE_PROXY_MAX_AGE_SECONDS", PAGE_MAX_AGE_SECONDS, validate=validate.Range(min=0)
)

# Wagtail's frontend cache, for a caching proxy or CDN in front of the site (off by default):
# publishing or unpublishing a page purges its addresses there. Pages that list it (indexes,
# feeds, the home page) are not purged: they expire after PAGE_PROXY_MAX_AGE_SECONDS. An HTTP
# PURGE to FRONTEND_CACHE_PURGE_URL (Varnish, Squid, nginx's cache purge), and/or Cloudflare.
WAGTAILFRONTENDCACHE = {}
FRONTEND_CACHE_PURGE_URL = env.str("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
CLOUDFLARE_ZONE_ID = env.str("CLOUDFLARE_ZONE_ID", "")
if CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": CLOUDFLARE_ZONE_ID,
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]

# --- Signing in: strong passwords, login throttling, limited password resets ---
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # Django's, with its message translated (core/accounts.py).
    {"NAME": "core.accounts.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes counts failed logins in the database (its default handler): every app server
# shares the count, and it holds while Redis is down. Axes' backend comes first so that a
# locked-out user is refused before the password is even checked.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A user name OR an address is locked out after this many failures: a password guessed across
# many addresses is stopped by the first, many user names tried from one address by the second.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
# The same client address as the form's rate limit sees (TRUSTED_PROXY_COUNT, core/throttle.py).
AXES_CLIENT_IP_CALLABLE = "core.throttle.client_ip"
# Wagtail's login page with a message in the admin's language, not a bare "locked" text.
AXES_LOCKOUT_CALLABLE = "core.accounts.lockout_response"
# Every failure is kept (up to 1000 per user name) for the admin's "Login attempts" report.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# No start-up banner on every management command; failures are still logged as warnings.
AXES_VERBOSE = False
# Password-reset e-mails per client address and per e-mail address and hour (core/accounts.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "core.accounts.ThrottledPasswordResetForm"
PASSWORD_RESET_LIMIT = env.int("PASSWORD_RESET_LIMIT", 3)
PASSWORD_RESET_WINDOW_SECONDS = env.int("PASSWORD_RESET_WINDOW_SECONDS", 3600)
# --- end of signing in ---

# Languages: Czech first (the default and the source of every translation), English second.
LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", "Čeština"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats: "3. srpna 2016" and "3 August 2016".
FORMAT_MODULE_PATH = ["lepsimesta.formats"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(BASE_DIR / "media")))
WHITENOISE_ADD_HEADERS_FUNCTION = static_file_headers
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# S3-compatible media storage when a bucket is configured (needs django-storages[s3]).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", None)
# Every /media/ address goes through Django's check of who may have the file (core/media.py),
# unless the files are in a bucket. Django sends the file itself, or behind nginx answers with
# X-Accel-Redirect to nginx's internal location MEDIA_INTERNAL_URL (django-sendfile2), so nginx
# serves no folder of uploads on its own (deploy/nginx/). Documents are served by Wagtail's
# view, which checks their collection's privacy and the before_serve_document hooks.
SERVE_MEDIA = not AWS_STORAGE_BUCKET_NAME
WAGTAILDOCS_SERVE_METHOD = "serve_view"
MEDIA_INTERNAL_URL = env.str(
    "MEDIA_INTERNAL_URL",
    "",
    validate=validate.Regexp(r"^(/.+)?$", error="an absolute path, e.g. /internal-media/"),
)
SENDFILE_ROOT = os.path.abspath(MEDIA_ROOT)  # as FileSystemStorage makes its paths
if MEDIA_INTERNAL_URL:
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_URL = MEDIA_INTERNAL_URL.rstrip("/")
else:
    SENDFILE_BACKEND = "wagtail.utils.sendfile_streaming_backend"

# E-mail. Every e-mail goes through the outbox (core/outbox.py): Django's backend only stores it,
# in the sender's transaction, and the mail worker delivers it through MAIL_DELIVERY_BACKEND
# (SMTP with the EMAIL_* settings below; dev.py prints to the console). EMAIL_BACKEND is not read
# from the environment: a real backend there would let mail bypass the outbox.
EMAIL_BACKEND = "core.outbox.OutboxBackend"


def mail_delivery_backend(default):
    """The backend the worker delivers with: MAIL_DELIVERY_BACKEND, or EMAIL_BACKEND (its former
    name), or `default`; never the outbox itself, which would queue each message again."""
    backend = env.str("MAIL_DELIVERY_BACKEND", env.str("EMAIL_BACKEND", default))
    if backend == EMAIL_BACKEND:
        raise ImproperlyConfigured(
            f"MAIL_DELIVERY_BACKEND (or EMAIL_BACKEND) must be a real mail backend, not {backend}."
        )
    return backend


MAIL_DELIVERY_BACKEND = mail_delivery_backend("django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Lepší města <noreply@lepsimesta.cz>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Lepší města"
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# "simple": PostgreSQL compares the keys core/search.py makes, without stemming them in English.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Addresses in ASCII: the admin transliterates Czech titles into slugs (core/slugs.py does the
# same on the server), so no address is percent-encoded in feeds and the sitemap.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILLOCALIZE_JQUERY_DATEPICKER = False
# A new translation of a live page starts as a draft: it goes live only when a person with the
# right to publish (the approval workflow's moderators) publishes it.
# core/patches/translation_drafts.py closes wagtail-localize's other ways of publishing
# untranslated text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Content-Security-Policy and Permissions-Policy (core/security_policy.py, django-csp 4).
# The public site loads from its own host only and runs no inline script or style; a script that
# has to be inline carries the request's nonce (nonce="{{ request.csp_nonce }}").
PUBLIC_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE, REPORT_SAMPLE],
    "style-src": [SELF, REPORT_SAMPLE],
    "img-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
# What Wagtail's admin was seen to need in Chromium (tests/browser/test_security_policy.py):
# inline <script>s in its widget templates and in the HTML of choosers and inline panels, which
# jQuery runs; <style>s injected by Draftail and wagtail-localize's editor; blob: thumbnails of
# images being uploaded; the preview panel framing /admin/…/preview/. No nonce here: a nonce
# would make browsers ignore 'unsafe-inline'. No 'unsafe-eval': nothing asked for it.
ADMIN_CSP_DIRECTIVES = {
    **PUBLIC_CSP_DIRECTIVES,
    "script-src": [SELF, UNSAFE_INLINE, REPORT_SAMPLE],
    "style-src": [SELF, UNSAFE_INLINE, REPORT_SAMPLE],
    "img-src": [SELF, "blob:"],
    "frame-ancestors": [SELF],
}
# CSP_REPORT_ONLY=true sends both policies as Content-Security-Policy-Report-Only, so an operator
# can watch for violations (reported to CSP_REPORT_URI, if set) before enforcing them. Both are
# read into private names: django-csp 4 refuses settings named CSP_* (its 3.x format).
_csp_report_uri = env.str("CSP_REPORT_URI", "")
if _csp_report_uri:
    PUBLIC_CSP_DIRECTIVES["report-uri"] = ADMIN_CSP_DIRECTIVES["report-uri"] = _csp_report_uri
if env.bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": PUBLIC_CSP_DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_CSP_DIRECTIVES}
ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": ADMIN_CSP_DIRECTIVES}
# Browser features neither the site nor the admin uses, denied to every page and frame (an empty
# allowlist). Chromium warns about names it does not know, so every name here is one it knows.
PERMISSIONS_POLICY = dict.fromkeys(
    [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    ],
    (),
)

SITE_CONTENT_DIR = BASE_DIR / "site"
# load_site adds the made-up sample projects and guides (and working-group members) only when
# this is on: in development and tests, and in production only when the demo is wanted.
LOAD_DEMO_CONTENT = env.bool("LOAD_DEMO_CONTENT", False)

# Uploads and avatars: nothing an editor uploads can run as script on the site's origin, and the
# admin asks no third party for anything (core/uploads.py, core/media.py; README, Security).
# Images: raster formats only (an SVG can carry script); Willow checks the bytes match.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("UPLOAD_MAX_IMAGE_MB", 10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("UPLOAD_MAX_IMAGE_MEGAPIXELS", 40) * 1000 * 1000
# Documents: what a press office sends; core.uploads checks each file's bytes fit its extension.
WAGTAILDOCS_EXTENSIONS = (
    ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf"]
    + ["jpg", "jpeg", "png", "gif", "webp"]
    + ["zip", "txt", "csv"]
)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("UPLOAD_MAX_DOCUMENT_MB", 20) * 1024 * 1024
# Every document is downloaded, never shown inside the site's origin (PDFs included).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Avatars come from the user's profile or Wagtail's default, never from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# How many reverse proxies in front of the app append to X-Forwarded-For; 0 trusts only
# REMOTE_ADDR (then the proxy must pass the client's address as REMOTE_ADDR). Rate limits and
# the login throttle identify a client by this address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 0)

# The application form (partners app); docs/application-form.md explains each setting.
# Submissions older than this are deleted by `manage.py purge_submissions` (privacy page: 24).
FORM_SUBMISSION_RETENTION_MONTHS = env.int("FORM_SUBMISSION_RETENTION_MONTHS", 24)
# A form sent sooner than this after it was displayed is treated as a bot's.
FORM_MIN_FILL_SECONDS = env.float("FORM_MIN_FILL_SECONDS", 3)
# Accepted submissions per client IP address and time window (counted in the database).
FORM_RATE_LIMIT_COUNT = env.int("FORM_RATE_LIMIT_COUNT", 5)
FORM_RATE_LIMIT_WINDOW_SECONDS = env.int("FORM_RATE_LIMIT_WINDOW_SECONDS", 600)
# A form displayed longer ago than this has to be sent again; each display's token is used once.
FORM_TOKEN_MAX_AGE_HOURS = env.float("FORM_TOKEN_MAX_AGE_HOURS", 4)

# The outbox (core/outbox.py), for every e-mail the site sends. Failed e-mails are retried
# with exponential backoff; after this many attempts they are marked failed (the application
# form's are shown on the editors' dashboard). FORM_MAIL_MAX_ATTEMPTS is its former name.
MAIL_MAX_ATTEMPTS = env.int("MAIL_MAX_ATTEMPTS", env.int("FORM_MAIL_MAX_ATTEMPTS", 20))
# "worker": a request only stores its e-mails and `manage.py send_pending_mail --loop` sends them,
# so a slow mail server never holds a web worker. "immediate": sent on commit, inside the request
# (dev.py only, where the console backend cannot hang).
MAIL_DELIVERY = env.str("MAIL_DELIVERY", "worker", validate=validate.OneOf(["worker", "immediate"]))
# A worker claims a message for this long before it speaks to the mail server: no worker sends it
# again sooner, even when the sender was killed mid-send or the server's answer to the data never
# came (delivered or not: SMTP cannot tell). Longer than one SMTP conversation can take.
MAIL_LEASE_SECONDS = env.int("MAIL_LEASE_SECONDS", 600, validate=validate.Range(min=1))

# Partner invitations (partners/accounts/invitations.py): how long the link to set a password
# works, in seconds. The link also dies once the password is set or the person signs in.
PARTNER_INVITATION_TIMEOUT = env.int("PARTNER_INVITATION_TIMEOUT", 7 * 24 * 3600)

# Logs go to the console (gunicorn passes them on to the container's log). Every logger
# propagates to the root's one handler, so each event is one line, in one place; at INFO that
# includes lepsimesta.request: method=GET path=/cs/ status=200 duration_ms=12 per request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "core.logs.WithoutTraceback"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "WARNING", "propagate": True},
        # Every 4xx is already a line of lepsimesta.request; Django's own is a second one.
        # Server errors (5xx, with their traceback) are still logged.
        "django.request": {"handlers": [], "level": "ERROR", "propagate": True},
        # A foreign Host header is a probe, not a bug: one line, without a traceback.
        "django.security.DisallowedHost": {
            "handlers": [],
            "filters": ["without_traceback"],
            "propagate": True,
        },
        # Wagtail logs every page action and background task at INFO; the admin's history has them.
        "wagtail": {"handlers": [], "level": "WARNING", "propagate": True},
        "django_tasks": {"handlers": [], "level": "WARNING", "propagate": True},
        # django-axes logs every login at INFO; its warnings (failures, lockouts) are what matter.
        "axes": {"handlers": [], "level": "WARNING", "propagate": True},
    },
}
