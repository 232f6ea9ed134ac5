"""The hash chain, pure: how an entry's digest is made and how a run of entries is checked.

Each entry's digest covers its own content and the digest of the entry before it, so that an
entry altered, removed or slipped in breaks the chain at that place. The algorithm is SM3
(GB/T 32905, 国密) or SHA-256, chosen per installation and recorded in each entry, so that a
chain keeps verifying after the choice changes. SM3 comes from `cryptography` (OpenSSL):
gmssl's pure-Python SM3 takes about 3 ms per entry, some 700 times longer, on every save."""

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes

SM3 = "sm3"
SHA256 = "sha256"
ALGORITHMS = (SM3, SHA256)
# The "digest before" the first entry.
GENESIS = "0" * 64


def canonical(payload: dict) -> bytes:
    """One byte string per content: keys sorted, no spaces, text as UTF-8."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def digest(algorithm: str, data: bytes) -> str:
    if algorithm == SM3:
        sm3 = hashes.Hash(hashes.SM3())
        sm3.update(data)
        return sm3.finalize().hex()
    if algorithm == SHA256:
        return hashlib.sha256(data).hexdigest()
    raise ValueError(f"未知的摘要算法：{algorithm}")


def link_digest(algorithm: str, prev_digest: str, payload: dict) -> str:
    return digest(algorithm, prev_digest.encode() + b"\n" + canonical(payload))


@dataclass(frozen=True)
class Link:
    """One stored entry as the check reads it; `payload` is everything its digest covers
    besides the digest before it."""

    seq: int
    algorithm: str
    prev_digest: str
    digest: str
    payload: dict


@dataclass(frozen=True)
class Break:
    """Where the chain first breaks: the entry's number and what happened there."""

    seq: int
    reason: str

    def __str__(self) -> str:
        return f"第 {self.seq} 条：{self.reason}"


def check(links: Iterable[Link], head_seq: Callable[[], int]) -> tuple[int, Break | None]:
    """Walk the entries in order of their numbers. Returns how many were read and the first
    break, if any. `head_seq()` tells how far the chain's head says the chain goes (asked
    again when an entry lies beyond it, since appends may go on while the check runs)."""
    expected, prev, count, head = 1, GENESIS, 0, head_seq()
    for link in links:
        count += 1
        if link.seq > head:
            head = head_seq()
        found = _break(link, expected, prev, head)
        if found:
            return count, found
        expected, prev = link.seq + 1, link.digest
    head = head_seq()
    if expected <= head:
        return count, Break(expected, _removed(expected, head, "链尾"))
    return count, None


def _removed(first: int, last: int, where: str = "") -> str:
    span = f"第 {first} 条" if first == last else f"第 {first}–{last} 条"
    return f"{where}记录被删除：缺少{span}"


def _break(link: Link, expected: int, prev: str, head: int) -> Break | None:
    if link.seq > head or link.seq < expected:
        return Break(link.seq, "记录是插入的：不在链上（链头之外或编号重复）")
    if link.seq > expected:
        return Break(expected, _removed(expected, link.seq - 1))
    if link.algorithm not in ALGORITHMS:
        return Break(link.seq, f"记录被改动：摘要算法“{link.algorithm}”无效")
    if link_digest(link.algorithm, link.prev_digest, link.payload) != link.digest:
        return Break(link.seq, "记录被改动：内容与摘要不符")
    if link.prev_digest != prev:
        return Break(link.seq, "与前一条不相连：其前的记录被改动、删除，或本条是插入的")
    return None
