"""Jurisdiction references in the record -> gazetteer rows, by stable uid or by name, state and kind."""
from __future__ import annotations

from events.record.errors import Where
from jurisdictions.models import Jurisdiction


class Gazetteer:
    """Looks references up, caching each state's rows of a kind; collects what cannot be resolved."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._by_uid: dict[str, Jurisdiction] = {}
        self._by_state_kind: dict[tuple[str, str], list[Jurisdiction]] = {}

    def prefetch(self, uids: set[str]) -> None:
        self._by_uid.update(Jurisdiction.objects.in_bulk(uids, field_name="uid"))

    def resolve(self, where: Where, ref: dict) -> Jurisdiction | None:
        if ref.get("ref"):
            found = self._by_uid.get(ref["ref"])
            if found is None:
                self.problems.append(f"{where}: no jurisdiction has the uid {ref['ref']!r} (is the gazetteer loaded?)")
            return found
        name, state, kind = str(ref["name"]).strip(), str(ref["state"]).strip().upper(), ref["kind"]
        rows = self._rows(state, kind)
        wanted = name.casefold()
        matches = [j for j in rows if j.name.casefold() == wanted]
        if not matches:
            matches = [j for j in rows if wanted in (a.casefold() for a in j.aliases or [])]
        if not matches and kind in ("county", "place"):
            # A consolidated city-county (San Francisco, Philadelphia, Denver) is one row, kept as a place.
            other = "place" if kind == "county" else "county"
            matches = [
                j for j in self._rows(state, other)
                if j.is_consolidated and (j.name.casefold() == wanted or wanted in (a.casefold() for a in j.aliases or []))
            ]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            self.problems.append(f"{where}: no {kind} named {name!r} in {state} in the gazetteer")
        else:
            uids = ", ".join(j.uid for j in matches)
            self.problems.append(f"{where}: {name!r} ({kind}, {state}) is ambiguous ({uids}); give 'ref'")
        return None

    def _rows(self, state: str, kind: str) -> list[Jurisdiction]:
        key = (state, kind)
        if key not in self._by_state_kind:
            self._by_state_kind[key] = list(Jurisdiction.objects.filter(state=state, kind=kind).only(
                "id", "uid", "name", "aliases", "state", "kind", "is_consolidated"
            ))
        return self._by_state_kind[key]
