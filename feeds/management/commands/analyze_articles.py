"""``manage.py analyze_articles IN.jsonl``: run the analyser over articles in a file, one JSON line out per line in.

Input lines: {"id", "title", "text", "published"} ("published" an ISO date or date-time, or null). Output
lines (stdout), in input order: {"id", "relevant", "score", "jurisdictions": [{"name", "kind", "state",
"id", "role"}], "kinds", "agencies", "event_date"}. This is how the analyser's quality is measured: keep
the format stable.

A line that is not a valid article (not JSON, not an object, a bad "published") gets no output line: the
command says why on stderr ("line 7: skipped, not a valid article: ..."), carries on with the next line,
and ends with a count of skipped lines on stderr; the exit status stays 0, so a measurement run over a
large file is not lost to one bad line (match output to input by "id"). Blank lines are skipped. "-" reads
standard input; an unreadable file is an error (status 1).
"""
from __future__ import annotations

import datetime
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from feeds.analysis import analyze


def parse_published(value) -> datetime.datetime | datetime.date | None:
    """An ISO 8601 date or date-time ("Z" allowed), or None; ValueError for anything else."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, not {type(value).__name__}")
    text = value.strip()
    if len(text) == 10:
        return datetime.date.fromisoformat(text)
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


class Command(BaseCommand):
    help = "Analyse articles from a JSON Lines file and print one JSON line per article."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help='JSON Lines file of {"id", "title", "text", "published"}; "-" for stdin.')

    def handle(self, *args, path: str, **options) -> None:
        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        failed = 0
        with stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    if not isinstance(item, dict):
                        raise ValueError("a line must be a JSON object")
                    published = parse_published(item.get("published"))
                except ValueError as exc:  # json.JSONDecodeError is a ValueError
                    failed += 1
                    self.stderr.write(f"line {number}: skipped, not a valid article: {exc}")
                    continue
                analysis = analyze(str(item.get("title") or ""), str(item.get("text") or ""), published)
                self.stdout.write(json.dumps(analysis.as_json(item.get("id")), ensure_ascii=False))
        if failed:
            self.stderr.write(f"{failed} line(s) skipped; see the messages above")
