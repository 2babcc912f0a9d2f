"""Load on loopback: gunicorn (2 sync workers, production settings) and a small client.

The client runs in processes of its own (not threads: the interpreter's lock would make it
the bottleneck), each sending one request at a time on a new connection — gunicorn's sync
workers close every connection — until the window's deadline. Its figures are compared with a
static file's through the same gunicorn in the same run, never read alone: on a 2-core machine
the client takes CPU from the server for pages and the static file alike.
"""

import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

WORKERS = 2
CLIENTS = 4
# A request still unanswered after this long counts as failed.
REQUEST_TIMEOUT = 120


@dataclass
class Window:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


def request_bytes(path, host):
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: lepsimesta-bench\r\n"
        "Accept-Encoding: identity\r\nConnection: close\r\n\r\n"
    ).encode()


def fetch(port, raw):
    """(status, milliseconds) of one request on a new connection; status 0 when it failed."""
    started = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=REQUEST_TIMEOUT) as sock:
            sock.sendall(raw)
            first = sock.recv(65536)
            while sock.recv(65536):
                pass
        status = int(first.split(b" ", 2)[1]) if first.startswith(b"HTTP/") else 0
    except (OSError, ValueError, IndexError):
        status = 0
    return status, (time.perf_counter() - started) * 1000


def client_loop(port, raws, deadline, results):
    """One client: the paths in turn, one at a time, until the deadline."""
    timings, errors, number = [], 0, 0
    while time.monotonic() < deadline:
        status, ms = fetch(port, raws[number % len(raws)])
        number += 1
        if status == 200:
            timings.append(ms)
        else:
            errors += 1
    results.put((timings, errors))


def hammer(port, paths, seconds, clients=CLIENTS):
    """A window of load: `clients` processes requesting `paths` for `seconds`."""
    raws = [request_bytes(path, f"127.0.0.1:{port}") for path in paths]
    results = multiprocessing.Queue()
    started = time.monotonic()
    deadline = started + seconds
    processes = [
        multiprocessing.Process(target=client_loop, args=(port, raws, deadline, results))
        for _ in range(clients)
    ]
    for process in processes:
        process.start()
    gathered = [results.get() for _ in processes]
    for process in processes:
        process.join()
    elapsed = time.monotonic() - started
    timings = sorted(ms for chunk, _errors in gathered for ms in chunk)
    errors = sum(errors for _chunk, errors in gathered)
    if not timings:
        return Window(0, errors, elapsed, 0.0, 0.0)
    p99 = timings[min(len(timings) - 1, round(0.99 * (len(timings) - 1)))]
    return Window(len(timings), errors, elapsed, statistics.median(timings), p99)


def request_count(port, paths, count, clients=CLIENTS):
    """Send `count` requests (the paths in turn) from `clients` processes; returns the errors."""
    raws = [request_bytes(path, f"127.0.0.1:{port}") for path in paths]
    with multiprocessing.Pool(clients) as pool:
        statuses = pool.starmap(fetch, [(port, raws[n % len(raws)]) for n in range(count)])
    return sum(1 for status, _ms in statuses if status != 200)


class Gunicorn:
    """gunicorn serving the site as production does (2 sync workers), on loopback."""

    def __init__(self, port, root):
        self.port = port
        self.root = Path(root)
        self.process = None

    def start(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "lepsimesta.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(WORKERS),
                "--timeout",
                str(REQUEST_TIMEOUT),
                "--log-level",
                "warning",
            ],
            cwd=self.root,
            env=os.environ.copy(),
        )
        self.wait_until_ready()

    def wait_until_ready(self, timeout=90):
        """Until both workers run and one answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            if len(self.worker_pids()) == WORKERS:
                status, _ms = fetch(self.port, request_bytes("/robots.txt", "127.0.0.1"))
                if status == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer")

    def restart(self):
        """New workers (empty memory, empty local caches): what a deployment starts from."""
        self.stop()
        self.start()

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def peak_rss_mb(self):
        """{worker pid: peak resident memory in MB} (VmHWM, Linux's high-water mark)."""
        peaks = {}
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = int(line.split()[1]) / 1024
        return peaks

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
