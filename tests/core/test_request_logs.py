"""Quiet, useful logs: one greppable line per request, probes without tracebacks.

The logging configuration is the site's own (settings.LOGGING); pytest's caplog listens at the
root logger, where every logger of the site propagates.
"""

import re

import pytest
from django.test import override_settings

from tests.servers import Gunicorn, request

pytestmark = pytest.mark.django_db

REQUEST_LINE = re.compile(r"method=(\S+) path=(\S+) status=(\d{3}) duration_ms=(\d+)")


def request_lines(caplog):
    return [
        REQUEST_LINE.fullmatch(record.getMessage()).groups()[:3]
        for record in caplog.records
        if record.name == "lepsimesta.request"
    ]


def test_each_request_is_one_line_without_the_query_string(client, site, caplog):
    client.get("/cs/?email=jana.dvorakova@example.cz")
    client.get("/en/no-such-page/")
    client.post("/cs/prihlaska/", {"name": "Jana Dvořáková"})
    client.head("/robots.txt")
    assert request_lines(caplog) == [
        ("GET", "/cs/", "200"),
        ("GET", "/en/no-such-page/", "404"),
        ("POST", "/cs/prihlaska/", "200"),
        ("HEAD", "/robots.txt", "200"),
    ]
    assert "jana" not in caplog.text.lower()
    assert all(record.levelname == "INFO" for record in caplog.records)


def test_a_crafted_path_cannot_break_the_line(client, site, caplog):
    # The path arrives decoded: "/cs/a b<newline>method=POST/".
    client.get("/cs/a%20b%0Amethod=POST/")
    ((record),) = [record for record in caplog.records if record.name == "lepsimesta.request"]
    assert record.getMessage().startswith("method=GET path=/cs/a%20b%0Amethod%3DPOST/ status=404 ")


@override_settings(ALLOWED_HOSTS=["lepsimesta.cz"])
def test_a_foreign_host_is_one_line_without_a_traceback(client, caplog):
    response = client.get("/cs/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    probes = [record for record in caplog.records if record.name != "lepsimesta.request"]
    assert [(record.name, record.levelname) for record in probes] == [
        ("django.security.DisallowedHost", "ERROR")
    ]
    assert "attacker.example" in probes[0].getMessage()
    assert probes[0].exc_info is None
    assert "Traceback" not in caplog.text
    assert request_lines(caplog) == [("GET", "/cs/", "400")]


@pytest.mark.subprocess
def test_gunicorn_logs_no_warning_for_head_requests(tmp_path):
    """The production server, started for real: HEAD used to cost a warning per request."""
    # /healthz needs no content: an empty database answers SELECT 1 (robots.txt reads the form
    # pages' addresses).
    server = Gunicorn(DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        statuses = [request(server.port, "/healthz", "HEAD").status for _ in range(3)]
    finally:
        log = server.stop()
    assert statuses == [200, 200, 200]
    assert "no-body response" not in log
    assert "WARNING" not in log
    assert log.count("lepsimesta.request method=HEAD") == 3
