"""`python -m bench [--scale full|small]`: build (or reuse) the data set, then measure.

The data set lives in a database of its own: `bench-SCALE.sqlite3` by default, or the
PostgreSQL database BENCH_DATABASE_URL names (with `_small` appended to its name for the small
scale), and its uploads in `bench-media/SCALE/`. Everything runs with the production settings.
"""

import argparse
import os
import sys
from pathlib import Path

from bench.environment import bench_environment

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", choices=["full", "small"], default="full")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["inprocess", "load", "memory", "profile"],
        help="leave out a part of the measurement (repeatable)",
    )
    parser.add_argument(
        "--seconds", type=float, default=4.0, help="length of each load window (default 4)"
    )
    parser.add_argument("--port", type=int, default=8765)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    os.environ.update(bench_environment(args.scale, args.port, ROOT))
    os.chdir(ROOT)
    import django

    django.setup()
    from bench.run import run

    run(args)


if __name__ == "__main__":
    main()
