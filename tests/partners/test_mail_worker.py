"""Mail never waits inside a web request: the request stores, the mail worker sends.

The worker is `manage.py send_pending_mail --loop`; each test runs it (or its single round)
against a real server: a silent one that accepts and never answers, or an aiosmtpd sink.
"""

import os
import signal
import socket
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from core.models import OutgoingEmail
from partners.application.mail import CONFIRMATION, NOTIFICATION
from partners.models import ApplicationSubmission
from tests.factories.partners import valid_post_data
from tests.mail import (
    PATIENCE,
    WorkerProcess,
    free_port,
    send_pending_mail,
    worker_database_url,
)
from tests.partners.conftest import CS_FORM
from tests.partners.visitor import Visitor

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
    assert statuses() == [(CONFIRMATION, "pending", 0), (NOTIFICATION, "pending", 0)]

    # The worker meets the silent server: it gives up after EMAIL_TIMEOUT, and the messages wait
    # for their next attempt.
    with override_settings(EMAIL_TIMEOUT=1):
        output = send_pending_mail()
    assert output.strip() == "Sent 0, failed 2, still waiting 2."
    assert silent_smtp.connections() == 2
    assert statuses() == [(CONFIRMATION, "pending", 1), (NOTIFICATION, "pending", 1)]
    for message in OutgoingEmail.objects.all():
        assert "timed out" in message.last_error
        assert message.next_attempt_at > timezone.now()


def test_the_request_only_stores_and_one_worker_round_sends_each_message_once(
    db, client, site, smtp_sink
):
    response = client.post(CS_FORM, valid_post_data(**APPLICANT))
    assert response.status_code == 302
    assert smtp_sink.messages == []
    assert statuses() == [(CONFIRMATION, "pending", 0), (NOTIFICATION, "pending", 0)]

    assert send_pending_mail().strip() == "Sent 2, failed 0, still waiting 0."
    assert send_pending_mail().strip() == "Sent 0, failed 0, still waiting 0."
    assert len(smtp_sink.to("info@lepsimesta.cz")) == 1
    assert len(smtp_sink.to("petr.novak@example.cz")) == 1
    assert len(smtp_sink.messages) == 2
    assert statuses() == [(CONFIRMATION, "sent", 1), (NOTIFICATION, "sent", 1)]


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
    committed_site, client, smtp_sink, stop_signals_ignored, caplog, stop_with
):
    # committed_site: the worker handles its database connection as a long-running process
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
    with caplog.at_level("INFO", logger="core"):
        call_command("send_pending_mail", "--loop", "--interval", "0.1")
    watcher.join()

    assert len(smtp_sink.to("info@lepsimesta.cz")) == 1
    assert len(smtp_sink.to("petr.novak@example.cz")) == 1
    assert len(smtp_sink.messages) == 2
    assert statuses() == [(CONFIRMATION, "sent", 1), (NOTIFICATION, "sent", 1)]
    assert "Mail worker: sent 2, failed 0." in caplog.messages
    assert f"Mail worker stopped ({stop_with.name})." in caplog.messages
    assert signal.getsignal(stop_with) is stop_signals_ignored


class TcpForwarder:
    """A port that refuses connections until start(), then forwards each one to `target`: a
    database server that is down, then back."""

    def __init__(self, target):
        self.port = free_port()
        self.target = target
        self.sockets = []

    def start(self):
        self.server = socket.create_server(("127.0.0.1", self.port))
        self.sockets.append(self.server)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def stop(self):
        for sock in self.sockets:
            sock.close()


def outage_lines(worker):
    return worker.logged("Mail worker: database unavailable")


@pytest.mark.subprocess
def test_the_worker_keeps_running_while_the_database_is_down_and_stops_on_sigterm():
    """Its database does not answer: the worker logs the outage, one line a round, and tries
    again instead of exiting; SIGTERM ends it with exit status 0."""
    worker = WorkerProcess(f"postgres://postgres@127.0.0.1:{free_port()}/lepsimesta")
    try:
        worker.wait_until(lambda: len(outage_lines(worker)) >= 3)
        log = worker.stop()
    finally:
        worker.kill()
    outage = outage_lines(worker)
    assert len(outage) >= 3, log
    assert all("Connection refused" in line for line in outage)
    assert all(line.rstrip().endswith("retrying in 0.1 s.") for line in outage)
    assert "Mail worker stopped (SIGTERM)." in log
    assert "Traceback" not in log
    assert worker.process.returncode == 0


@pytest.mark.subprocess
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL=postgres://…): the worker process shares the test "
    "database, which SQLite keeps in this process's memory",
)
def test_the_worker_delivers_once_the_database_is_back(committed_site, client, smtp_sink):
    assert client.post(CS_FORM, valid_post_data(**APPLICANT)).status_code == 302
    db = connection.settings_dict
    database = TcpForwarder((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    worker = WorkerProcess(
        worker_database_url(database.port),
        MAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_sink.port),
    )
    try:
        worker.wait_until(lambda: len(outage_lines(worker)) >= 2)
        assert len(outage_lines(worker)) >= 2, "".join(worker.lines)
        assert smtp_sink.messages == []
        database.start()
        worker.wait_until(lambda: len(smtp_sink.messages) >= 2)
        log = worker.stop()
    finally:
        worker.kill()
        database.stop()
    assert len(smtp_sink.to("info@lepsimesta.cz")) == 1
    assert len(smtp_sink.to("petr.novak@example.cz")) == 1
    assert statuses() == [(CONFIRMATION, "sent", 1), (NOTIFICATION, "sent", 1)]
    assert "Mail worker: sent 2, failed 0." in log
    assert "Mail worker stopped (SIGTERM)." in log
    assert worker.process.returncode == 0
