"""Every document the writer makes, built from the sample round: what the format and PDF tests
go through one by one."""

from tests.writer import samples
from zhenggai.writer import (
    disclosure,
    leader_report,
    rectification_plan,
    rectification_report,
    self_examination,
    speech_outline,
    supervision_notice,
)
from zhenggai.writer.model import Document, RoundInfo

LED = [problem for category in samples.CATEGORIES for problem in category.problems]


def every_document(round_: RoundInfo = samples.ROUND) -> dict[str, Document]:
    figures, leader = samples.FIGURES, samples.LEADER
    # The report runs over several pages: the page numbers of both sides are seen.
    categories = samples.CATEGORIES * 3
    return {
        "plan": rectification_plan(round_, samples.CATEGORIES),
        "report": rectification_report(round_, figures, categories, leader),
        "leader-report": leader_report(round_, figures, LED, leader),
        "disclosure-internal": disclosure(round_, figures, samples.CATEGORIES, False),
        "disclosure-public": disclosure(round_, figures, samples.CATEGORIES, True),
        "notice": supervision_notice(samples.NOTICE),
        "outline": speech_outline(
            round_, leader, samples.CATEGORIES, samples.CAUSES, samples.MEASURES
        ),
        "self-examination": self_examination(
            round_, leader, samples.CATEGORIES, samples.CAUSES, samples.MEASURES
        ),
    }


KINDS = list(every_document())
