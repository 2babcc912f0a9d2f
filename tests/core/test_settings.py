"""Production settings: no start without a secret, and `check --deploy` is clean."""

import os
import subprocess
import sys

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
