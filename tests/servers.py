"""The site in a real server process, as production runs it: gunicorn on a free loopback port.

For tests about what only a real server shows: its log, its workers held by slow clients, its
answers while the database hangs. Every wait is bounded in time.
"""

import http.client
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from django.conf import settings

from tests.mail import free_port

# A worker imports Django and Wagtail before its first answer; a busy 2-core machine is slow.
STARTUP_SECONDS = 120


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float


def request(port, path, method="GET", timeout=10, headers=None):
    """One HTTP request to 127.0.0.1:port; raises TimeoutError if no answer within `timeout`."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return Answer(response.status, response.headers, body, time.monotonic() - started)


class Gunicorn:
    """gunicorn serving the site with test settings (and `env` on top), started and ready."""

    def __init__(self, workers=1, **env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "lepsimesta.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                # Leave the machine's own gunicorn control socket (~/.gunicorn) alone.
                "--no-control-socket",
            ],
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.test",
                "REDIS_URL": "",
                **env,
            },
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines = []
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()
        self._wait_until_serving()

    def _read_log(self):
        for line in self.process.stderr:
            self.lines.append(line)

    def _wait_until_serving(self):
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                request(self.port, "/healthz", timeout=STARTUP_SECONDS)
                return
            except ConnectionRefusedError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError("gunicorn did not start:\n" + "".join(self.lines))

    def stop(self):
        """Stop the server (SIGTERM, as a container stop sends it); its whole log."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(5)
        return "".join(self.lines)
