"""A hung PostgreSQL costs seconds, not the site.

gunicorn serves the site with its database at a port that accepts every connection and never
says a word, as a black-holed PostgreSQL or a proxy in front of a dead one does. Without
timeouts each request would hold its worker until gunicorn killed it 30 s later.
"""

import json
import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

from tests.core.redis_servers import SilentServer
from tests.servers import Gunicorn, request

pytestmark = pytest.mark.subprocess

CONNECT_TIMEOUT_SECONDS = 2  # libpq's minimum


@pytest.fixture(scope="module")
def hung_database():
    silent = SilentServer()
    yield silent
    silent.stop()


@pytest.fixture(scope="module")
def server(hung_database):
    """One worker, so every request meets the same (warm) process."""
    gunicorn = Gunicorn(
        DATABASE_URL=f"postgres://lepsimesta@127.0.0.1:{hung_database.port}/lepsimesta",
        DATABASE_CONNECT_TIMEOUT_SECONDS=str(CONNECT_TIMEOUT_SECONDS),
    )
    yield gunicorn
    gunicorn.stop()


def test_healthz_answers_503_within_two_seconds(server, hung_database):
    accepted = hung_database.accepted
    answer = request(server.port, "/healthz", timeout=30)
    assert answer.status == 503
    assert json.loads(answer.body) == {
        "status": "unavailable",
        "database": "down",
        "cache": "local",
    }
    assert answer.seconds < 2
    assert hung_database.accepted > accepted, "the probe did try the database"


def test_static_files_answer_at_once_without_the_database(server, hung_database):
    accepted = hung_database.accepted
    answer = request(server.port, "/static/css/site.css", timeout=30)
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("text/css")
    assert b"font-family" in answer.body
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.seconds < 1
    assert hung_database.accepted == accepted, "a static file never opens a connection"


@pytest.mark.parametrize(
    ("path", "language_text"),
    [("/cs/", "Omlouváme se, na serveru došlo k chybě"), ("/en/", "Sorry, something went wrong")],
)
def test_a_page_gets_the_error_page_within_the_connect_timeout(server, path, language_text):
    answer = request(server.port, path, timeout=30)
    assert answer.status == 500
    text = answer.body.decode()
    assert "info@lepsimesta.cz" in text
    assert language_text in text
    # One connection attempt, not gunicorn's 30 s; the margin is for a busy machine.
    assert answer.seconds < CONNECT_TIMEOUT_SECONDS + 1.5


def test_postgres_cancels_a_statement_past_the_statement_timeout():
    """A server that answers but is stuck (a lock, a runaway query) frees the worker too."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("needs PostgreSQL: DATABASE_URL=postgres://…")
    script = "from django.db import connection; connection.cursor().execute('SELECT pg_sleep(20)')"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.test",
            "DATABASE_STATEMENT_TIMEOUT_SECONDS": "1",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "canceling statement due to statement timeout" in result.stderr
    assert time.monotonic() - started < 15
