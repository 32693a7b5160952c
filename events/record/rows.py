"""Read the record's YAML files and check every row, without touching the database.

Each row comes out as a plain dict with its values checked and normalised (dates as ``datetime.date``,
enums as their stored values), plus ``where`` (for messages) and ``digest`` (of the row as written).
Every problem found is collected, so one run names them all.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from events.choices import (
    ActionType,
    Agency,
    CaseStatus,
    DatePrecision,
    EventKind,
    InvolvementRole,
    PartyRole,
    PolicyChangeType,
    RulingOutcome,
    RulingType,
)
from events.record.errors import RecordError, Where
from jurisdictions.choices import JurisdictionKind, ListScope, PolicyCategory, PolicyStance

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTIONS = ("sources", "events", "cases", "policies", "lists")
REF_FIELDS = {"ref", "name", "state", "kind"}

SOURCE_FIELDS = {"url", "publisher", "author", "title", "published", "seed"}
EVENT_FIELDS = {
    "key", "kind", "title", "summary", "date", "date_precision", "jurisdictions", "sources",
    "reported_counts", "case", "detail",
}
CASE_FIELDS = {
    "key", "caption", "court", "docket_number", "filed", "status", "summary", "originating_event", "sources",
    "parties", "docket_url",
}
POLICY_FIELDS = {
    "key", "jurisdiction", "title", "category", "stance", "summary", "adopted", "effective", "ended", "citation",
    "sources",
}
LIST_FIELDS = {
    "key", "name", "publisher", "authority", "scope", "description", "url", "withdrawn", "withdrawn_source",
    "snapshots",
}
SNAPSHOT_FIELDS = {"published", "sources", "notes", "members"}
DETAIL_FIELDS = {
    EventKind.FEDERAL_ACTION: ({"agency", "action_type"}, {"amount_at_stake", "amount_note"}),
    EventKind.COURT_RULING: ({"court", "ruling_type", "outcome"}, {"judges"}),
    EventKind.POLICY_CHANGE: ({"policy", "change"}, set()),
    EventKind.ENFORCEMENT_OPERATION: ({"agency"}, {"operation_name", "reported_arrests", "arrests_note"}),
}
DETAIL_CHOICES = {
    "agency": Agency.values, "action_type": ActionType.values, "ruling_type": RulingType.values,
    "outcome": RulingOutcome.values, "change": PolicyChangeType.values,
}
# Model field lengths, so a row that cannot be stored is named here rather than failing mid-load.
MAX_LENGTHS = {
    "title": 300, "caption": 300, "court": 200, "docket_number": 60, "name": 200, "publisher": 200,
    "author": 200, "authority": 200, "citation": 200, "operation_name": 200, "arrests_note": 300,
    "amount_note": 300, "judges": 300, "as_listed": 200, "key": 120,
}


@dataclass
class Record:
    """Every row of every file, checked; keyed by their stable keys."""

    sources: dict[str, dict] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)
    cases: dict[str, dict] = field(default_factory=dict)
    policies: dict[str, dict] = field(default_factory=dict)
    lists: dict[str, dict] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def digest(row: Any) -> str:
    """A stable fingerprint of a row as written in its file."""
    text = json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class Checker:
    """Collects problems, each prefixed with where it is."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: Where, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def mapping(self, where: Where, value: Any, allowed: set[str], required: set[str]) -> dict | None:
        if not isinstance(value, dict):
            self.fail(where, f"expected a mapping, found {type(value).__name__}")
            return None
        for name in sorted(set(value) - allowed):
            self.fail(where, f"unknown field '{name}' (allowed: {', '.join(sorted(allowed))})")
        for name in sorted(required):
            if value.get(name) in (None, "", []):
                self.fail(where, f"'{name}' is required")
        for name, limit in MAX_LENGTHS.items():
            if isinstance(value.get(name), str) and len(value[name]) > limit:
                self.fail(where, f"'{name}' is longer than {limit} characters")
        return value

    def text(self, where: Where, row: dict, name: str) -> str:
        value = row.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(where, f"'{name}' must be text, found {value!r}")
            return ""
        return value.strip()

    def date(self, where: Where, row: dict, name: str) -> datetime.date | None:
        value = row.get(name)
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.fail(where, f"'{name}' is not a date (YYYY-MM-DD): {value!r}")
            return None

    def choice(self, where: Where, row: dict, name: str, allowed, *, default: str | None = None) -> str:
        value = row.get(name, default)
        if value not in allowed:
            self.fail(where, f"'{name}' is {value!r}, not one of {', '.join(map(str, allowed))}")
        return value

    def whole_number(self, where: Where, row: dict, name: str) -> int | None:
        value = row.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(where, f"'{name}' must be a whole number of at least 0, found {value!r}")
            return None
        return value

    def key(self, where: Where, value: Any, seen: dict, what: str) -> str | None:
        if not isinstance(value, str) or not KEY.match(value):
            self.fail(where, f"key {value!r} must be lowercase words joined by hyphens")
            return None
        if value in seen:
            self.fail(where, f"{what} key '{value}' is also used at {seen[value]['where']}")
            return None
        return value

    def reference(self, where: Where, value: Any, *, extra: set[str] = frozenset(), required_extra=()) -> dict | None:
        """A jurisdiction reference: {ref: uid} or {name, state, kind}, plus the fields of its context."""
        row = self.mapping(where, value, REF_FIELDS | set(extra), set(required_extra))
        if row is None:
            return None
        if row.get("ref"):
            if any(row.get(k) for k in ("name", "state", "kind")):
                self.fail(where, "give either 'ref' or 'name', 'state' and 'kind', not both")
            if not isinstance(row["ref"], str) or not re.match(r"^(fips:\d{2}(\d{3})?|geonames:\d+)$", row["ref"]):
                self.fail(where, f"'ref' {row['ref']!r} is not a gazetteer uid (fips:SS, fips:SSCCC, geonames:N)")
            return row
        if not all(row.get(k) for k in ("name", "state", "kind")):
            self.fail(where, "a jurisdiction needs 'ref', or all of 'name', 'state' and 'kind'")
            return None
        if row["kind"] not in JurisdictionKind.values:
            self.fail(where, f"'kind' is {row['kind']!r}, not one of {', '.join(JurisdictionKind.values)}")
        return row

    def source_keys(self, where: Where, row: dict, record: Record, *, name: str = "sources") -> list[str]:
        keys = row.get(name) or []
        if not isinstance(keys, list) or not keys:
            self.fail(where, f"'{name}' must list at least one source key")
            return []
        for key in keys:
            if key not in record.sources:
                self.fail(where, f"source '{key}' is not defined in any file's sources")
        if len(set(keys)) != len(keys):
            self.fail(where, f"'{name}' lists a source twice")
        return list(dict.fromkeys(keys))


def read_files(paths: list[Path], root: Path) -> list[tuple[str, dict]]:
    """Parse each YAML file; a file that does not parse stops everything with its line."""
    parsed, problems = [], []
    for path in paths:
        name = str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problems.append(f"{name}: not valid YAML: {exc}")
            continue
        if not isinstance(data, dict):
            problems.append(f"{name}: the file must be a mapping of {', '.join(SECTIONS)}")
            continue
        unknown = sorted(set(data) - set(SECTIONS))
        if unknown:
            problems.append(f"{name}: unknown section(s) {', '.join(unknown)} (allowed: {', '.join(SECTIONS)})")
            continue
        parsed.append((name, data))
    if problems:
        raise RecordError(problems)
    return parsed


def check_record(files: list[tuple[str, dict]]) -> Record:
    """Every row of every file, checked against the rules in record/README.md; raises with all problems."""
    record, check = Record(files=[name for name, _ in files]), Checker()
    # Sources first: every other section refers to them.
    for name, data in files:
        sources = data.get("sources") or {}
        if not isinstance(sources, dict):
            check.fail(Where(name, "sources"), "sources must be a mapping of key -> source")
            continue
        for key, row in sources.items():
            _check_source(check, Where(name, "sources", key=str(key)), key, row, record)
    for name, data in files:
        for section in ("policies", "lists", "cases", "events"):
            rows = data.get(section) or []
            if not isinstance(rows, list):
                check.fail(Where(name, section), f"{section} must be a list of rows")
                continue
            for index, row in enumerate(rows):
                key = row.get("key") if isinstance(row, dict) else None
                where = Where(name, section, index, key if isinstance(key, str) else None)
                CHECKS[section](check, where, row, record)
    _check_links(check, record)
    if check.problems:
        raise RecordError(check.problems)
    return record


def _check_source(check: Checker, where: Where, key, row, record: Record) -> None:
    key = check.key(where, key, record.sources, "source")
    row = check.mapping(where, row, SOURCE_FIELDS, {"title"})
    if key is None or row is None:
        return
    url = check.text(where, row, "url")
    if url and not re.match(r"^https?://[^\s]+$", url):
        check.fail(where, f"'url' is not an http(s) address: {url!r}")
    if not row.get("seed"):
        # Only a seed article in ../shared/seeds/ may lack an address or a date: the file has neither.
        if not url:
            check.fail(where, "'url' is required")
        if not row.get("published"):
            check.fail(where, "'published' is required (the date the page gives)")
    publisher, author = check.text(where, row, "publisher"), check.text(where, row, "author")
    if not (publisher or author):
        check.fail(where, "name the 'publisher' or the 'author'")
    record.sources[key] = {
        "where": where, "digest": digest(row), "url": url, "publisher": publisher, "author": author,
        "title": check.text(where, row, "title"), "published": check.date(where, row, "published"),
        "seed": check.text(where, row, "seed"),
    }


def _check_event(check: Checker, where: Where, row, record: Record) -> None:
    row = check.mapping(where, row, EVENT_FIELDS, {"key", "kind", "title", "summary", "date_precision", "sources"})
    if row is None:
        return
    key = check.key(where, row.get("key"), record.events, "event")
    kind = check.choice(where, row, "kind", EventKind.values)
    precision = check.choice(where, row, "date_precision", DatePrecision.values)
    day = check.date(where, row, "date")
    if precision == DatePrecision.UNKNOWN and day:
        check.fail(where, "an event with date_precision 'unknown' has no date")
    if precision in DatePrecision.values and precision != DatePrecision.UNKNOWN and not day:
        check.fail(where, f"give the date, or set date_precision to 'unknown' (it is {precision!r})")
    involvements = []
    for i, ref in enumerate(row.get("jurisdictions") or []):
        ref = check.reference(Where(where.file, f"{where.section}[{where.index}].jurisdictions", i, key), ref,
                              extra={"role"})
        if ref is not None:
            ref["role"] = check.choice(where, ref, "role", InvolvementRole.values, default=InvolvementRole.SUBJECT)
            involvements.append(ref)
    sources = check.source_keys(where, row, record)
    counts = row.get("reported_counts") or {}
    if not isinstance(counts, dict):
        check.fail(where, "'reported_counts' must map source keys to numbers")
        counts = {}
    for source, count in counts.items():
        if source not in sources:
            check.fail(where, f"reported_counts names '{source}', which the event does not cite")
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            check.fail(where, f"reported count for '{source}' must be a whole number, found {count!r}")
    detail = _check_detail(check, where, kind, row.get("detail"))
    if key is None:
        return
    record.events[key] = {
        "where": where, "digest": digest(row), "kind": kind, "title": check.text(where, row, "title"),
        "summary": check.text(where, row, "summary"), "date": day, "date_precision": precision,
        "jurisdictions": involvements, "sources": sources, "reported_counts": counts,
        "case": row.get("case") or None, "detail": detail,
    }


def _check_detail(check: Checker, where: Where, kind: str, detail) -> dict:
    if kind not in DETAIL_FIELDS:
        return {}
    required, optional = DETAIL_FIELDS[kind]
    here = Where(where.file, f"{where.section}[{where.index}].detail", key=where.key)
    detail = check.mapping(here, detail, required | optional, required)
    if detail is None:
        return {}
    out = {}
    for name in required | optional:
        if name in DETAIL_CHOICES:
            if name in detail:
                out[name] = check.choice(here, detail, name, DETAIL_CHOICES[name])
        elif name in ("amount_at_stake", "reported_arrests"):
            out[name] = check.whole_number(here, detail, name)
        else:
            out[name] = check.text(here, detail, name)
    return out


def _check_case(check: Checker, where: Where, row, record: Record) -> None:
    row = check.mapping(where, row, CASE_FIELDS, {"key", "caption", "court", "status", "sources", "parties"})
    if row is None:
        return
    key = check.key(where, row.get("key"), record.cases, "case")
    parties = []
    for i, party in enumerate(row.get("parties") or []):
        here = Where(where.file, f"{where.section}[{where.index}].parties", i, key)
        if isinstance(party, dict) and party.get("federal_party"):
            party = check.mapping(here, party, {"role", "federal_party"}, {"role"})
        else:
            party = check.reference(here, party, extra={"role"}, required_extra=("role",))
        if party is not None:
            check.choice(here, party, "role", PartyRole.values)
            parties.append(party)
    if key is None:
        return
    record.cases[key] = {
        "where": where, "digest": digest(row), "caption": check.text(where, row, "caption"),
        "court": check.text(where, row, "court"), "docket_number": check.text(where, row, "docket_number"),
        "docket_url": check.text(where, row, "docket_url"), "filed": check.date(where, row, "filed"),
        "status": check.choice(where, row, "status", CaseStatus.values), "summary": check.text(where, row, "summary"),
        "originating_event": row.get("originating_event") or None, "sources": check.source_keys(where, row, record),
        "parties": parties,
    }


def _check_policy(check: Checker, where: Where, row, record: Record) -> None:
    row = check.mapping(where, row, POLICY_FIELDS, {"key", "jurisdiction", "title", "category", "stance", "sources"})
    if row is None:
        return
    key = check.key(where, row.get("key"), record.policies, "policy")
    jurisdiction = check.reference(where, row.get("jurisdiction"))
    adopted, effective, ended = (check.date(where, row, n) for n in ("adopted", "effective", "ended"))
    if ended and (adopted or effective) and ended < (adopted or effective):
        check.fail(where, "'ended' is before the policy was adopted or took effect")
    if key is None:
        return
    record.policies[key] = {
        "where": where, "digest": digest(row), "jurisdiction": jurisdiction, "title": check.text(where, row, "title"),
        "category": check.choice(where, row, "category", PolicyCategory.values),
        "stance": check.choice(where, row, "stance", PolicyStance.values), "summary": check.text(where, row, "summary"),
        "adopted": adopted, "effective": effective, "ended": ended, "citation": check.text(where, row, "citation"),
        "sources": check.source_keys(where, row, record),
    }


def _check_list(check: Checker, where: Where, row, record: Record) -> None:
    row = check.mapping(where, row, LIST_FIELDS, {"key", "name", "publisher", "snapshots"})
    if row is None:
        return
    key = check.key(where, row.get("key"), record.lists, "list")
    withdrawn = check.date(where, row, "withdrawn")
    withdrawn_source = row.get("withdrawn_source") or None
    if withdrawn and not withdrawn_source:
        check.fail(where, "a withdrawn list names the 'withdrawn_source' that reports the withdrawal")
    if withdrawn_source and withdrawn_source not in record.sources:
        check.fail(where, f"withdrawn_source '{withdrawn_source}' is not defined in any file's sources")
    snapshots, dates = [], set()
    for i, snap in enumerate(row.get("snapshots") or []):
        here = Where(where.file, f"{where.section}[{where.index}].snapshots", i, key)
        snap = check.mapping(here, snap, SNAPSHOT_FIELDS, {"published", "sources", "members"})
        if snap is None:
            continue
        published = check.date(here, snap, "published")
        if published in dates:
            check.fail(here, f"the list already has a snapshot published {published}")
        dates.add(published)
        members = []
        for j, member in enumerate(snap.get("members") or []):
            ref = check.reference(Where(here.file, f"{here.section}[{i}].members", j, key), member,
                                  extra={"as_listed"})
            if ref is not None:
                members.append(ref)
        snapshots.append({
            "where": here, "published": published, "sources": check.source_keys(here, snap, record),
            "notes": check.text(here, snap, "notes"), "members": members,
        })
    if key is None:
        return
    record.lists[key] = {
        "where": where, "digest": digest(row), "name": check.text(where, row, "name"),
        "publisher": check.text(where, row, "publisher"), "authority": check.text(where, row, "authority"),
        "scope": check.choice(where, row, "scope", ListScope.values, default=ListScope.FEDERAL),
        "description": check.text(where, row, "description"), "url": check.text(where, row, "url"),
        "withdrawn": withdrawn, "withdrawn_source": withdrawn_source, "snapshots": snapshots,
    }


def period_end(day: datetime.date, precision: str) -> datetime.date:
    """The last day a date of that precision may stand for (a ruling 'in May 2025' may be May 31)."""
    if precision == DatePrecision.YEAR:
        return day.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        following = day.replace(day=28) + datetime.timedelta(days=4)
        return following - datetime.timedelta(days=following.day)
    return day


CHECKS = {"events": _check_event, "cases": _check_case, "policies": _check_policy, "lists": _check_list}


def _check_links(check: Checker, record: Record) -> None:
    """References between rows: cases, policies and originating events exist and fit."""
    for key, event in record.events.items():
        case = event["case"]
        if case is not None and case not in record.cases:
            check.fail(event["where"], f"case '{case}' is not defined in any file")
        if event["kind"] == EventKind.COURT_RULING:
            if case is None:
                check.fail(event["where"], "a court ruling names its 'case'")
            elif case in record.cases:
                filed = record.cases[case]["filed"]
                if filed and event["date"] and period_end(event["date"], event["date_precision"]) < filed:
                    check.fail(event["where"], f"the ruling ({event['date']}) is dated before its case was filed ({filed})")
        policy = event["detail"].get("policy")
        if event["kind"] == EventKind.POLICY_CHANGE and policy not in record.policies:
            check.fail(event["where"], f"policy '{policy}' is not defined in any file")
    for key, case in record.cases.items():
        origin = case["originating_event"]
        if origin is None:
            continue
        if origin not in record.events:
            check.fail(case["where"], f"originating_event '{origin}' is not defined in any file")
        elif record.events[origin]["kind"] != EventKind.FEDERAL_ACTION:
            check.fail(case["where"], f"originating_event '{origin}' is not a federal action")
