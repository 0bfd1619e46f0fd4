"""`make bench`: every benchmark, each printing its own figures."""

from __future__ import annotations

import importlib

BENCHMARKS = ("bench.extraction", "bench.corpus", "bench.ingest", "bench.distributed")


def main() -> None:
    for name in BENCHMARKS:
        print(f"\n=== {name} ===", flush=True)
        importlib.import_module(name).main()


if __name__ == "__main__":
    main()
