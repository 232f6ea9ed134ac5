"""bench/reader_accuracy.py on tiny annotations of our own, so the scorer cannot silently lie."""

import argparse
import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "reader_accuracy.py"
_spec = importlib.util.spec_from_file_location("reader_accuracy", SCRIPT)
assert _spec and _spec.loader
accuracy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accuracy)

ANNOTATION = {
    "id": "d99",
    "genre": "self_examination",
    "items": [
        {"marker": "一、", "level": 1, "title": "查摆的问题", "kind": "problem"},
        {"marker": "（一）", "level": 2, "title": "学习不够深入", "kind": "problem"},
        {"marker": "（二）", "level": 2, "title": "督导不够有力", "kind": "problem"},
        {"marker": "二、", "level": 1, "title": "整改措施", "kind": "measure"},
        {"marker": "（一）", "level": 2, "title": "加强理论学习", "kind": "measure"},
    ],
}


def node(marker, title, kind, children=()):
    return {"marker": marker, "title": title, "kind": kind, "children": list(children)}


def outline(*, drop=None, flatten=False, kind=None, genre="self_examination"):
    first = [node("（一）", "学习不够深入", "problem"), node("（二）", "督导不够有力", "problem")]
    second = [node("（一）", "加强理论学习", kind or "measure")]
    if drop == "督导不够有力":
        first = first[:1]
    roots = [node("一、", "查摆的问题", "problem", first), node("二、", "整改措施", "measure")]
    if flatten:
        roots += second
    else:
        roots[1]["children"] = second
    return {"genre": genre, "outline": roots}


def test_a_perfect_reading_scores_one_everywhere():
    result = accuracy.score(ANNOTATION, outline())
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert (result.level, result.kind, result.genre_right) == (1.0, 1.0, True)


def test_a_missing_item_lowers_recall_only():
    result = accuracy.score(ANNOTATION, outline(drop="督导不够有力"))
    assert result.precision == 1.0
    assert result.recall == pytest.approx(4 / 5)
    assert result.f1 == pytest.approx(2 * 0.8 / 1.8)
    assert result.level == 1.0


def test_an_item_on_the_wrong_level_lowers_level_accuracy():
    result = accuracy.score(ANNOTATION, outline(flatten=True))
    assert result.f1 == 1.0
    assert result.level == pytest.approx(4 / 5)


def test_an_item_under_an_extra_heading_is_misplaced_but_a_missed_heading_is_not_counted_twice():
    extra = outline()
    first = extra["outline"][0]
    first["children"] = [node("•", "发布时间", "other", first["children"])]
    assert accuracy.score(ANNOTATION, extra).level == pytest.approx(3 / 5)
    missed = outline()
    missed["outline"] = missed["outline"][0]["children"] + missed["outline"][1:]
    result = accuracy.score(ANNOTATION, missed)
    assert (result.recall, result.level) == (pytest.approx(4 / 5), 1.0)


def test_a_wrong_kind_and_a_missing_genre_are_counted():
    contract = outline(kind="problem")
    del contract["genre"]
    result = accuracy.score(ANNOTATION, contract)
    assert result.kind == pytest.approx(4 / 5)
    assert result.genre_right is False


def test_an_extra_item_lowers_precision():
    contract = outline()
    contract["outline"].insert(0, node("1、", "发布时间", "other"))
    result = accuracy.score(ANNOTATION, contract)
    assert (result.precision, result.recall) == (pytest.approx(5 / 6), 1.0)


def test_separators_and_trailing_punctuation_are_tolerated_but_not_the_bracket_width():
    annotation = {
        "id": "d98",
        "genre": "plan",
        "items": [
            {"marker": "一、", "level": 1, "title": "压实整改责任", "kind": "measure"},
            {"marker": "(一)", "level": 2, "title": "明确牵头领导", "kind": "measure"},
        ],
    }
    contract = {
        "genre": "plan",
        "outline": [
            node("一", "压实整改责任。", "measure", [node("（一）", "明确牵头领导", "measure")])
        ],
    }
    result = accuracy.score(annotation, contract)
    assert (result.matched, result.recall) == (1, 0.5)


def test_a_document_with_nothing_to_find_scores_one_when_nothing_is_found():
    empty = {"id": "d97", "genre": "other", "items": []}
    assert accuracy.score(empty, {"outline": []}).f1 == 1.0
    assert accuracy.score(empty, {"outline": [node("一、", "第三轮", "other")]}).f1 == 0.0


def _set(tmp_path, text: bytes | None):
    (tmp_path / "annotations").mkdir()
    (tmp_path / "texts").mkdir()
    (tmp_path / "annotations" / "d99.json").write_text(json.dumps(ANNOTATION), encoding="utf-8")
    digest = hashlib.sha256(text or b"").hexdigest()
    (tmp_path / "SOURCES.md").write_text(
        "| id | part | genre | title | address | retrieved | classes | sha256 |\n"
        f"| d99 | dev | self_examination | 样例 | <https://example.org/d99> | 2026-12-06 | x"
        f" | {digest} |\n",
        encoding="utf-8",
    )
    if text is not None:
        (tmp_path / "texts" / "d99.txt").write_bytes(text)
    return argparse.Namespace(set="all", texts=tmp_path / "texts", only=[], diff=False)


def test_a_missing_text_is_named_with_its_address(tmp_path, monkeypatch):
    monkeypatch.setattr(accuracy, "SET_DIR", tmp_path)
    report = accuracy.run(_set(tmp_path, None))
    assert report["documents"] == []
    assert report["missing"] == [
        {"id": "d99", "reason": "missing", "address": "https://example.org/d99"}
    ]


def test_a_text_is_read_through_the_parse_command(tmp_path, monkeypatch):
    monkeypatch.setattr(accuracy, "SET_DIR", tmp_path)
    text = "\n".join(
        ["某局党组发言提纲", "一、查摆的问题", "（一）学习不够深入。", "（二）督导不够有力。"]
        + ["二、整改措施", "（一）加强理论学习。", ""]
    )
    report = accuracy.run(_set(tmp_path, text.encode("gbk")))
    document = report["documents"][0]
    assert (document["annotated"], document["matched"], document["f1"]) == (5, 5, 1.0)
    assert report["overall"]["min_f1"] == {"id": "d99", "f1": 1.0}
