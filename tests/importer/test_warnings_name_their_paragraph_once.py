"""A reading warning names its paragraph once, as a link to the source row."""

import re

import pytest

from zhenggai.importer import services

pytestmark = pytest.mark.django_db


def test_a_warning_names_its_paragraph_once(office, office_clerk, round_):
    text = "一、整改任务\n（一）作风方面\n1．学习不深。\n整改措施：由XX负责制定计划。\n"
    batch = services.upload(office_clerk, round_, "方案.txt", text.encode())
    page = office.get(batch.get_absolute_url()).content.decode()
    warnings = page[page.index('class="warnings"') : page.index("</ul>", page.index("warnings"))]
    shown = re.sub(r"<[^>]+>", "", warnings)
    assert "第 4 段有未填写的占位符" in shown
    assert '<a href="#line-4">第 4 段</a>有未填写' in warnings
    assert shown.count("第 4 段") == 1
