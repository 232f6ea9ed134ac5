"""The chain's arithmetic, without a database."""

from zhenggai.audit import chain

# GB/T 32905-2016, appendix A, example 1: SM3("abc").
SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def test_sm3_gives_the_standards_example_digest():
    assert chain.digest(chain.SM3, b"abc") == SM3_ABC


def test_sha256_gives_the_known_digest():
    assert chain.digest(chain.SHA256, b"abc").startswith("ba7816bf8f01cfea")


def _links(count, algorithm=chain.SM3):
    links, prev = [], chain.GENESIS
    for seq in range(1, count + 1):
        payload = {"seq": seq, "what": f"第{seq}次修改"}
        digest = chain.link_digest(algorithm, prev, payload)
        links.append(chain.Link(seq, algorithm, prev, digest, payload))
        prev = digest
    return links


def test_an_untouched_chain_has_no_break():
    assert chain.check(_links(5), lambda: 5) == (5, None)


def test_a_chain_may_change_its_algorithm_midway():
    first = _links(2, chain.SHA256)
    payload = {"seq": 3}
    third = chain.Link(
        3,
        chain.SM3,
        first[-1].digest,
        chain.link_digest(chain.SM3, first[-1].digest, payload),
        payload,
    )
    assert chain.check([*first, third], lambda: 3) == (3, None)


def test_an_altered_entry_is_named():
    links = _links(4)
    links[1] = chain.Link(2, chain.SM3, links[1].prev_digest, links[1].digest, {"seq": 2})
    _, found = chain.check(links, lambda: 4)
    assert found.seq == 2 and "改动" in found.reason


def test_a_removed_entry_is_named():
    links = _links(4)
    del links[1]
    _, found = chain.check(links, lambda: 4)
    assert str(found) == "第 2 条：记录被删除：缺少第 2 条"


def test_a_removed_last_entry_shows_against_the_head():
    _, found = chain.check(_links(4)[:3], lambda: 4)
    assert str(found) == "第 4 条：链尾记录被删除：缺少第 4 条"


def test_an_entry_beyond_the_head_is_inserted_even_with_a_proper_digest():
    _, found = chain.check(_links(5), lambda: 4)
    assert found.seq == 5 and "插入" in found.reason


def test_a_head_that_moves_on_during_the_check_is_asked_again():
    heads = iter([3, 5, 5])
    assert chain.check(_links(5), lambda: next(heads)) == (5, None)
