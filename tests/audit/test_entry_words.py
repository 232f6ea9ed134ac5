"""The audit trail speaks as the pages do: a status by its Chinese label, not its code, and a
file's size in KB, never 字节 beside the KB of the evidence lists."""

from zhenggai.audit.display import changes
from zhenggai.audit.models import AuditEntry


def _shown(object_type: str, before: dict, after: dict) -> list[tuple[str, str, str]]:
    entry = AuditEntry(object_type=object_type, before=before, after=after)
    return [(c.field, c.before, c.after) for c in changes(entry)]


def test_a_status_is_written_by_its_label():
    shown = _shown("ledger.measure", {"status": "in_progress"}, {"status": "done_pending"})
    assert shown == [("整改状态", "整改中", "已完成待核查")]


def test_a_notices_status_too():
    shown = _shown("supervision.supervisionnotice", {"status": "issued"}, {"status": "replied"})
    assert shown == [("状态", "已下发", "已回复")]


def test_an_evidence_files_size_is_in_kb():
    shown = _shown("carryout.evidence", {}, {"size": 1034, "original_name": "现场.png"})
    assert ("大小", "", "1 KB") in shown
