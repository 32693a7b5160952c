"""Forms of the review pages: the bulk action bar, the new-event form prefilled from the analysis, and the
choice of an existing event to attach articles to."""
from __future__ import annotations

import datetime
from collections import Counter

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from events.choices import ActionType, Agency, DatePrecision, EventKind, EventStatus, InvolvementRole
from events.models import Event
from feeds.models import Article
from feeds.review.actions import MAX_BATCH, EventDraft
from jurisdictions.lookup import find_jurisdiction
from jurisdictions.models import Jurisdiction

MAX_EXTRA_JURISDICTIONS = 20


class IdListField(forms.Field):
    """Article ids from checkboxes or hidden inputs: a list of positive integers, at most MAX_BATCH."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        if value in (None, "", []):
            return []
        values = value if isinstance(value, (list, tuple)) else [value]
        try:
            ids = sorted({int(v) for v in values})
        except (TypeError, ValueError):
            raise ValidationError("Article ids are whole numbers.", code="invalid") from None
        if any(i <= 0 for i in ids):
            raise ValidationError("Article ids are positive.", code="invalid")
        if len(ids) > MAX_BATCH:
            raise ValidationError(f"Choose at most {MAX_BATCH} articles at a time.", code="too_many")
        return ids


class BulkActionForm(forms.Form):
    """The action bar under the queue (and the buttons on an article's page): one action, many articles."""

    DISMISS, DUPLICATE, REOPEN, ATTACH, CREATE = "dismiss", "duplicate", "reopen", "attach", "create_event"
    ACTIONS = [
        ("", "Choose an action…"),
        (CREATE, "Create an event from them"),
        (ATTACH, "Attach to an existing event"),
        (DISMISS, "Dismiss (give a reason)"),
        (DUPLICATE, "Mark as duplicates of article…"),
        (REOPEN, "Reopen"),
    ]

    ids = IdListField(error_messages={"required": "Tick at least one article."})
    action = forms.ChoiceField(choices=ACTIONS, label="Action", error_messages={"required": "Choose an action."})
    reason = forms.CharField(
        required=False, max_length=500, label="Reason", help_text="Required to dismiss; kept with the articles."
    )
    original = forms.IntegerField(
        required=False, min_value=1, label="Original article id", help_text="For duplicates: the article they repeat."
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == self.DISMISS and not " ".join((data.get("reason") or "").split()):
            self.add_error("reason", "Say why the articles are dismissed.")
        if action == self.DUPLICATE:
            original = data.get("original")
            if not original:
                self.add_error("original", "Give the id of the article they repeat.")
            else:
                data["original_article"] = Article.objects.filter(pk=original).first()
                if data["original_article"] is None:
                    self.add_error("original", f"There is no article {original}.")
        return data


class CreateEventForm(forms.Form):
    """A new draft event, prefilled from what the analyser found in the articles. The summary is the
    editor's own words, so it starts empty."""

    sources = forms.TypedMultipleChoiceField(
        coerce=int, widget=forms.CheckboxSelectMultiple, label="Sources",
        help_text="The articles cited. Dismissed and duplicate articles start unticked.",
    )
    kind = forms.ChoiceField(choices=EventKind.choices, label="Kind")
    title = forms.CharField(max_length=300, label="Title", help_text="In the tracker's own words.")
    date = forms.DateField(required=False, label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    date_precision = forms.ChoiceField(choices=DatePrecision.choices, label="Date precision")
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), label="Summary",
        help_text="What happened, in the tracker's own words, stating only what the sources say.",
    )
    agency = forms.ChoiceField(
        choices=[("", "—")] + Agency.choices, required=False, label="Agency",
        help_text="For a federal action or an enforcement operation.",
    )
    action_type = forms.ChoiceField(
        choices=[("", "—")] + ActionType.choices, required=False, label="Action type", help_text="For a federal action."
    )
    operation_name = forms.CharField(max_length=200, required=False, label="Operation name")
    reported_arrests = forms.IntegerField(min_value=0, required=False, label="Reported arrests")
    arrests_note = forms.CharField(max_length=300, required=False, label="Who reported the count")
    more_jurisdictions = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Other jurisdictions (subjects)",
        help_text="One a line: a name such as “Chicago, IL” or an id such as “fips:17031”.",
    )

    ROLE_CHOICES = [
        (InvolvementRole.SUBJECT, "Subject"), (InvolvementRole.MENTIONED, "Mentioned only"), ("", "Leave out")
    ]

    def __init__(self, *args, articles: list[Article], **kwargs):
        super().__init__(*args, **kwargs)
        self.articles = articles
        self.fields["sources"].choices = [(a.pk, a.title) for a in articles]
        self.suggested_places = suggested_places(articles)
        self.place_rows = []
        for jurisdiction, role in self.suggested_places:
            name = f"role_{jurisdiction.pk}"
            self.fields[name] = forms.ChoiceField(
                choices=self.ROLE_CHOICES, required=False, initial=role, label=str(jurisdiction)
            )
            self.place_rows.append((jurisdiction, name))
        if not self.is_bound:
            self.initial = {**prefill(articles), **self.initial}

    @property
    def place_fields(self):
        return [(jurisdiction, self[name]) for jurisdiction, name in self.place_rows]

    def clean_more_jurisdictions(self) -> list[Jurisdiction]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["more_jurisdictions"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_EXTRA_JURISDICTIONS:
            raise ValidationError(f"Add at most {MAX_EXTRA_JURISDICTIONS} jurisdictions here.")
        found, errors = [], []
        for line in lines:
            lookup = find_jurisdiction(line)
            if lookup.error:
                errors.append(lookup.error)
            else:
                found.append(lookup.jurisdiction)
        if errors:
            raise ValidationError(errors)
        return found

    def clean(self):
        data = super().clean()
        kind, precision, day = data.get("kind"), data.get("date_precision"), data.get("date")
        if precision == DatePrecision.UNKNOWN and day:
            self.add_error("date", "Leave the date empty when the sources do not state it.")
        elif precision and precision != DatePrecision.UNKNOWN and not day:
            self.add_error("date", "Give the date, or set the precision to “Not stated in the sources”.")
        if kind in (EventKind.FEDERAL_ACTION, EventKind.ENFORCEMENT_OPERATION) and not data.get("agency"):
            self.add_error("agency", "Name the agency that acted.")
        if kind == EventKind.FEDERAL_ACTION and not data.get("action_type"):
            self.add_error("action_type", "Say what the federal body did.")
        return data

    def draft(self) -> EventDraft:
        data = self.cleaned_data
        places = [
            (jurisdiction, data[name]) for jurisdiction, name in self.place_rows if data.get(name)
        ] + [(jurisdiction, InvolvementRole.SUBJECT) for jurisdiction in data["more_jurisdictions"]]
        kind = data["kind"]
        return EventDraft(
            kind=kind, title=data["title"], summary=data["summary"], date=data["date"],
            date_precision=data["date_precision"], jurisdictions=places,
            agency=data["agency"] if kind in (EventKind.FEDERAL_ACTION, EventKind.ENFORCEMENT_OPERATION) else "",
            action_type=data["action_type"] if kind == EventKind.FEDERAL_ACTION else "",
            operation_name=data["operation_name"] if kind == EventKind.ENFORCEMENT_OPERATION else "",
            reported_arrests=data["reported_arrests"] if kind == EventKind.ENFORCEMENT_OPERATION else None,
            arrests_note=data["arrests_note"] if kind == EventKind.ENFORCEMENT_OPERATION else "",
        )


def suggested_places(articles: list[Article]) -> list[tuple[Jurisdiction, str]]:
    """Every jurisdiction the analyser found in the articles, a subject if any article makes it one;
    subjects first, then by how many articles name it. Needs the matches prefetched."""
    roles: dict[int, tuple[Jurisdiction, str]] = {}
    counts: Counter[int] = Counter()
    for article in articles:
        for match in article.matches.all():
            counts[match.jurisdiction_id] += 1
            known = roles.get(match.jurisdiction_id)
            if known is None or match.role == InvolvementRole.SUBJECT:
                roles[match.jurisdiction_id] = (match.jurisdiction, match.role)
    return sorted(
        roles.values(),
        key=lambda pair: (pair[1] != InvolvementRole.SUBJECT, -counts[pair[0].pk], pair[0].name),
    )


def prefill(articles: list[Article]) -> dict:
    """The analyser's suggestions as the form's starting values. Where articles disagree, the value most
    of them give (the earliest report breaks a tie); the page shows the disagreement."""
    usable = [a for a in articles if a.status not in ("dismissed", "duplicate")] or articles
    first = usable[0] if usable else None
    day = _most_common([a.event_date for a in usable if a.event_date])
    kind = _most_common([a.suggested_kinds[0] for a in usable if a.suggested_kinds])
    agency = _most_common([g for a in usable for g in (a.suggested_agencies or [])[:1]])
    initial = {
        "sources": [a.pk for a in usable],
        "title": first.title[:300] if first else "",
        "date": day,
        "date_precision": DatePrecision.DAY if day else DatePrecision.UNKNOWN,
    }
    if kind in EventKind.values:
        initial["kind"] = kind
    if agency in Agency.values:
        initial["agency"] = agency
    return initial


def differing_dates(articles: list[Article]) -> list[tuple[datetime.date, list[str]]]:
    """The event dates the articles give, when they give more than one: shown beside the date field."""
    by_day: dict[datetime.date, list[str]] = {}
    for article in articles:
        if article.event_date:
            by_day.setdefault(article.event_date, []).append(article.publisher or article.title)
    return sorted(by_day.items()) if len(by_day) > 1 else []


def _most_common(values: list):
    if not values:
        return None
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


class EventSearchForm(forms.Form):
    """Find the event to attach articles to: by its number or by words in its title."""

    q = forms.CharField(required=False, max_length=200, label="Event number or title words",
                        widget=forms.TextInput(attrs={"type": "search"}))

    RESULTS = 20

    def results(self):
        text = (self.cleaned_data.get("q") or "").strip().lstrip("#") if self.is_valid() else ""
        events = Event.objects.exclude(status=EventStatus.RETRACTED).only(
            "id", "title", "slug", "status", "date", "date_precision", "kind"
        )
        if not text:
            return events.order_by("-created", "-id")[: self.RESULTS]
        query = Q()
        for word in text.split()[:10]:
            query &= Q(title__icontains=word)
        if text.isdigit():
            query |= Q(pk=int(text))
        return events.filter(query).order_by("-created", "-id")[: self.RESULTS]


class AttachForm(forms.Form):
    ids = IdListField(error_messages={"required": "Tick at least one article."})
    event = forms.ModelChoiceField(
        queryset=Event.objects.exclude(status=EventStatus.RETRACTED), widget=forms.NumberInput,
        label="Event", error_messages={"invalid_choice": "Choose an event that exists and is not retracted."},
    )
