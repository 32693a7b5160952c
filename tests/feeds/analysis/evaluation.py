"""Scoring the analyser against the hand-labelled articles in labelled.jsonl.

Each line: {"id", "title", "text", "published", "expected": {"relevant", "jurisdictions": [{"id", "name",
"role"}], "kinds", "agencies", "event_date"}}. The articles were written for this test set in our own words;
the labels say what a careful reader finds, not what the rules happen to do.
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

LABELLED = Path(__file__).with_name("labelled.jsonl")
REAL = Path(__file__).with_name("real_articles.jsonl")
HELD_OUT = Path(__file__).with_name("heldout_articles.jsonl")


def f1(counts: "Counts") -> float:
    p, r = counts.precision, counts.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def load(path: Path = LABELLED) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def parse_published(value: str | None) -> datetime.datetime | datetime.date | None:
    if not value:
        return None
    if "T" in value:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return datetime.date.fromisoformat(value)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, item: str, expected: set, found: set) -> None:
        self.tp += len(expected & found)
        for x in sorted(found - expected):
            self.fp += 1
            self.errors.append(f"{item}: extra {x}")
        for x in sorted(expected - found):
            self.fn += 1
            self.errors.append(f"{item}: missed {x}")

    def line(self, label: str) -> str:
        return (f"{label:<26} P={self.precision:.3f} R={self.recall:.3f} F1={f1(self):.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


@dataclass
class Report:
    jurisdictions: Counts = field(default_factory=Counts)  # (article, uid)
    with_roles: Counts = field(default_factory=Counts)  # (article, uid, role)
    subjects: Counts = field(default_factory=Counts)  # (article, uid) with role subject
    relevance: Counts = field(default_factory=Counts)  # relevant articles
    kinds: Counts = field(default_factory=Counts)
    agencies: Counts = field(default_factory=Counts)
    dates_right: int = 0
    dates_close: int = 0  # within 3 days (both null counts)
    dates_total: int = 0
    date_errors: list[str] = field(default_factory=list)

    def overall(self) -> Counts:
        total = Counts()
        for part in (self.jurisdictions, self.relevance, self.kinds, self.agencies):
            total.tp += part.tp
            total.fp += part.fp
            total.fn += part.fn
        return total

    def lines(self) -> list[str]:
        return [
            self.jurisdictions.line("jurisdictions"),
            self.with_roles.line("jurisdictions + role"),
            self.subjects.line("subjects"),
            self.relevance.line("relevance"),
            self.kinds.line("kinds"),
            self.agencies.line("agencies"),
            f"{'event date':<26} {self.dates_right}/{self.dates_total} exact, {self.dates_close} within 3 days",
            self.overall().line("overall (j+rel+kind+agency)"),
        ]


def evaluate(items: list[dict]) -> Report:
    from feeds.analysis import analyze

    report = Report()
    for item in items:
        exp = item["expected"]
        got = analyze(item["title"], item["text"], parse_published(item.get("published")))
        key = item["id"]
        exp_j = {j["id"] for j in exp["jurisdictions"]}
        got_j = {j.uid for j in got.jurisdictions}
        report.jurisdictions.add(key, exp_j, got_j)
        report.with_roles.add(key, {(j["id"], j["role"]) for j in exp["jurisdictions"]},
                              {(j.uid, j.role) for j in got.jurisdictions})
        report.subjects.add(key, {j["id"] for j in exp["jurisdictions"] if j["role"] == "subject"},
                            {j.uid for j in got.jurisdictions if j.role == "subject"})
        report.relevance.add(key, {"relevant"} if exp["relevant"] else set(), {"relevant"} if got.relevant else set())
        report.kinds.add(key, set(exp["kinds"]), set(got.kinds))
        report.agencies.add(key, set(exp["agencies"]), set(got.agencies))
        if not exp["relevant"]:
            continue  # no event to date: the analyser dates relevant articles only
        report.dates_total += 1
        got_date = got.event_date.isoformat() if got.event_date else None
        if got_date == exp["event_date"]:
            report.dates_right += 1
            report.dates_close += 1
        elif got_date and exp["event_date"] and abs(
                (got.event_date - datetime.date.fromisoformat(exp["event_date"])).days) <= 3:
            report.dates_close += 1
            report.date_errors.append(f"{key}: expected {exp['event_date']}, got {got_date} (within 3 days)")
        else:
            report.date_errors.append(f"{key}: expected {exp['event_date']}, got {got_date}")
    return report
