"""Sending the outbox: once (cron) or as the mail worker that runs beside the web server."""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from core import outbox
from core.outbox import OutgoingEmail

logger = logging.getLogger(__name__)


class StopSignals:
    """While active, SIGTERM and SIGINT ask the worker to stop instead of ending the process at
    once, so a message being sent is finished and recorded; the previous handlers come back on
    exit."""

    SIGNALS = (signal.SIGTERM, signal.SIGINT)
    # How soon a sleeping worker notices a signal.
    TICK = 0.2

    def __init__(self):
        self.received = None
        self.previous = {}

    def __enter__(self):
        self.previous = {number: signal.signal(number, self.handle) for number in self.SIGNALS}
        return self

    def __exit__(self, *exc_info):
        for number, handler in self.previous.items():
            signal.signal(number, handler)

    def handle(self, number, frame):
        self.received = signal.Signals(number).name

    def requested(self):
        return self.received is not None

    def sleep(self, seconds):
        """Wait `seconds`, or less if a stop is requested meanwhile."""
        deadline = time.monotonic() + seconds
        while not self.requested() and (remaining := deadline - time.monotonic()) > 0:
            time.sleep(min(remaining, self.TICK))


class Command(BaseCommand):
    help = (
        "Send the e-mails that are waiting in the outbox and due for another "
        "attempt (exponential backoff). With --loop it is the mail worker: it keeps sending "
        "until SIGTERM or SIGINT; without, it sends once (e.g. from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Also give the messages that ran out of attempts another try, now.",
        )
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Keep running: send what is due, wait --interval seconds, repeat. A database or "
            "mail server outage is logged and retried; SIGTERM or SIGINT stops the worker "
            "between two messages.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=5,
            help="Seconds between two rounds of the worker (default 5).",
        )

    def handle(self, *args, retry_failed=False, loop=False, interval=5, **options):
        if retry_failed:
            OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).update(
                status=OutgoingEmail.Status.PENDING, attempts=0
            )
        if loop:
            self.run_worker(interval)
            return
        sent, failed = outbox.deliver()
        waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).count()
        self.stdout.write(f"Sent {sent}, failed {failed}, still waiting {waiting}.")

    def run_worker(self, interval):
        logger.info("Mail worker started: sending due e-mails every %s s.", interval)
        with StopSignals() as stop:
            while not stop.requested():
                self.deliver_round(stop, interval)
                stop.sleep(interval)
        logger.info("Mail worker stopped (%s).", stop.received)

    def deliver_round(self, stop, interval):
        # As between two requests: drop a connection that broke or outlived CONN_MAX_AGE, so
        # the worker reconnects after a database outage.
        close_old_connections()
        try:
            sent, failed = outbox.deliver(should_stop=stop.requested)
        except DatabaseError as exc:
            # One line per round, however many lines the driver's message has.
            logger.error(
                "Mail worker: database unavailable (%s); retrying in %s s.",
                outbox.one_line(exc),
                interval,
            )
            return
        # The worker outlives any one error: log it with its traceback and try again later.
        except Exception:
            logger.exception("Mail worker: unexpected error; retrying in %s s.", interval)
            return
        if sent or failed:
            logger.info("Mail worker: sent %s, failed %s.", sent, failed)
