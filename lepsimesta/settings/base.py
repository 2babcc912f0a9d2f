"""Settings shared by every environment.

All configuration comes from environment variables, read once through the typed schema below
(`environs`); every variable is documented in the README table. Environment modules
(dev, test, production) only change defaults and add what is specific to them.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, REPORT_SAMPLE, SELF, UNSAFE_INLINE
from environs import Env

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
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
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
    "django.middleware.security.SecurityMiddleware",
    "core.security_policy.SecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the shared cache when REDIS_URL is set (several app servers share rate limits and
# page caches through it); local memory otherwise.
REDIS_URL = env.str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lepsimesta",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
# Serve uploads through Django when neither a reverse proxy nor object storage does.
SERVE_MEDIA = env.bool("SERVE_MEDIA", True)
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

# E-mail: SMTP from the environment in production; dev writes e-mails to the console.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
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
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: a third-party request that sends a hash of each editor's e-mail.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILLOCALIZE_JQUERY_DATEPICKER = False

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
# Failed e-mails are retried with exponential backoff; after this many attempts they are
# marked failed and shown on the editors' dashboard.
FORM_MAIL_MAX_ATTEMPTS = env.int("FORM_MAIL_MAX_ATTEMPTS", 20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Wagtail logs every page action and background task at INFO; the admin's history has them.
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
