"""The benchmark's steps: the database and data set, then each measurement and the table."""

import cProfile
import io
import os
import platform
import pstats
import sys
import time
from io import StringIO
from pathlib import Path

import psycopg2
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client

from bench import inprocess, load
from bench.dataset import SCALES, Builder, count_pages, is_built
from bench.pages import targets

RESULTS = Path(settings.BASE_DIR) / "bench-results"
# The pages whose uncached render is profiled (point 6 of issue 19).
PROFILED = ("home cs", "press release", "sitemap.xml")
# Five renders each, or fewer once this many seconds have gone (a slow sitemap).
PROFILE_RUNS, PROFILE_SECONDS = 5, 20
# The mix of the memory run: every target in turn, with a DOCX download every fourth request.
MEMORY_REQUESTS = 1_000


def ensure_postgres_database():
    """CREATE DATABASE for BENCH_DATABASE_URL's name, if it is not there yet."""
    params = connection.get_connection_params()
    name = settings.DATABASES["default"]["NAME"]
    server = psycopg2.connect(**{**params, "dbname": "postgres"})
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()


def describe_database():
    return f"{connection.vendor} {settings.DATABASES['default']['NAME']}"


def prepare(scale, out):
    """Migrate, load the site, collect static files and build the data set unless present."""
    if connection.vendor == "postgresql":
        ensure_postgres_database()
    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    if is_built(scale):
        out.write(f"Reusing the {scale.name} data set in {describe_database()}.\n")
    else:
        out.write(f"Building the {scale.name} data set in {describe_database()}…\n")
        call_command("load_site", verbosity=0, stdout=StringIO())
        Builder(scale, stdout=out).build()
        out.write(f"Built in {time.monotonic() - started:.0f} s.\n")
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", verbosity=0, interactive=False)


def machine():
    cpus = len(os.sched_getaffinity(0))
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return (
        f"{cpus} CPUs ({model}), {memory_kb / 1024 / 1024:.1f} GB, Python "
        f"{platform.python_version()}, {connection.vendor} {connection.Database.__name__}, "
        f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}"
    )


def measure_in_process(found, out):
    client = Client()
    rendered = {}
    for target in found:
        if target.kind == "static":
            continue
        rendered[target.label] = result = inprocess.measure(target, client)
        out.write(
            f"  {target.label:<26} {result.status} {result.queries:>3} queries "
            f"{result.median_ms:8.1f} ms median {result.p95_ms:8.1f} p95\n"
        )
    return rendered


def measure_load(found, seconds, port, out):
    """{label: (cold Window, warm Window)}: each target after a restart, then again."""
    server = load.Gunicorn(port, settings.BASE_DIR)
    windows = {}
    try:
        for target in found:
            cache.clear()
            server.restart()
            cold = load.hammer(port, [target.path], seconds)
            warm = load.hammer(port, [target.path], seconds)
            windows[target.label] = (cold, warm)
            out.write(
                f"  {target.label:<26} cold {cold.rate:8.1f}/s  warm {warm.rate:8.1f}/s"
                f"  errors {cold.errors + warm.errors}\n"
            )
    finally:
        server.stop()
    return windows


def measure_memory(found, port, out):
    """Peak RSS of each worker after MEMORY_REQUESTS mixed requests, DOCX downloads among them."""
    pages = [target.path for target in found if target.kind != "static"]
    docx = next(target.path for target in found if "DOCX" in target.label)
    mix = []
    for number, path in enumerate(pages * 4):
        mix.append(path)
        if number % 3 == 2:
            mix.append(docx)
    server = load.Gunicorn(port, settings.BASE_DIR)
    try:
        cache.clear()
        server.restart()
        started = time.monotonic()
        errors = load.request_count(port, mix, MEMORY_REQUESTS)
        peaks = server.peak_rss_mb()
    finally:
        server.stop()
    out.write(
        f"  {MEMORY_REQUESTS} requests in {time.monotonic() - started:.0f} s, {errors} errors; "
        f"peak RSS per worker: {', '.join(f'{mb:.0f} MB' for mb in peaks.values())}\n"
    )
    return peaks, errors, mix.count(docx) * MEMORY_REQUESTS // len(mix)


def profile(found, scale, out):
    """cProfile of uncached renders of the PROFILED pages, the top of each saved beside the
    table."""
    client = Client()
    for target in found:
        if target.label not in PROFILED:
            continue
        inprocess.render(client, target.path)
        profiler = cProfile.Profile()
        runs, deadline = 0, time.monotonic() + PROFILE_SECONDS
        while runs < PROFILE_RUNS and (runs == 0 or time.monotonic() < deadline):
            inprocess.empty_cache()
            profiler.enable()
            client.get(target.path)
            profiler.disable()
            runs += 1
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(30)
        name = target.label.replace(" ", "-").replace(".", "-")
        path = RESULTS / f"profile-{scale.name}-{name}.txt"
        path.write_text(f"{runs} uncached renders of {target.path}\n{text.getvalue()}")
        out.write(f"  {target.label}: {path.relative_to(settings.BASE_DIR)}\n")


def ratio(window, static):
    return f"{window.rate / static.rate * 100:.1f} %" if static.rate else "—"


def table(found, rendered, windows):
    """The results as a Markdown table, one row per target."""
    static = windows.get(found[0].label)
    lines = [
        "| page | queries | render median / p95 ms | cold req/s (% of static) | cold p50 / p99 ms "
        "| warm req/s (% of static) | warm p50 / p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for target in found:
        result = rendered.get(target.label)
        cells = [f"`{target.label}`"]
        if result is None:
            cells += ["—", "—"]
        else:
            status = "" if result.status == 200 else f" (HTTP {result.status})"
            cells += [f"{result.queries}{status}", f"{result.median_ms:.1f} / {result.p95_ms:.1f}"]
        if target.label in windows and static:
            cold, warm = windows[target.label]
            static_cold, static_warm = static
            cells += [
                f"{cold.rate:.1f} ({ratio(cold, static_cold)})",
                f"{cold.p50_ms:.0f} / {cold.p99_ms:.0f}",
                f"{warm.rate:.1f} ({ratio(warm, static_warm)})",
                f"{warm.p50_ms:.0f} / {warm.p99_ms:.0f}",
            ]
        else:
            cells += ["—"] * 4
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run(args, out=sys.stdout):
    scale = SCALES[args.scale]
    prepare(scale, out)
    RESULTS.mkdir(exist_ok=True)
    found = targets()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    counts = ", ".join(f"{count:,} {model.__name__}" for model, count in count_pages(scale).items())
    rendered, windows, memory = {}, {}, None
    if "inprocess" not in args.skip:
        out.write("In-process, uncached:\n")
        rendered = measure_in_process(found, out)
    if "profile" not in args.skip:
        out.write("Profiles:\n")
        profile(found, scale, out)
    if "load" not in args.skip:
        out.write(f"gunicorn, {load.WORKERS} workers, {load.CLIENTS} clients, {args.seconds} s:\n")
        windows = measure_load(found, args.seconds, args.port, out)
    if "memory" not in args.skip:
        out.write("Memory:\n")
        memory = measure_memory(found, args.port, out)
    report = [
        f"## `make bench SCALE={scale.name}` — {started}",
        "",
        f"Data: {counts} per language. Machine: {machine()}.",
        f"Load: gunicorn {load.WORKERS} sync workers, production settings; {load.CLIENTS} client "
        f"processes on loopback, {args.seconds:g} s per window; cold = the first window after a "
        "restart with an empty cache, warm = the next.",
        "",
        table(found, rendered, windows),
    ]
    if memory:
        peaks, errors, downloads = memory
        report += [
            "",
            f"Peak RSS per worker after {MEMORY_REQUESTS} mixed requests (about {downloads} of "
            f"them DOCX downloads, {errors} errors): "
            + ", ".join(f"{mb:.0f} MB" for mb in sorted(peaks.values())),
        ]
    text = "\n".join(report) + "\n"
    (RESULTS / f"{scale.name}.md").write_text(text)
    out.write("\n" + text)
