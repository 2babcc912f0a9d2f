"""A snapshot of the loaded test database, restored after every test whose writes commit.

The site is loaded once per test database (tests/conftest.py). Ordinary tests roll back; a test
that needs its data committed (a live server, a worker process, concurrent requests) writes for
real, and afterwards the database gets back exactly what it had after loading: the same rows and
the same next ids, at the cost of a copy in memory (SQLite) or of the tables the test changed
(PostgreSQL), not of loading the site again.
"""

import sqlite3

from django.db import connection, transaction

SNAPSHOT_SCHEMA = "test_snapshot"


class SqliteSnapshot:
    """SQLite's backup API copies the whole database, its search tables included, in one call."""

    def __init__(self):
        connection.ensure_connection()
        self.copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(self.copy)

    def restore(self):
        connection.ensure_connection()
        self.copy.backup(connection.connection)


class PostgresSnapshot:
    """Each table copied into a schema of its own, with its row count, and each sequence's
    position. A table the test changed has another count or a row written after the snapshot
    (a newer `xmin`); only those are copied back."""

    def __init__(self):
        self.tables = connection.introspection.table_names(include_views=False)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT_SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}")
            for table in self.tables:
                cursor.execute(
                    f'CREATE TABLE {SNAPSHOT_SCHEMA}."{table}" AS TABLE public."{table}"'
                )
            cursor.execute(
                " UNION ALL ".join(
                    f'SELECT %s, count(*) FROM public."{table}"' for table in self.tables
                ),
                self.tables,
            )
            self.counts = dict(cursor.fetchall())
            cursor.execute("SELECT txid_current()")
            # Transaction ids of rows written from now on are above this one.
            (self.last_xid,) = cursor.fetchone()
            cursor.execute(
                "SELECT quote_ident(sequencename), last_value "
                "FROM pg_sequences WHERE schemaname = 'public'"
            )
            self.sequences = cursor.fetchall()

    def changed_tables(self, cursor):
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT %s FROM (SELECT count(*) AS n, max(xmin::text::bigint) AS newest "
                f'FROM public."{table}") AS t WHERE n <> %s OR newest > %s'
                for table in self.tables
            ),
            [
                value
                for table in self.tables
                for value in (table, self.counts[table], self.last_xid % 2**32)
            ],
        )
        return [table for (table,) in cursor.fetchall()]

    def restore(self):
        # Django's foreign keys are deferred and cascade in Python, not in the database: the
        # rows of each changed table may be deleted and put back in any order.
        with transaction.atomic(), connection.cursor() as cursor:
            # A connection left inside a transaction elsewhere must fail the test, not hang it.
            cursor.execute("SET LOCAL lock_timeout = '10s'")
            for table in self.changed_tables(cursor):
                cursor.execute(f'DELETE FROM public."{table}"')
                cursor.execute(
                    f'INSERT INTO public."{table}" SELECT * FROM {SNAPSHOT_SCHEMA}."{table}"'
                )
            cursor.execute(
                "SELECT "
                + ", ".join(
                    f"setval('{name}', {value}, true)"
                    if value is not None
                    else f"setval('{name}', 1, false)"
                    for name, value in self.sequences
                )
            )


def take_snapshot():
    return SqliteSnapshot() if connection.vendor == "sqlite" else PostgresSnapshot()
