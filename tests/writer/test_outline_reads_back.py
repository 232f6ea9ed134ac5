"""A generated speech outline, read back by the document reader, gives the same categories,
problems, causes and measures: the outline has the structure the reader knows."""

import pytest

from tests.writer import samples
from zhenggai.reader import build_draft, read_bytes
from zhenggai.writer import self_examination, speech_outline, to_docx
from zhenggai.writer.build import split_first


@pytest.fixture(scope="module")
def draft():
    document = speech_outline(
        samples.ROUND, samples.LEADER, samples.CATEGORIES, samples.CAUSES, samples.MEASURES
    )
    return build_draft(read_bytes(to_docx(document), "提纲.docx"))


def test_the_title_names_the_leader(draft):
    assert draft.title == "周明同志巡视整改专题民主生活会个人发言提纲"


def test_categories_come_back_with_their_problems(draft):
    assert [c.title for c in draft.categories] == [c.title for c in samples.CATEGORIES]
    for read, written in zip(draft.categories, samples.CATEGORIES, strict=True):
        assert [p.text for p in read.problems] == [
            split_first(p.text)[0].rstrip("。") for p in written.problems
        ]


def test_a_problems_details_come_back_as_its_manifestations(draft):
    problem = draft.categories[0].problems[0]
    assert "".join(problem.manifestations) == (
        "对新时代政法工作的新要求研究不深。运用学习成果推动平安建设的举措不多。"
    )


def test_causes_and_measures_come_back_in_order(draft):
    assert [c.text for c in draft.causes] == samples.CAUSES
    assert [m.text for m in draft.measures] == samples.MEASURES


def test_the_self_examination_material_reads_back_to_the_same_causes_and_measures():
    document = self_examination(
        samples.ROUND, samples.LEADER, samples.CATEGORIES, samples.CAUSES, samples.MEASURES
    )
    draft = build_draft(read_bytes(to_docx(document), "对照检查.docx"))
    assert [c.text for c in draft.causes] == samples.CAUSES
    assert [m.text for m in draft.measures] == samples.MEASURES
    assert len(draft.categories) == 2
