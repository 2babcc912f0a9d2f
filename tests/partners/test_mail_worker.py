"""Mail never waits inside a web request: the request stores, the mail worker sends.

The worker is `manage.py send_pending_mail --loop`; each test runs it (or its single round)
against a real server: a silent one that accepts and never answers, or an aiosmtpd sink.
"""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from partners.models import ApplicationSubmission, OutgoingEmail
from tests.factories.partners import valid_post_data
from tests.partners.conftest import CS_FORM, send_pending_mail
from tests.partners.smtp import free_port
from tests.partners.visitor import Visitor

# A bound on waiting for a worker in another thread or process, so that a broken worker fails
# the test instead of hanging it; no assertion depends on it.
PATIENCE = 60

APPLICANT = {
    "application_type": "startup",
    "name": "Petr Novák",
    "email": "petr.novak@example.cz",
    "message": "Máme vlastní řešení pro chytré parkování.",
}


def statuses():
    return sorted(OutgoingEmail.objects.values_list("kind", "status", "attempts"))


@override_settings(FORM_MIN_FILL_SECONDS=0)
def test_a_mail_server_that_never_answers_holds_no_request(live_site, silent_smtp):
    visitor = Visitor(live_site)
    hidden = visitor.open_form()
    results = {}
    threads = [
        threading.Thread(target=lambda: results.update(post=visitor.send(APPLICANT, hidden))),
        threading.Thread(target=lambda: results.update(home=Visitor(live_site).get("/cs/"))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    status, url, page = results["post"]
    assert (status, url) == (200, live_site + "/cs/prihlaska/dekujeme/?type=startup")
    assert "Děkujeme" in page
    assert results["home"][0] == 200
    # The request stored the submission and both e-mails, and never spoke to the mail server.
    assert silent_smtp.connections() == 0
    assert ApplicationSubmission.objects.get().form_data["name"] == "Petr Novák"
    assert statuses() == [("confirmation", "pending", 0), ("notification", "pending", 0)]

    # The worker meets the silent server: it gives up after EMAIL_TIMEOUT, and the messages wait
    # for their next attempt.
    with override_settings(EMAIL_TIMEOUT=1):
        output = send_pending_mail()
    assert output.strip() == "Sent 0, failed 2, still waiting 2."
    assert silent_smtp.connections() == 2
    assert statuses() == [("confirmation", "pending", 1), ("notification", "pending", 1)]
    for message in OutgoingEmail.objects.all():
        assert "timed out" in message.last_error
        assert message.next_attempt_at > timezone.now()


def test_the_request_only_stores_and_one_worker_round_sends_each_message_once(
    db, client, site, smtp_sink
):
    response = client.post(CS_FORM, valid_post_data(**APPLICANT))
    assert response.status_code == 302
    assert smtp_sink.messages == []
    assert statuses() == [("confirmation", "pending", 0), ("notification", "pending", 0)]

    assert send_pending_mail().strip() == "Sent 2, failed 0, still waiting 0."
    assert send_pending_mail().strip() == "Sent 0, failed 0, still waiting 0."
    assert len(smtp_sink.to("info@lepsimesta.cz")) == 1
    assert len(smtp_sink.to("petr.novak@example.cz")) == 1
    assert len(smtp_sink.messages) == 2
    assert statuses() == [("confirmation", "sent", 1), ("notification", "sent", 1)]


@pytest.fixture
def stop_signals_ignored():
    """While the worker runs in this process, a stray SIGTERM or SIGINT must not end pytest; the
    worker puts these handlers back when it stops."""
    ignore = signal.SIG_IGN
    previous = {number: signal.signal(number, ignore) for number in (signal.SIGTERM, signal.SIGINT)}
    yield ignore
    for number, handler in previous.items():
        signal.signal(number, handler)


@pytest.mark.parametrize("stop_with", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_worker_loop_delivers_once_and_stops_cleanly_on_a_signal(
    transactional_db, client, site, smtp_sink, stop_signals_ignored, caplog, stop_with
):
    # transactional_db: the worker handles its database connection as a long-running process
    # does, which a test's open transaction would not allow.
    assert client.post(CS_FORM, valid_post_data(**APPLICANT)).status_code == 302

    def stop_the_worker_after_delivery():
        deadline = time.monotonic() + PATIENCE
        while len(smtp_sink.messages) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # a few more rounds, in which nothing may be sent again
        os.kill(os.getpid(), stop_with)

    watcher = threading.Thread(target=stop_the_worker_after_delivery)
    watcher.start()
    with caplog.at_level("INFO", logger="partners"):
        call_command("send_pending_mail", "--loop", "--interval", "0.1")
    watcher.join()

    assert len(smtp_sink.to("info@lepsimesta.cz")) == 1
    assert len(smtp_sink.to("petr.novak@example.cz")) == 1
    assert len(smtp_sink.messages) == 2
    assert statuses() == [("confirmation", "sent", 1), ("notification", "sent", 1)]
    assert "Mail worker: sent 2, failed 0." in caplog.messages
    assert f"Mail worker stopped ({stop_with.name})." in caplog.messages
    assert signal.getsignal(stop_with) is stop_signals_ignored


def test_the_worker_keeps_running_while_the_database_is_down_and_stops_on_sigterm():
    """A separate worker process whose database does not answer: it logs the outage and tries
    again each round instead of exiting, and SIGTERM ends it with exit status 0."""
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/lepsimesta",
        "LOG_LEVEL": "INFO",
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "send_pending_mail", "--loop", "--interval", "0.1"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []

    def read_log():
        for line in worker.stderr:
            lines.append(line)
            if sum("database unavailable" in seen for seen in lines) >= 3:
                return

    try:
        reader = threading.Thread(target=read_log)
        reader.start()
        reader.join(PATIENCE)
        assert worker.poll() is None, "".join(lines)
        worker.send_signal(signal.SIGTERM)
        rest = worker.communicate(timeout=PATIENCE)[1]
    finally:
        worker.kill()
    log = "".join(lines) + rest
    assert log.count("Mail worker: database unavailable") >= 3, log
    assert "Connection refused" in log
    assert "Mail worker stopped (SIGTERM)." in log
    assert "Traceback" not in log
    assert worker.returncode == 0
