"""Honest delivery: at least once, with a stable Message-ID, against a real SMTP sink.

A server that takes a message but whose answer never comes leaves the worker unsure whether it
was delivered: it sends it again only after the claim's lease (minutes), and every copy carries
the Message-ID made when the message was queued. A server that says no, or cannot be reached,
certainly has nothing: that is retried after the ordinary backoff.
"""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from core.models import OutgoingEmail
from core.outbox import queue_email
from tests.mail import SMTP_BACKEND, WorkerProcess, send_pending_mail, worker_database_url

TO = "jana.dvorakova@example.cz"


def queue():
    return queue_email(kind="tests.message", to=TO, subject="Pozvánka", body="Dobrý den")


def lease_ended():
    """Time passes: the waiting message's lease is over."""
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())


def message_ids(sink):
    return [received["Message-ID"] for received in sink.messages]


@pytest.mark.django_db
def test_a_server_that_hangs_after_the_data_gets_the_message_again_only_after_the_lease(
    smtp_sink,
):
    message = queue()
    smtp_sink.handler.hang_after_data = True
    attempt_started = timezone.now()
    with override_settings(EMAIL_TIMEOUT=1):
        assert send_pending_mail().strip() == "Sent 0, failed 1, still waiting 1."
    # The server has the message; the worker never heard so.
    assert len(smtp_sink.messages) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutgoingEmail.Status.PENDING, 1)
    assert "timed out" in message.last_error
    lease = timedelta(seconds=settings.MAIL_LEASE_SECONDS)
    assert lease >= timedelta(minutes=5)
    assert message.next_attempt_at >= attempt_started + lease

    smtp_sink.handler.hang_after_data = False  # the server recovers
    for _round in range(3):
        assert send_pending_mail().strip() == "Sent 0, failed 0, still waiting 1."
    assert len(smtp_sink.messages) == 1  # nothing again within the lease

    lease_ended()
    assert send_pending_mail().strip() == "Sent 1, failed 0, still waiting 0."
    assert send_pending_mail().strip() == "Sent 0, failed 0, still waiting 0."
    # Two copies of one message: the recipient's mail system can tell.
    assert message_ids(smtp_sink) == [message.message_id] * 2
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutgoingEmail.Status.SENT, 2)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "reply", ["451 4.3.0 Try again later", "550 5.7.1 Message rejected"], ids=["4xx", "5xx"]
)
def test_a_refused_message_is_retried_after_the_backoff_not_the_lease(smtp_sink, reply):
    message = queue()
    smtp_sink.handler.refuse_with = reply
    assert send_pending_mail().strip() == "Sent 0, failed 1, still waiting 1."
    message.refresh_from_db()
    assert reply.split()[0] in message.last_error
    # The server said no: it certainly has nothing, so the first backoff (1 minute) applies.
    assert message.next_attempt_at <= timezone.now() + timedelta(minutes=1)


@pytest.mark.django_db
def test_a_server_down_then_up_gets_each_message_once(smtp_sink_down):
    messages = [queue(), queue()]
    assert send_pending_mail().strip() == "Sent 0, failed 2, still waiting 2."
    for message in messages:
        message.refresh_from_db()
        assert "Connection refused" in message.last_error
        assert message.next_attempt_at <= timezone.now() + timedelta(minutes=1)

    smtp_sink_down.start()
    lease_ended()
    assert send_pending_mail().strip() == "Sent 2, failed 0, still waiting 0."
    assert send_pending_mail().strip() == "Sent 0, failed 0, still waiting 0."
    assert sorted(message_ids(smtp_sink_down)) == sorted(m.message_id for m in messages)
    assert len(set(message_ids(smtp_sink_down))) == 2  # each message its own ID


def test_each_message_has_its_own_message_id_in_the_senders_domain(db):
    first, second = queue(), queue()
    assert first.message_id != second.message_id
    assert first.message_id.startswith("<")
    assert first.message_id.endswith("@lepsimesta.cz>")


@pytest.mark.subprocess
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL=postgres://…): the worker process shares the test "
    "database, which SQLite keeps in this process's memory",
)
def test_a_worker_killed_while_the_server_hangs_after_the_data_is_retried_after_the_lease_once(
    committed_site, smtp_sink
):
    message = queue()
    smtp_sink.handler.hang_after_data = True
    worker_env = {
        "MAIL_DELIVERY_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_sink.port),
        # Seconds, so that the test can wait for it: longer than a worker process takes to start.
        "MAIL_LEASE_SECONDS": "6",
    }
    worker = WorkerProcess(worker_database_url(), **worker_env)
    try:
        # The server has the message and holds back its answer; the worker waits for it.
        worker.wait_until(lambda: len(smtp_sink.messages) == 1)
        assert len(smtp_sink.messages) == 1, "".join(worker.lines)
    finally:
        worker.kill()
    claimed = OutgoingEmail.objects.get()
    assert (claimed.status, claimed.attempts) == (OutgoingEmail.Status.PENDING, 1)
    lease_end = claimed.next_attempt_at

    smtp_sink.handler.hang_after_data = False  # the server recovers
    replacement = WorkerProcess(worker_database_url(), **worker_env)
    try:
        replacement.wait_until(lambda: replacement.logged("Mail worker: sent 1, failed 0."))
        time.sleep(0.5)  # a few more rounds of the worker, in which nothing may be sent again
        log = replacement.stop()
    finally:
        replacement.kill()

    assert message_ids(smtp_sink) == [message.message_id] * 2, log
    first, second = smtp_sink.messages
    # The lease ran from before the first copy, for MAIL_LEASE_SECONDS; the second copy came
    # after it ended.
    assert lease_end - first.received_at > timedelta(seconds=5)
    assert second.received_at >= lease_end
    claimed.refresh_from_db()
    assert (claimed.status, claimed.attempts) == (OutgoingEmail.Status.SENT, 2)
