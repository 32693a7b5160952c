"""The curated record: data files in record/ -> validated rows -> database rows, idempotently.

``rows`` reads and validates the files (no database), ``references`` resolves jurisdictions against the
gazetteer, ``apply`` writes, leaving alone anything an editor changed since it was loaded.
"""
from events.record.errors import RecordError
from events.record.load import LoadReport, load_record

__all__ = ["LoadReport", "RecordError", "load_record"]
