"""双公开: the in-Party circular lists every problem, the public one leaves out those the
office withheld and says, for the office only, which and why."""

from tests.writer import samples
from zhenggai.writer import disclosure


def texts(document):
    return "\n".join(block.lead + block.text for block in document.blocks)


def test_the_public_circular_leaves_out_withheld_problems_and_says_why():
    document = disclosure(samples.ROUND, samples.FIGURES, samples.CATEGORIES, public=True)
    assert "服务保障发展大局的办法不多" not in texts(document)
    assert document.omitted == ["问题 1-2“服务保障发展大局的办法不多”（案件正在查处）"]


def test_the_public_circular_numbers_what_is_left_without_gaps():
    document = disclosure(samples.ROUND, samples.FIGURES, samples.CATEGORIES, public=True)
    leads = [block.lead for block in document.blocks if block.lead]
    assert leads == [
        "1.关于“理论学习与工作实际结合不紧”的问题。",
        "1.关于“管党治党责任传导层层递减”的问题。",
    ]


def test_the_in_party_circular_keeps_every_problem():
    document = disclosure(samples.ROUND, samples.FIGURES, samples.CATEGORIES, public=False)
    assert "服务保障发展大局的办法不多" in texts(document)
    assert document.omitted == []
