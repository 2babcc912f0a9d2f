"""Many people sending the form at once: every submission is stored and notified exactly once,
with no errors, however many mail workers run; one form sent many times at once is stored once."""

import threading

import pytest
from django.db import connection, connections
from django.test import override_settings

from core import outbox
from core.models import OutgoingEmail
from partners.models import ApplicationSubmission, UsedFormToken
from tests.partners.visitor import Visitor

PARALLEL = 50

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL=postgres://…): SQLite locks out concurrent writers",
)


def answers(number):
    return {
        "application_type": "startup",
        "name": f"Uchazeč {number}",
        "email": f"uchazec{number}@example.cz",
        "message": f"Přihláška číslo {number}",
    }


def in_parallel(count, target):
    """Run target(n) for n in range(count) in threads; each thread's result or exception."""
    results = {}

    def run(number):
        try:
            results[number] = target(number)
        except Exception as exc:  # noqa: BLE001 - any failure is recorded and asserted on
            results[number] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@needs_postgresql
def test_fifty_parallel_submissions_are_all_stored_and_notified_once(live_site, smtp_sink):
    def submit_as_a_visitor(number):
        visitor = Visitor(live_site)
        status, url, _page = visitor.send(answers(number), visitor.open_form())
        return status, url

    with override_settings(FORM_MIN_FILL_SECONDS=0, FORM_RATE_LIMIT_COUNT=PARALLEL * 2):
        results = in_parallel(PARALLEL, submit_as_a_visitor)

    failures = {n: r for n, r in results.items() if r[0] != 200 or "/dekujeme/" not in r[1]}
    assert failures == {}
    assert ApplicationSubmission.objects.count() == PARALLEL
    names = {s.form_data["name"] for s in ApplicationSubmission.objects.all()}
    assert names == {f"Uchazeč {n}" for n in range(PARALLEL)}
    assert smtp_sink.messages == []

    # Four mail workers at once: each message is claimed by one of them (core.outbox).
    sent = in_parallel(4, lambda _worker: outbox.deliver())
    assert sum(worker_sent for worker_sent, _failed in sent.values()) == 2 * PARALLEL
    assert OutgoingEmail.objects.filter(status="sent", attempts=1).count() == 2 * PARALLEL
    notifications = smtp_sink.to("info@lepsimesta.cz")
    assert len(notifications) == PARALLEL
    assert len({m["Subject"].strip() for m in notifications}) == PARALLEL
    assert len(smtp_sink.messages) == 2 * PARALLEL


@needs_postgresql
def test_one_form_sent_ten_times_at_once_is_stored_once(live_site):
    visitor = Visitor(live_site)
    hidden = visitor.open_form()
    with override_settings(FORM_MIN_FILL_SECONDS=0, FORM_RATE_LIMIT_COUNT=100):
        results = in_parallel(10, lambda _n: visitor.send(answers(1), hidden))

    thanked = [n for n, (_status, url, _page) in results.items() if "/dekujeme/" in url]
    asked_again = [
        n
        for n, (_status, url, page) in results.items()
        if url.endswith("/cs/prihlaska/") and "Tento formulář už byl jednou odeslán." in page
    ]
    assert len(thanked) == 1
    assert len(asked_again) == 9
    assert {status for status, _url, _page in results.values()} == {200}
    assert ApplicationSubmission.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2
    assert UsedFormToken.objects.count() == 1
