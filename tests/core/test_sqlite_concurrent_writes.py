"""`make run` on SQLite survives two requests writing at once (an autosave arriving with the
editor's Submit): both writes succeed, neither answers "database is locked".

Two processes with `make run`'s settings (lepsimesta.settings.dev) on a SQLite file each open a
transaction that reads, works a moment and writes, the way a request saving a page does; they
start together, so their transactions overlap.
"""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# argv: the writer's name, the folder where the writers meet.
WRITE_IN_A_TRANSACTION = """
import sys, time
from pathlib import Path
import django
django.setup()
from django.db import connection, transaction

name, meeting = sys.argv[1], Path(sys.argv[2])
connection.ensure_connection()
(meeting / name).touch()
while not (meeting / "go").exists():
    time.sleep(0.01)
with transaction.atomic(), connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM revision")
    time.sleep(0.5)  # the request's work between reading and writing
    cursor.execute("INSERT INTO revision (author) VALUES (%s)", [name])
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0])
"""


def start_writer(name, database, meeting):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.Popen(
        [sys.executable, "-c", WRITE_IN_A_TRANSACTION, name, str(meeting)],
        cwd=ROOT,
        env={
            **environment,
            "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.dev",
            "DATABASE_URL": f"sqlite:///{database}",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.subprocess
def test_two_overlapping_writes_on_sqlite_both_succeed(tmp_path):
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as setup:
        setup.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, author TEXT)")
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    writers = [start_writer(name, database, meeting) for name in ("autosave", "submit")]
    deadline = time.monotonic() + 60
    while not all((meeting / name).exists() for name in ("autosave", "submit")):
        assert time.monotonic() < deadline, "the writers did not start"
        assert all(writer.poll() is None for writer in writers), writers[0].communicate()
        time.sleep(0.05)
    (meeting / "go").touch()

    results = [writer.communicate(timeout=60) for writer in writers]
    for writer, (stdout, stderr) in zip(writers, results, strict=True):
        assert writer.returncode == 0, stderr
        assert stdout.strip() == "wal"
    with sqlite3.connect(database) as check:
        authors = {author for (author,) in check.execute("SELECT author FROM revision")}
    assert authors == {"autosave", "submit"}
