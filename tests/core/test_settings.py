"""Production settings: no start without a secret, and `check --deploy` is clean."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.subprocess

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.production",
    "SECRET_KEY": "a-realistic-production-secret-of-sufficient-length-0123456789abcdef",
    "ALLOWED_HOSTS": "www.lepsimesta.cz,lepsimesta.cz",
    "CSRF_TRUSTED_ORIGINS": "https://www.lepsimesta.cz",
    "BASE_URL": "https://www.lepsimesta.cz",
    "DATABASE_URL": "sqlite:////tmp/lepsimesta-check.sqlite3",
    "EMAIL_HOST": "smtp.example.org",
}


def manage(*args, env):
    # The browser tests allow async-unsafe database access for this process; never in deployment.
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_check_deploy_reports_no_issues():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def database_options(**env):
    """settings.DATABASES["default"]["OPTIONS"] in a process started with `env`."""
    script = "import json; print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
    result = manage(
        "shell", "-v", "0", "-c", f"from django.conf import settings; {script}", env=env
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgres_connections_get_a_connect_and_a_statement_timeout():
    assert database_options(DATABASE_URL="postgres://lm@db/lepsimesta") == {
        "connect_timeout": 3,
        "options": "-c statement_timeout=20000",
    }
    # Options already in the address are kept.
    assert database_options(
        DATABASE_URL="postgres://lm@db/lepsimesta?options=-c%20search_path%3Dsite",
        DATABASE_CONNECT_TIMEOUT_SECONDS="5",
        DATABASE_STATEMENT_TIMEOUT_SECONDS="7.5",
    ) == {"connect_timeout": 5, "options": "-c search_path=site -c statement_timeout=7500"}


def test_sqlite_connections_wait_for_each_other_instead_of_failing():
    # WAL mode, a busy timeout and transactions that take the write lock when they begin; what
    # they do for two requests at once: tests/core/test_sqlite_concurrent_writes.py.
    assert database_options(DATABASE_URL="sqlite:////tmp/lepsimesta-options.sqlite3") == {
        "init_command": "PRAGMA journal_mode=WAL",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }


def test_a_connect_timeout_below_libpqs_minimum_is_refused():
    result = manage(
        "check",
        env={
            "DATABASE_URL": "postgres://lm@db/lepsimesta",
            "DATABASE_CONNECT_TIMEOUT_SECONDS": "1",
        },
    )
    assert result.returncode != 0
    assert "DATABASE_CONNECT_TIMEOUT_SECONDS" in result.stderr


def test_an_internal_media_url_must_be_a_path_nginx_knows():
    result = manage("check", env={"MEDIA_INTERNAL_URL": "internal-media"})
    assert result.returncode != 0
    assert "MEDIA_INTERNAL_URL" in result.stderr
    assert manage("check", env={"MEDIA_INTERNAL_URL": "/internal-media/"}).returncode == 0


def frontend_cache(**env):
    """(backends {name: (class, location or zone)}, whether Wagtail's app is installed)."""
    code = (
        "import json; from django.conf import settings; "
        "from wagtail.contrib.frontend_cache.utils import get_backends; "
        "print(json.dumps([{n: [type(b).__name__, getattr(b, 'cache_netloc', None) "
        "or getattr(b, 'cloudflare_zoneid', None)] for n, b in get_backends().items()}, "
        "'wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS]))"
    )
    result = manage("shell", "--no-imports", "-c", code, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_cdn_purge_is_off_unless_configured():
    assert frontend_cache() == [{}, False]


def test_a_caching_proxy_and_cloudflare_are_purged_when_configured():
    backends, installed = frontend_cache(
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
        CLOUDFLARE_ZONE_ID="zone-123",
        CLOUDFLARE_API_TOKEN="token-456",
    )
    assert installed
    assert backends == {
        "proxy": ["HTTPBackend", "varnish.internal:6081"],
        "cloudflare": ["CloudflareBackend", "zone-123"],
    }


def test_a_cloudflare_zone_without_its_token_is_refused():
    result = manage("check", env={**PRODUCTION_ENV, "CLOUDFLARE_ZONE_ID": "zone-123"})
    assert result.returncode != 0
    assert "CLOUDFLARE_API_TOKEN" in result.stderr
