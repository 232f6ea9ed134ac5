"""A 巡察 round's documents say 巡察 wherever their fixed words name the inspection."""

import dataclasses

from tests.writer import samples
from tests.writer.documents import every_document

XUNCHA = dataclasses.replace(
    samples.ROUND, name="市委第二巡察组反馈意见整改", team="市委第二巡察组", inspection="巡察"
)


def test_no_document_of_a_xuncha_round_says_xunshi():
    for kind, document in every_document(XUNCHA).items():
        words = "".join(block.text for block in document.blocks)
        assert "巡视" not in words, kind
    assert "市委第二巡察组" in every_document(XUNCHA)["plan"].title


def test_a_xunshi_round_keeps_its_word():
    plan = every_document()["plan"]
    assert "巡视整改" in "".join(block.text for block in plan.blocks)
