"""One fetch of one feed, start to finish: claim, GET, parse, store, analyse, record, release.

This is the single code path behind the Celery task, the ``fetch_feeds`` command and the admin's "fetch now".
Every attempt leaves a FetchRun saying what happened in words an editor can act on; nothing a feed sends
escapes as an exception. The task's soft time limit ends the attempt as a timed-out run; a database failure
is recorded if it can be, then raised for the task to retry.
"""
from __future__ import annotations

import datetime
import logging
import re
import time
from dataclasses import dataclass, field

from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from feeds import http, ingest, scheduling
from feeds.choices import FetchOutcome
from feeds.collector import collector_paused
from feeds.models import Feed, FetchRun
from feeds.parsing import ParseError, handed_over, parse_document
from feeds.sanitize import clean_string

logger = logging.getLogger(__name__)

SUCCESS_OUTCOMES = frozenset({FetchOutcome.OK, FetchOutcome.NOT_MODIFIED})
_ETAG_MAX = Feed._meta.get_field("etag").max_length
_LAST_MODIFIED_MAX = Feed._meta.get_field("last_modified").max_length
_MESSAGE_MAX = 2000
_PRINTABLE = re.compile(r"[\x20-\x7e]*")


@dataclass
class _Attempt:
    """What one fetch found out, gathered as it goes and written once at the end."""

    outcome: str = FetchOutcome.RUNNING
    status: int | None = None
    bytes_received: int = 0
    seen: int = 0
    new: int = 0
    duplicate: int = 0
    notes: list[str] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    retry_after: datetime.datetime | None = None

    def fail(self, outcome: str, message: str, *, status: int | None = None, bytes_received: int | None = None):
        self.outcome = outcome
        self.notes.insert(0, message)
        if status is not None:
            self.status = status
        if bytes_received is not None:
            self.bytes_received = bytes_received


def fetch_feed_now(feed: Feed, *, owner: str = "") -> FetchRun | None:
    """Fetch one feed now, in this process. Returns the FetchRun, or None when another worker is fetching it.
    ``owner``: the task's id, so the same task delivered again after a crash takes its own claim back."""
    claim = scheduling.claim_feed(feed.pk, owner=owner)
    if claim is None:
        return None
    feed.refresh_from_db()
    _close_lost_runs(feed, claim)
    run = FetchRun.objects.create(feed=feed, started=claim)
    attempt = _Attempt()
    clock = time.monotonic()
    interrupted: BaseException | None = None
    try:
        _fetch(feed, claim, attempt)
    except Exception as exc:
        if ingest.is_time_limit(exc):
            interrupted = exc
            attempt.fail(FetchOutcome.TIMEOUT, "Stopped at the task's time limit before the fetch finished.")
        elif isinstance(exc, (OperationalError, InterfaceError)):
            # The database is unwell (restart, lost connection): record what we can; the task retries.
            interrupted = exc
            attempt.fail(FetchOutcome.NETWORK_ERROR, f"Database error: {exc}")
        else:
            logger.exception("Unexpected error fetching feed %s (%s)", feed.pk, feed.url)
            attempt.fail(
                FetchOutcome.PARSE_ERROR, f"Unexpected error while reading the feed: {type(exc).__name__}: {exc}"
            )
    _finish(feed, run, claim, attempt, elapsed=time.monotonic() - clock)
    if interrupted is not None and not ingest.is_time_limit(interrupted):
        raise interrupted
    return run


def _close_lost_runs(feed: Feed, claim) -> None:
    """Runs still 'running' from before this claim belong to a worker that died mid-fetch: close them as lost,
    saying so in words an editor can act on."""
    FetchRun.objects.filter(feed=feed, outcome=FetchOutcome.RUNNING, started__lt=claim).update(
        outcome=FetchOutcome.LOST,
        finished=claim,
        error_message=(
            "Lost: the worker running this fetch stopped before it finished (killed, crashed, restarted or past "
            f"the hard time limit). A new fetch took over at {claim:%Y-%m-%d %H:%M:%S} UTC; entries stored before "
            "the stop are kept and counted as known."
        ),
    )


def _renew(feed: Feed, claim) -> None:
    if not scheduling.renew_lease(feed.pk, claim):
        logger.warning("Feed %s: the claim of %s was taken over while fetching", feed.pk, claim)


def _fetch(feed: Feed, claim, attempt: _Attempt) -> None:
    try:
        response = http.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except http.FetchError as exc:
        attempt.fail(exc.outcome, exc.message, status=exc.status, bytes_received=exc.bytes_received)
        return
    attempt.status = response.status
    attempt.bytes_received = response.bytes_received
    if response.status == 304:
        attempt.outcome = FetchOutcome.NOT_MODIFIED
        _note_move(response, attempt)
        return
    if not 200 <= response.status < 300:
        attempt.retry_after = response.retry_after(timezone.now())
        attempt.fail(FetchOutcome.HTTP_ERROR, _describe_status(response))
        return
    _note_move(response, attempt)
    attempt.etag = _validator(response.headers.get("etag", ""), _ETAG_MAX)
    attempt.last_modified = _validator(response.headers.get("last-modified", ""), _LAST_MODIFIED_MAX)
    _renew(feed, claim)  # the download is done; parsing and storing follow
    with collector_paused():
        try:
            parsed = parse_document(response.body, url=response.url, content_type=response.content_type)
        except ParseError as exc:
            attempt.fail(exc.outcome, exc.message)
            # A refused or unreadable document must not be skipped next time by a 304.
            attempt.etag = attempt.last_modified = ""
            return
        # The entries hold all that is stored; the document (up to FEED_MAX_BYTES) is not kept while they are.
        response.body = b""
        _renew(feed, claim)
        result = ingest.ingest_entries(feed, handed_over(parsed.entries), fetched_at=claim)
    _renew(feed, claim)
    attempt.outcome = FetchOutcome.OK
    attempt.seen, attempt.new, attempt.duplicate = result.seen, result.new, result.duplicate
    if parsed.warning:
        attempt.notes.append(f"The feed is not well-formed ({parsed.warning}); it was read leniently.")
    if result.skipped:
        attempt.notes.append(f"{result.skipped} entries had no link, id, title or text and were skipped.")
    attempt.notes.extend(result.notes)
    attempt.notes.extend(ingest.after_ingest(result.to_cluster))


def _validator(value: str, max_length: int) -> str:
    """An ETag or Last-Modified worth sending back: printable and short enough to store, else none."""
    value = value.strip()
    if len(value) > max_length or not _PRINTABLE.fullmatch(value):
        return ""
    return value


def _note_move(response: http.Response, attempt: _Attempt) -> None:
    if response.permanent_url:
        attempt.moved_to = response.permanent_url


def _describe_status(response: http.Response) -> str:
    status = response.status
    if status == 404:
        return "Not found (404): the feed is not at this address."
    if status == 410:
        return "Gone (410): the publisher removed this feed."
    if status == 429:
        wait = response.headers.get("retry-after")
        asked = f" (Retry-After: {wait})." if wait else "."
        return "Too many requests (429): the server asked us to slow down" + asked
    if status in (401, 403):
        return f"Access denied ({status}): the feed needs a login or blocks this reader."
    if 300 <= status < 400:
        return f"Redirect ({status}) without a Location to follow."
    if status >= 500:
        return f"Server error ({status}): the publisher's server failed; will retry with back-off."
    return f"HTTP error {status}."


def _finish(feed: Feed, run: FetchRun, claim, attempt: _Attempt, *, elapsed: float) -> None:
    """Write the run and the feed's health, and release the claim."""
    now = timezone.now()
    changes: dict = {}
    if attempt.outcome == FetchOutcome.RUNNING:
        attempt.fail(FetchOutcome.PARSE_ERROR, "The fetch ended without an outcome.")
    if attempt.outcome in SUCCESS_OUTCOMES:
        changes.update(
            consecutive_failures=0,
            last_success_at=claim,
            next_fetch_at=scheduling.next_fetch_after_success(feed, now),
            disabled_reason="",
        )
        if attempt.etag is not None:
            changes.update(etag=attempt.etag, last_modified=attempt.last_modified)
        if attempt.moved_to and attempt.moved_to != feed.url:
            _move_feed(feed, attempt)
    else:
        failures = feed.consecutive_failures + 1
        changes.update(
            consecutive_failures=failures,
            next_fetch_at=scheduling.next_fetch_after_failure(feed, failures, now, attempt.retry_after),
        )
        if attempt.etag is not None:
            changes.update(etag=attempt.etag, last_modified=attempt.last_modified)
        if scheduling.should_disable(failures, attempt.status):
            reason = clean_string(
                f"Switched off after {failures} failed fetches in a row; the last: {attempt.notes[0]}"
            )
            changes.update(active=False, disabled_reason=reason[:300])
            attempt.notes.append("The feed has been switched off; re-activate it in the admin once fixed.")
    message = clean_string("\n".join(attempt.notes))
    FetchRun.objects.filter(pk=run.pk).update(
        finished=now,
        outcome=attempt.outcome,
        http_status=attempt.status,
        bytes_received=attempt.bytes_received,
        entries_seen=attempt.seen,
        entries_new=attempt.new,
        entries_duplicate=attempt.duplicate,
        error_message=message[:_MESSAGE_MAX],
    )
    run.refresh_from_db()
    run.elapsed = elapsed
    if not scheduling.release_feed(feed.pk, claim, **changes):
        logger.warning("Feed %s: claim of %s was taken over before the fetch finished", feed.pk, claim)
    feed.refresh_from_db()


def _move_feed(feed: Feed, attempt: _Attempt) -> None:
    """A permanent redirect: read the new address from now on, unless another feed already reads it."""
    new_url = attempt.moved_to
    if len(new_url) > Feed._meta.get_field("url").max_length:
        attempt.notes.append(f"The feed moved permanently to an address too long to store: {new_url[:200]}…")
        return
    if Feed.objects.filter(url=new_url).exclude(pk=feed.pk).exists():
        attempt.notes.append(f"The feed moved permanently to {new_url}, which another feed already reads.")
        return
    try:
        with transaction.atomic():
            Feed.objects.filter(pk=feed.pk).update(url=new_url)
    except IntegrityError:
        attempt.notes.append(f"The feed moved permanently to {new_url}, which another feed already reads.")
        return
    attempt.notes.append(f"The feed moved permanently (301/308); its address is now {new_url}.")
