"""Run benchmarks: `python -m bench [analysis] [ingestion] [memory] [web] [webhttp] [load] [peer] [weight]` (all by default).

Prints a table and writes the figures as JSON to bench/results/. Runs against PostgreSQL
(BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/sanctuary_bench), never the
development database, and fills it only with data marked SYNTHETIC.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
from pathlib import Path

from bench.setup_db import configure

BENCHMARKS = ("analysis", "ingestion", "memory", "web", "webhttp", "load", "peer", "weight")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of {', '.join(BENCHMARKS)}")
    parser.add_argument("--repeats", type=int, default=5, help="runs per timing; medians are reported")
    parser.add_argument(
        "--events", default=None,
        help="web, peer: synthetic event counts to measure at (web's default 10000,100000; peer's 100000,300000)",
    )
    args = parser.parse_args()
    unknown = set(args.names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    configure()
    import importlib

    results = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "database": os.environ["DATABASE_URL"].rsplit("@", 1)[-1],
    }
    for name in args.names or BENCHMARKS:
        module = importlib.import_module(f"bench.{name}")
        if name in ("web", "webhttp", "peer"):
            sizes = tuple(int(n) for n in args.events.split(",")) if args.events else module.SIZES
            results[name] = module.run(args.repeats, sizes=sizes)
        else:
            results[name] = module.run(args.repeats)
        print(f"\n== {name} ==")
        if hasattr(module, "report"):
            module.report(results[name])
            continue
        for key, value in results[name].items():
            print(f"  {key:32} {value}")
    out_dir = Path(__file__).parent / "results"
    out_dir.mkdir(exist_ok=True)
    path = out_dir / f"{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"\nWrote {path}")


if __name__ == "__main__":
    main()
