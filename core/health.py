"""Whether the database answers, asked within a deadline that a hung server cannot stretch.

/healthz must say "down" quickly when PostgreSQL accepts connections and never answers: the
site's own connection would wait libpq's connect_timeout (whole seconds, at least 2) and, once
connected, as long as the server likes. The probe opens its own connection in psycopg2's
asynchronous mode and waits on its socket with a deadline, for the connection and the query
alike. SQLite is a local file: the site's own connection is asked.
"""

import select
import time

import psycopg2
import psycopg2.extensions
from django.db import DatabaseError, connection

# Long enough for a fresh connection (and TLS) to a busy server, short enough that a load
# balancer hears "503" well within two seconds.
PROBE_TIMEOUT_SECONDS = 1.0


def database_answers(timeout=PROBE_TIMEOUT_SECONDS):
    """True if the database runs `SELECT 1` within `timeout` seconds."""
    if connection.vendor != "postgresql":
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                return cursor.fetchone() == (1,)
        except DatabaseError:
            return False
    deadline = time.monotonic() + timeout
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    try:
        probe = psycopg2.connect(**params, async_=True)
    except psycopg2.Error:
        return False
    try:
        _wait(probe, deadline)
        cursor = probe.cursor()
        cursor.execute("SELECT 1")
        _wait(probe, deadline)
        return cursor.fetchone() == (1,)
    except (psycopg2.Error, TimeoutError):
        return False
    finally:
        probe.close()


def _wait(probe, deadline):
    """Drive an asynchronous connection until its current step is done, or the deadline."""
    while (state := probe.poll()) != psycopg2.extensions.POLL_OK:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        if state == psycopg2.extensions.POLL_READ:
            select.select([probe], [], [], remaining)
        else:
            select.select([], [probe], [], remaining)
