"""Fifty people sending the form at once: every submission is stored and notified, no errors."""

import re
import threading
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.db import connection
from django.test import override_settings

from partners.models import ApplicationSubmission, OutgoingEmail

PARALLEL = 50


def submit_as_a_visitor(base_url, number, results):
    """Fetch the form (CSRF cookie and token), then send it, like a browser."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    try:
        page = opener.open(base_url + "/cs/prihlaska/", timeout=60).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        started = re.search(r'name="form_started" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "form_started": started,
                "application_type": "startup",
                "name": f"Uchazeč {number}",
                "email": f"uchazec{number}@example.cz",
                "message": f"Přihláška číslo {number}",
            }
        ).encode()
        request = urllib.request.Request(
            base_url + "/cs/prihlaska/", data=data, headers={"Referer": base_url}
        )
        with opener.open(request, timeout=60) as response:
            results[number] = (response.status, response.url)
    except Exception as exc:  # noqa: BLE001 - any failure is recorded and asserted on
        results[number] = (None, repr(exc))


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL=postgres://…): SQLite locks out concurrent writers",
)
def test_fifty_parallel_submissions_are_all_stored_and_notified(live_site, smtp_sink):
    results = {}
    with override_settings(FORM_MIN_FILL_SECONDS=0, FORM_RATE_LIMIT_COUNT=PARALLEL * 2):
        threads = [
            threading.Thread(target=submit_as_a_visitor, args=(live_site, n, results))
            for n in range(PARALLEL)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert len(results) == PARALLEL
    failures = {n: r for n, r in results.items() if r[0] != 200 or "/dekujeme/" not in r[1]}
    assert failures == {}
    assert ApplicationSubmission.objects.count() == PARALLEL
    names = {s.form_data["name"] for s in ApplicationSubmission.objects.all()}
    assert names == {f"Uchazeč {n}" for n in range(PARALLEL)}
    assert OutgoingEmail.objects.filter(status="sent").count() == 2 * PARALLEL
    notifications = smtp_sink.to("info@lepsimesta.cz")
    assert len(notifications) == PARALLEL
    assert len({m["Subject"].strip() for m in notifications}) == PARALLEL
