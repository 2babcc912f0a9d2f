"""Where the benchmark's data lives, as environment variables for the production settings."""

import os
from urllib.parse import urlsplit, urlunsplit

# The production settings, on loopback without HTTPS, and the sample catalogue as templates.
SETTINGS = {
    "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.production",
    "SECRET_KEY": "benchmark-only-not-a-secret",
    "SECURE_SSL_REDIRECT": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "LOAD_DEMO_CONTENT": "true",
    # One line per request on standard error would time the terminal, not the site.
    "LOG_LEVEL": "WARNING",
    "MAIL_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


def database_url(scale, root):
    """BENCH_DATABASE_URL with the scale in its name, else a SQLite file per scale."""
    given = os.environ.get("BENCH_DATABASE_URL")
    if not given:
        return f"sqlite:///{root / f'bench-{scale}.sqlite3'}"
    if scale == "full":
        return given
    parts = urlsplit(given)
    return urlunsplit(parts._replace(path=f"{parts.path}_{scale}"))


def bench_environment(scale, port, root):
    return {
        **SETTINGS,
        "DATABASE_URL": database_url(scale, root),
        "MEDIA_ROOT": str(root / "bench-media" / scale),
        "BASE_URL": f"http://127.0.0.1:{port}",
        # The cache the workers share: BENCH_REDIS_URL, else each worker's local memory.
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", ""),
        "DATABASE_STATEMENT_TIMEOUT_SECONDS": "0",
    }
