"""Carrying an upload between the preview and the save.

The parsed rows travel in the preview form as one signed token (django.core.signing): the server keeps
no state between the steps, and a token altered in the browser, older than an hour, or issued to
another user is refused.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core import signing

from jurisdictions.listimport.csvfile import Row
from jurisdictions.listimport.resolve import ImportPreview, preview_rows

# The parsed rows travel in the preview form as one signed token: the server keeps no state between
# the steps, and a token altered in the browser, older than an hour, or issued to another user is refused.
TOKEN_SALT = "jurisdictions.listimport.upload"
TOKEN_MAX_AGE = 60 * 60


class UploadTokenInvalid(Exception):
    """The preview form's token was altered, expired, or belongs to someone else."""


@dataclass
class PendingImport:
    """An upload between the preview and the save: where it goes, its rows, and the editor's fixes."""

    official_list_id: int
    published: datetime.date
    source_url: str
    source_title: str
    notes: str
    rows: list[Row]
    fixes: dict[int, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def sign(self, user_id: int) -> str:
        payload = {
            "user": user_id,
            "list": self.official_list_id,
            "published": self.published.isoformat(),
            "source_url": self.source_url,
            "source_title": self.source_title,
            "notes": self.notes,
            "rows": [row.as_list() for row in self.rows],
            "fixes": {str(line): uid for line, uid in self.fixes.items()},
            "warnings": self.warnings,
        }
        return signing.dumps(payload, salt=TOKEN_SALT, compress=True)

    @classmethod
    def unsign(cls, token: str, user_id: int) -> PendingImport:
        try:
            payload = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.SignatureExpired as exc:
            raise UploadTokenInvalid("This preview is more than an hour old. Upload the file again.") from exc
        except signing.BadSignature as exc:
            raise UploadTokenInvalid("This preview could not be verified. Upload the file again.") from exc
        if payload.get("user") != user_id:
            raise UploadTokenInvalid("This preview was made by another user. Upload the file again.")
        return cls(
            official_list_id=int(payload["list"]),
            published=datetime.date.fromisoformat(payload["published"]),
            source_url=payload["source_url"],
            source_title=payload["source_title"],
            notes=payload["notes"],
            rows=[Row.from_list(values) for values in payload["rows"]],
            fixes={int(line): uid for line, uid in payload["fixes"].items()},
            warnings=list(payload["warnings"]),
        )

    def preview(self) -> ImportPreview:
        return preview_rows(self.rows, self.fixes, self.warnings)
