"""The feedparser test corpus (../shared/corpora/feedparser), read in place: never copied into the project."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import shared_path


def corpus_files(*folders: str) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        root = shared_path("corpora", "feedparser", "tests", *folder.split("/"))
        files.extend(sorted(root.rglob("*.xml")))
    assert files, f"no corpus files under {folders}"
    return files


def label(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[parts.index("tests") + 1:])
