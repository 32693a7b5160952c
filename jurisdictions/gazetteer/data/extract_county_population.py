"""Regenerate ``county_population_v2019.csv`` from the covidcast 0.2.2 wheel (run by hand, never at load time).

    pip download --no-deps covidcast==0.2.2 -d /tmp/covidcast
    python jurisdictions/gazetteer/data/extract_county_population.py /tmp/covidcast/covidcast-0.2.2-py3-none-any.whl

The wheel's ``covidcast/geo_mappings/county_census.csv`` is the U.S. Census Bureau's co-est2019-alldata
table. We keep the county rows (SUMLEV 050) and four of its columns, unchanged: the state and county FIPS
(joined into the five-digit code), the Census names, and POPESTIMATE2019. See README.md beside this file.
"""
from __future__ import annotations

import csv
import hashlib
import io
import sys
import zipfile
from pathlib import Path

WHEEL_SHA256 = "99f2051ace8fe2d96092c2a0cf7cbbd1aba890ac0706f9b7543ac2ef926d9e58"
MEMBER = "covidcast/geo_mappings/county_census.csv"
MEMBER_SHA256 = "cf961d99cfc36fb01c395ee2ebd73fb0a497c4747aaf05e3b784e54006017b67"
OUT = Path(__file__).with_name("county_population_v2019.csv")
HEADER = ("fips", "census_state_name", "census_county_name", "popestimate2019")


def main(wheel: str) -> None:
    data = Path(wheel).read_bytes()
    if hashlib.sha256(data).hexdigest() != WHEEL_SHA256:
        sys.exit(f"{wheel} is not the covidcast 0.2.2 wheel this file was made from (sha256 differs)")
    raw = zipfile.ZipFile(io.BytesIO(data)).read(MEMBER)
    assert hashlib.sha256(raw).hexdigest() == MEMBER_SHA256
    rows = []
    for row in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        if row["SUMLEV"] != "50":  # 040 = state totals
            continue
        fips = row["STATE"].zfill(2) + row["COUNTY"].zfill(3)
        rows.append((fips, row["STNAME"], row["CTYNAME"], int(row["POPESTIMATE2019"])))
    rows.sort()
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"wrote {len(rows)} counties to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
