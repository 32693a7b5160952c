"""Resolving rows against the gazetteer: each row becomes resolved, ambiguous (with candidates),
unresolved (with a reason and suggestions) or a duplicate of an earlier row.

A bounded number of queries whatever the row count: the names, aliases and ids of the whole file are
looked up in batches. Suggestions for unresolved rows cost one query each, for at most
``MAX_SUGGESTED_ROWS`` rows.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models.functions import Lower

from jurisdictions.choices import STATE_LEVEL_KINDS
from jurisdictions.listimport.csvfile import Row, read_rows
from jurisdictions.listimport.names import (
    COUNTY,
    CONSOLIDATED,
    KIND_WORDS,
    PLACE,
    STATE,
    agrees_with,
    kind_allows,
    name_forms,
)
from jurisdictions.lookup import suggest
from jurisdictions.models import Jurisdiction

MAX_NAME_LENGTH = 200  # Listing.name_as_listed
MAX_SUGGESTED_ROWS = 100
MAX_CANDIDATES = 8  # suggestions for an unresolved row
MAX_AMBIGUOUS_CHOICES = 60  # every "Washington County" (30) fits
# Batches for "name IN (...)" look-ups: well under SQLite's limit on query parameters.
_BATCH = 500

RESOLVED, AMBIGUOUS, UNRESOLVED, DUPLICATE = "resolved", "ambiguous", "unresolved", "duplicate"


@dataclass
class RowResult:
    """What one row resolved to. ``candidates`` are the choices offered for an ambiguous row, or
    suggestions for an unresolved one; ``duplicate_of`` the line that already named the jurisdiction."""

    row: Row
    status: str
    jurisdiction: Jurisdiction | None = None
    candidates: list[Jurisdiction] = field(default_factory=list)
    reason: str = ""
    duplicate_of: int | None = None
    fixed_by_editor: bool = False

    @property
    def needs_fix(self) -> bool:
        return self.status in (AMBIGUOUS, UNRESOLVED)


@dataclass
class ImportPreview:
    """Everything the editor must see before saving. ``ready`` when the file is readable, has rows, and
    every row names exactly one jurisdiction (duplicates are shown and saved once)."""

    results: list[RowResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def _with(self, status: str) -> list[RowResult]:
        return [r for r in self.results if r.status == status]

    @property
    def resolved(self) -> list[RowResult]:
        return self._with(RESOLVED)

    @property
    def ambiguous(self) -> list[RowResult]:
        return self._with(AMBIGUOUS)

    @property
    def unresolved(self) -> list[RowResult]:
        return self._with(UNRESOLVED)

    @property
    def duplicates(self) -> list[RowResult]:
        return self._with(DUPLICATE)

    @property
    def problems(self) -> list[RowResult]:
        return [r for r in self.results if r.needs_fix]

    @property
    def rows(self) -> list[Row]:
        return [r.row for r in self.results]

    @property
    def ready(self) -> bool:
        return not self.errors and bool(self.resolved) and not self.problems


class _Gazetteer:
    """The slice of the gazetteer a file needs, fetched in a few batched queries."""

    def __init__(self, rows: Iterable[Row], fixes: Mapping[int, str]) -> None:
        self.states = {}  # "il" and "illinois" -> "IL"
        for j in Jurisdiction.objects.filter(kind__in=STATE_LEVEL_KINDS).only("name", "state"):
            self.states[j.state.lower()] = j.state
            self.states[j.name.lower()] = j.state
        uids = {r.uid for r in rows if r.uid} | {u for u in fixes.values() if u}
        names = set()
        for r in rows:
            forms = name_forms(r.name, KIND_WORDS.get(r.kind.lower(), ""))
            names.update(f.lower() for f in (*forms.exact, *forms.restyled))
        self.by_uid: dict[str, Jurisdiction] = {}
        for batch in _batches(sorted(uids)):
            self.by_uid.update((j.uid, j) for j in Jurisdiction.objects.filter(uid__in=batch))
        self.by_name: dict[str, list[Jurisdiction]] = {}
        for batch in _batches(sorted(names)):
            found = Jurisdiction.objects.annotate(lower_name=Lower("name")).filter(lower_name__in=batch)
            for j in found:
                self.by_name.setdefault(j.name.lower(), []).append(j)
        # ~1,000 rows carry aliases ("City and County of Denver"); one query reads them all.
        self.by_alias: dict[str, list[Jurisdiction]] = {}
        for j in Jurisdiction.objects.exclude(aliases=[]):
            for alias in j.aliases:
                self.by_alias.setdefault(" ".join(alias.split()).lower(), []).append(j)

    def state_code(self, written: str) -> str:
        """'IL', 'il', 'Illinois', 'D.C.' -> the USPS code; '' when no state is written that way."""
        written = " ".join(written.split()).lower()
        return self.states.get(written) or self.states.get(written.replace(".", "").replace(" ", ""), "")

    def named(self, forms: Iterable[str]) -> list[Jurisdiction]:
        found: dict[int, Jurisdiction] = {}
        for form in forms:
            for j in (*self.by_name.get(form.lower(), ()), *self.by_alias.get(form.lower(), ())):
                found[j.pk] = j
        return list(found.values())


def _batches(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _BATCH):
        yield values[start : start + _BATCH]


def _ordered(candidates: Iterable[Jurisdiction]) -> list[Jurisdiction]:
    """Biggest first: the likeliest for a list of sanctuary jurisdictions, and the order editors scan."""
    found = sorted(candidates, key=lambda j: (-(j.population or 0), j.state, j.name, j.pk))
    return found[:MAX_AMBIGUOUS_CHOICES]


def resolve_rows(rows: list[Row], fixes: Mapping[int, str] | None = None) -> list[RowResult]:
    """Resolve each row. `fixes` maps a row's line to the id an editor chose for it on the preview page;
    the editor's choice stands even where the printed name differs (e.g. a misprint on the list)."""
    fixes = {line: " ".join(uid.split()) for line, uid in (fixes or {}).items() if uid and uid.strip()}
    gazetteer = _Gazetteer(rows, fixes)
    results = [_resolve(row, gazetteer, fixes.get(row.line, "")) for row in rows]
    _attach_suggestions(results, gazetteer)
    _mark_duplicates(results)
    return results


def _resolve(row: Row, gazetteer: _Gazetteer, fix: str) -> RowResult:
    if fix:
        chosen = gazetteer.by_uid.get(fix)
        if chosen is None:
            return RowResult(row, UNRESOLVED, reason=f"No jurisdiction has the id “{fix}”.")
        return RowResult(row, RESOLVED, chosen, fixed_by_editor=True)
    if not row.name and not row.uid:
        return RowResult(row, UNRESOLVED, reason="The row has no name.")
    if len(row.name) > MAX_NAME_LENGTH:
        return RowResult(row, UNRESOLVED, reason=f"The name is longer than {MAX_NAME_LENGTH} characters.")
    kind = ""
    if row.kind:
        kind = KIND_WORDS.get(row.kind.lower(), "")
        if not kind:
            return RowResult(row, UNRESOLVED, reason=f"Unknown kind “{row.kind}”; write state, county or city.")
    state = ""
    if row.state:
        state = gazetteer.state_code(row.state)
        if not state:
            return RowResult(row, UNRESOLVED, reason=f"Unknown state “{row.state}”; write its two-letter code.")
    if row.uid:
        return _resolve_by_id(row, gazetteer, state, kind)
    forms = name_forms(row.name, kind)
    group = kind or forms.implied_kind
    fits = lambda j: (not state or j.state == state) and (not group or kind_allows(group, j))  # noqa: E731
    # The name as printed first: "Baltimore County" must not fall through to Baltimore city.
    for tier in (forms.exact, forms.restyled):
        candidates = [j for j in gazetteer.named(tier) if fits(j)]
        if len(candidates) == 1:
            return RowResult(row, RESOLVED, candidates[0])
        if candidates:
            return RowResult(
                row, AMBIGUOUS, candidates=_ordered(candidates),
                reason=f"{len(candidates)} jurisdictions match; "
                + ("add the state." if not state else "add the kind or choose one."),
            )
    where = f" in {state}" if state else ""
    return RowResult(row, UNRESOLVED, reason=f"No {_kind_label(group)} called “{row.name}”{where} in the gazetteer.")


def _resolve_by_id(row: Row, gazetteer: _Gazetteer, state: str, kind: str) -> RowResult:
    j = gazetteer.by_uid.get(row.uid)
    if j is None:
        return RowResult(row, UNRESOLVED, reason=f"No jurisdiction has the id “{row.uid}”.")
    disagreements = []
    if state and j.state != state:
        disagreements.append(f"the state is {j.state}")
    if kind and not kind_allows(kind, j):
        disagreements.append(f"it is a {j.get_kind_display().lower()}")
    if row.name and not agrees_with(row.name, j):
        disagreements.append(f"it is called {j.name}")
    if disagreements:
        return RowResult(
            row, UNRESOLVED, candidates=[j],
            reason=f"The id {row.uid} is {j}, which does not fit the row: {'; '.join(disagreements)}.",
        )
    return RowResult(row, RESOLVED, j)


def _kind_label(group: str) -> str:
    return {STATE: "state", COUNTY: "county", PLACE: "city or place", CONSOLIDATED: "city-county"}.get(group, "jurisdiction")


def _attach_suggestions(results: list[RowResult], gazetteer: _Gazetteer) -> None:
    """Offer likely choices for unresolved rows (names that start the same way), biggest first."""
    for result in [r for r in results if r.status == UNRESOLVED and not r.candidates][:MAX_SUGGESTED_ROWS]:
        if not result.row.name or len(result.row.name) > MAX_NAME_LENGTH:
            continue
        stem = name_forms(result.row.name).restyled[:1] or (result.row.name,)
        state = gazetteer.state_code(result.row.state)
        found = suggest(f"{stem[0]}, {state}" if state else stem[0], limit=MAX_CANDIDATES * 3)
        result.candidates = [j for j in found if not state or j.state == state][:MAX_CANDIDATES]


def _mark_duplicates(results: list[RowResult]) -> None:
    first_line: dict[int, int] = {}
    for result in results:
        if result.status != RESOLVED:
            continue
        seen = first_line.setdefault(result.jurisdiction.pk, result.row.line)
        if seen != result.row.line:
            result.status, result.duplicate_of = DUPLICATE, seen
            result.reason = f"Names the same jurisdiction as line {seen}; saved once."


def preview_rows(rows: list[Row], fixes: Mapping[int, str] | None = None, warnings: list[str] | None = None) -> ImportPreview:
    return ImportPreview(results=resolve_rows(rows, fixes), warnings=list(warnings or []))


def preview_upload(data: bytes, fixes: Mapping[int, str] | None = None) -> ImportPreview:
    """Read and resolve an uploaded file. Reads only; saves nothing."""
    parsed = read_rows(data)
    if parsed.errors:
        return ImportPreview(errors=parsed.errors, warnings=parsed.warnings)
    return preview_rows(parsed.rows, fixes, parsed.warnings)
