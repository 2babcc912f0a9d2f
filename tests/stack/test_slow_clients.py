"""Slow clients cannot starve the workers: nginx holds them, gunicorn's workers stay free.

Each slow client sends a request line, then one header every 2 s, and never ends its headers
(slowloris). Four times as many as gunicorn has workers go to nginx; /healthz through nginx
answers within a second all the while. The same trick, once per worker, straight at gunicorn
leaves /healthz unanswered: what nginx is there for.
"""

import time

import pytest

from tests.servers import request
from tests.stack.clients import SlowClients
from tests.stack.conftest import APP_WORKERS

WINDOW_SECONDS = 6  # below nginx's client_header_timeout (10 s), which ends them


def test_healthz_answers_through_nginx_while_slow_clients_hold_connections(proxy):
    answers = []
    with SlowClients(proxy, count=4 * APP_WORKERS) as slow:
        deadline = time.monotonic() + WINDOW_SECONDS
        while time.monotonic() < deadline:
            time.sleep(1)
            answers.append(request(proxy, "/healthz", timeout=5))
        assert slow.still_open(), "the slow clients were held, not turned away"
    assert len(answers) >= 4
    assert [answer.status for answer in answers] == [200] * len(answers)
    assert max(answer.seconds for answer in answers) < 1, [a.seconds for a in answers]


def test_the_same_slow_clients_starve_gunicorn_without_nginx(app):
    with SlowClients(app.port, count=APP_WORKERS):
        time.sleep(1)  # each worker has taken one and waits for the rest of its headers
        with pytest.raises(TimeoutError):
            request(app.port, "/healthz", timeout=3)
    # Once they are gone, the workers answer again.
    assert request(app.port, "/healthz", timeout=30).status == 200
