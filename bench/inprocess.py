"""In-process measurement: each page rendered through Django's test client, uncached.

The cache is emptied before every request, so each figure is the full render a visitor gets
when no page or part of one is cached: its SQL queries and its time (median and 95th
percentile). Wagtail's table of site roots is put back first, as any running site has it.
"""

import statistics
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.test import Client
from wagtail.models import Site

# Each page is requested until this many seconds have passed (at least MIN_RUNS, at most
# MAX_RUNS times), so a slow page costs the run seconds, not minutes.
SECONDS_PER_PAGE = 6.0
MIN_RUNS, MAX_RUNS = 3, 40


@dataclass
class Rendered:
    status: int
    queries: int
    size: int
    median_ms: float
    p95_ms: float
    runs: int


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def response_size(response):
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def empty_cache():
    cache.clear()
    Site.get_site_root_paths()


def render(client, path):
    """(response, size, milliseconds) of one uncached request."""
    empty_cache()
    started = time.perf_counter()
    response = client.get(path)
    size = response_size(response)
    return response, size, (time.perf_counter() - started) * 1000


class QueryCounter:
    """Counts the SQL statements run while it wraps the connection (Django's query log is
    emptied at each request's start, so it cannot count across one)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(target, client=None):
    client = client or Client()
    # The first request warms what a worker keeps (templates, translations): not timed.
    render(client, target.path)
    empty_cache()
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        response = client.get(target.path)
        size = response_size(response)
    times = []
    deadline = time.monotonic() + SECONDS_PER_PAGE
    while len(times) < MIN_RUNS or (len(times) < MAX_RUNS and time.monotonic() < deadline):
        times.append(render(client, target.path)[2])
    return Rendered(
        status=response.status_code,
        queries=counter.count,
        size=size,
        median_ms=statistics.median(times),
        p95_ms=percentile(times, 0.95),
        runs=len(times),
    )
