"""How well the reader outlines real documents: precision, recall, F1, level, kind and genre
against hand annotations of the development set (bench/reader_set, see its README.md).

    .venv/bin/python bench/reader_accuracy.py [--set dev|holdout|all] [--texts DIR]
                                              [--only ID ...] [--diff] [--json]

Each annotated document whose text is present is read the way `zhenggai parse FILE --json`
reads it: the same management command, so the same file reading, encoding detection and
contract. A text that is missing, or whose sha256 differs from the one in SOURCES.md, is
named with the address it comes from and left out of the figures.

What counts as a match. Predicted items (every node of the outline, parents before children)
and annotated items are aligned in document order by a longest common subsequence, where an
annotated and a predicted item may pair only when
- their markers are equal once whitespace and one trailing separator (、 . ． ， , ： :) are
  removed: "一、" pairs with "一", "1." with "1", "第一，" with "第一"; but "(一)" (ASCII) does
  not pair with "（一）" (full width): the marker is compared as written; and
- their titles are alike: after NFKC, without any whitespace and without trailing punctuation,
  equal, or with a difflib ratio of at least 0.85 (2 × common characters / total length), so
  a character or two of difference in a long title still pairs, half a title does not.

Figures, per document and overall:
- precision = matched / predicted, recall = matched / annotated, F1 their harmonic mean (a
  side with no items at all counts 1.0, so a document with nothing to find and nothing found
  scores 1.0, and one with nothing to find but something found scores 0.0);
- level: on matched items, the share hung under the right parent. The right parent is the
  predicted counterpart of the nearest enclosing annotated item that was matched (the root
  when none was): a heading the reader missed costs recall once and does not count again
  against the items below it. The predicted parent is taken as it is: an item hung under an
  extra item (a debris line read as a heading) is on the wrong level. Absolute level numbers
  are not compared: a reader may legitimately count from another depth;
- kind: on matched items, the share whose kind (problem, cause, measure, progress, other)
  is the annotated one;
- genre: right or wrong per document (wrong when the output has no "genre").
Overall figures are micro-averaged over items (over documents for genre); the macro average
over documents is shown beside them, and the minimum F1 over documents with its document.
"""

import argparse
import difflib
import hashlib
import io
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SET_DIR = ROOT / "bench" / "reader_set"
TITLE_LIKENESS = 0.85
_SPACE = re.compile(r"\s+")
_MARKER_END = "、.．，,：:"
_TITLE_END = "。．.，,；;：:、！!？?…— "


@dataclass(frozen=True)
class Item:
    marker: str
    title: str
    kind: str
    # Index of the enclosing item in the same list, None at the top.
    parent: int | None


@dataclass
class Score:
    annotated: int = 0
    predicted: int = 0
    matched: int = 0
    level_right: int = 0
    kind_right: int = 0
    genre_right: bool | None = None
    pairs: list[tuple[int | None, int | None]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.annotated if self.annotated else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def level(self) -> float | None:
        return self.level_right / self.matched if self.matched else None

    @property
    def kind(self) -> float | None:
        return self.kind_right / self.matched if self.matched else None


def marker_key(marker: str) -> str:
    marker = _SPACE.sub("", marker)
    return marker[:-1] if len(marker) > 1 and marker[-1] in _MARKER_END else marker


def title_key(title: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", title)).rstrip(_TITLE_END)


def titles_alike(a: str, b: str) -> bool:
    if a == b:
        return True
    if not a or not b:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= TITLE_LIKENESS


def annotated_items(annotation: dict[str, Any]) -> list[Item]:
    """Items of an annotation: a flat list in document order whose levels give the nesting."""
    items: list[Item] = []
    open_levels: list[tuple[int, int]] = []  # (level, index) of the items still open
    for index, entry in enumerate(annotation["items"]):
        level = int(entry["level"])
        while open_levels and open_levels[-1][0] >= level:
            open_levels.pop()
        parent = open_levels[-1][1] if open_levels else None
        items.append(Item(entry["marker"], entry["title"], entry["kind"], parent))
        open_levels.append((level, index))
    return items


def predicted_items(contract: dict[str, Any]) -> list[Item]:
    """Every node of the parse output's outline, parents before children."""
    items: list[Item] = []
    stack: list[tuple[dict[str, Any], int | None]] = [
        (node, None) for node in reversed(contract.get("outline", []))
    ]
    while stack:
        node, parent = stack.pop()
        items.append(Item(node["marker"], node.get("title", ""), node.get("kind", ""), parent))
        index = len(items) - 1
        stack.extend((child, index) for child in reversed(node.get("children", [])))
    return items


def align(annotated: list[Item], predicted: list[Item]) -> list[tuple[int, int]]:
    """The longest sequence of pairs (annotated index, predicted index) that may pair, in
    document order on both sides."""
    keys_a = [(marker_key(i.marker), title_key(i.title)) for i in annotated]
    keys_p = [(marker_key(i.marker), title_key(i.title)) for i in predicted]
    n, m = len(annotated), len(predicted)
    pairable = [
        [
            keys_a[i][0] == keys_p[j][0] and titles_alike(keys_a[i][1], keys_p[j][1])
            for j in range(m)
        ]
        for i in range(n)
    ]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            if pairable[i][j]:
                row[j] = below[j + 1] + 1
            else:
                row[j] = max(below[j], row[j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if pairable[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _matched_parent(items: list[Item], index: int, matched: dict[int, int]) -> int | None:
    parent = items[index].parent
    while parent is not None and parent not in matched:
        parent = items[parent].parent
    return parent


def score(annotation: dict[str, Any], contract: dict[str, Any]) -> Score:
    annotated = annotated_items(annotation)
    predicted = predicted_items(contract)
    pairs = align(annotated, predicted)
    to_predicted = dict(pairs)
    result = Score(len(annotated), len(predicted), len(pairs))
    for a, p in pairs:
        parent_a = _matched_parent(annotated, a, to_predicted)
        expected = to_predicted[parent_a] if parent_a is not None else None
        result.level_right += expected == predicted[p].parent
        result.kind_right += annotated[a].kind == predicted[p].kind
    result.genre_right = contract.get("genre") == annotation["genre"]
    result.pairs = _all_pairs(pairs, len(annotated), len(predicted))
    return result


def _all_pairs(pairs: list[tuple[int, int]], n: int, m: int) -> list[tuple[int | None, int | None]]:
    """Matched pairs with the unmatched items of either side in between, in document order."""
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    for a, p in [*pairs, (n, m)]:
        out.extend((k, None) for k in range(i, a))
        out.extend((None, k) for k in range(j, p))
        if a < n:
            out.append((a, p))
        i, j = a + 1, p + 1
    return out


# The set on disk -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: str
    part: str
    address: str
    sha256: str


def read_sources(path: Path) -> dict[str, Source]:
    """The table of SOURCES.md: | id | part | genre | title | address | retrieved | classes |
    sha256 |."""
    sources = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 8 and re.fullmatch(r"d\d+", cells[0]):
            sources[cells[0]] = Source(cells[0], cells[1], cells[4].strip("<>"), cells[-1])
    return sources


def parse_contract(path: Path) -> dict[str, Any]:
    """What `zhenggai parse PATH --json` prints, through the command itself."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = io.StringIO()
    try:
        call_command("parse", str(path), "--json", stdout=out)
    except CommandError as error:
        return {"outline": [], "error": str(error)}
    return json.loads(out.getvalue())


def run(args: argparse.Namespace) -> dict[str, Any]:
    sources = read_sources(SET_DIR / "SOURCES.md")
    documents, missing = [], []
    for path in sorted((SET_DIR / "annotations").glob("*.json")):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        source = sources.get(annotation["id"])
        if source is None:
            raise SystemExit(f"{path.name}: no line for {annotation['id']} in SOURCES.md")
        if args.only and source.id not in args.only:
            continue
        if args.set != "all" and source.part != args.set:
            continue
        text = args.texts / f"{source.id}.txt"
        if not text.is_file():
            missing.append({"id": source.id, "reason": "missing", "address": source.address})
            continue
        if hashlib.sha256(text.read_bytes()).hexdigest() != source.sha256:
            missing.append({"id": source.id, "reason": "sha256 differs", "address": source.address})
            continue
        contract = parse_contract(text)
        result = score(annotation, contract)
        documents.append(_document_report(source, annotation, contract, result, args.diff))
    overall = _overall(documents)
    return {
        "documents": documents,
        "missing": missing,
        "texts": str(args.texts),
        "overall": overall,
    }


def _document_report(
    source: Source, annotation: dict, contract: dict, result: Score, diff: bool
) -> dict[str, Any]:
    report: dict[str, Any] = {
        "id": source.id,
        "part": source.part,
        "annotated": result.annotated,
        "predicted": result.predicted,
        "matched": result.matched,
        "precision": result.precision,
        "recall": result.recall,
        "f1": result.f1,
        "level": result.level,
        "kind": result.kind,
        "level_right": result.level_right,
        "kind_right": result.kind_right,
        "genre": annotation["genre"],
        "predicted_genre": contract.get("genre"),
        "genre_right": result.genre_right,
    }
    if "error" in contract:
        report["error"] = contract["error"]
    if diff:
        annotated, predicted = annotated_items(annotation), predicted_items(contract)
        report["alignment"] = [
            {
                "annotated": _brief(annotated[a]) if a is not None else None,
                "predicted": _brief(predicted[p]) if p is not None else None,
            }
            for a, p in result.pairs
        ]
    return report


def _brief(item: Item) -> str:
    return f"{item.marker}{item.title}〔{item.kind}〕"


def _overall(documents: list[dict[str, Any]]) -> dict[str, Any]:
    if not documents:
        return {}
    total = Score(
        annotated=sum(d["annotated"] for d in documents),
        predicted=sum(d["predicted"] for d in documents),
        matched=sum(d["matched"] for d in documents),
        level_right=sum(d["level_right"] for d in documents),
        kind_right=sum(d["kind_right"] for d in documents),
    )
    worst = min(documents, key=lambda d: d["f1"])

    def mean(key: str) -> float | None:
        values = [d[key] for d in documents if d[key] is not None]
        return sum(values) / len(values) if values else None

    return {
        "documents": len(documents),
        "annotated": total.annotated,
        "predicted": total.predicted,
        "matched": total.matched,
        "micro": {
            "precision": total.precision,
            "recall": total.recall,
            "f1": total.f1,
            "level": total.level,
            "kind": total.kind,
            "genre": sum(bool(d["genre_right"]) for d in documents) / len(documents),
        },
        "macro": {key: mean(key) for key in ("precision", "recall", "f1", "level", "kind")},
        "min_f1": {"id": worst["id"], "f1": worst["f1"]},
    }


# Printing ------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "  —  " if value is None else f"{value:5.2f}"


def print_report(report: dict[str, Any], out: Any = sys.stdout) -> None:
    print("doc  part     ann pred  hit     P     R    F1 level  kind  genre", file=out)
    for d in report["documents"]:
        genre = "ok" if d["genre_right"] else f"{d['predicted_genre'] or '—'}≠{d['genre']}"
        print(
            f"{d['id']:<4} {d['part']:<7} {d['annotated']:>4} {d['predicted']:>4} "
            f"{d['matched']:>4} {_pct(d['precision'])} {_pct(d['recall'])} {_pct(d['f1'])} "
            f"{_pct(d['level'])} {_pct(d['kind'])}  {genre}",
            file=out,
        )
        if d.get("error"):
            print(f"     reader error: {d['error']}", file=out)
        for row in d.get("alignment", []):
            a, p = row["annotated"], row["predicted"]
            sign = "=" if a and p else ("-" if a else "+")
            print(f"     {sign} {a or ''}{'  |  ' + p if a and p else p or ''}", file=out)
    overall = report["overall"]
    if overall:
        micro, macro = overall["micro"], overall["macro"]
        print(
            f"\n{overall['documents']} documents, {overall['annotated']} annotated items, "
            f"{overall['predicted']} predicted, {overall['matched']} matched",
            file=out,
        )
        print("            P     R    F1 level  kind  genre", file=out)
        print(
            f"micro   {_pct(micro['precision'])} {_pct(micro['recall'])} {_pct(micro['f1'])} "
            f"{_pct(micro['level'])} {_pct(micro['kind'])} {_pct(micro['genre'])}",
            file=out,
        )
        print(
            f"macro   {_pct(macro['precision'])} {_pct(macro['recall'])} {_pct(macro['f1'])} "
            f"{_pct(macro['level'])} {_pct(macro['kind'])}",
            file=out,
        )
        worst = overall["min_f1"]
        print(f"minimum F1 {worst['f1']:.2f} ({worst['id']})", file=out)
    for gone in report["missing"]:
        print(f"left out {gone['id']} ({gone['reason']}): {gone['address']}", file=out)
    if report["missing"]:
        print(
            f"Save each left-out text as UTF-8 under {report['texts']}/<id>.txt exactly as "
            "its address gives it (see bench/reader_set/README.md).",
            file=out,
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("dev", "holdout", "all"), default="all")
    parser.add_argument("--texts", type=Path, default=SET_DIR / "texts")
    parser.add_argument("--only", nargs="*", default=[], help="only these document ids")
    parser.add_argument("--diff", action="store_true", help="show each document's alignment")
    parser.add_argument("--json", action="store_true", help="JSON for tools")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenggai.settings")
    import django

    django.setup()
    report = run(args)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
