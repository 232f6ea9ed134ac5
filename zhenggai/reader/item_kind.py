"""The kind an item's own words give it, when no section heading names one.

A finding says what is lacking (不够深入, 有差距, 存在……问题); a measure says what to do
(要, 必须, 加强, 健全); progress says what has been done (已完成, 建立了). The words are read
from the item's title, its own first sentence."""

import re

from zhenggai.reader.model import Kind

# Asking is a measure, whatever follows: 一要……, 要切实……, 必须……
_ASKING = re.compile(r"(?:要|必须|务必|切实|应当|需要|坚决|一定要)")
_NEGATIVE = re.compile(
    r"""不(?:够|足|到位|强|严|实|细|深|高|力|充分|全面|彻底|规范|健全|完善|平衡|及时|明显|紧
        |准|精|畅|多|大|好|佳|牢|硬|快|广|优|匹配|适应|落实|担当|作为|主动|扎实|深入|细致
        |统一|一致|顺畅|清晰|明确|完整|准确|合理|科学|严格|有力|有效|成熟|系统|健全)
    |缺乏|缺少|欠缺|缺位|薄弱|短板|差距|滞后|偏少|偏弱|偏低|偏差|偏软|有待|弱化|虚化|淡化
    |边缘化|走过场|乏力|松懈|懈怠|打折扣|漏洞|隐患|失之于|时有发生|屡禁不止|仍然存在
    |依然存在|较为突出|有所下降|有所放松|没有|未能|未(?:按|及时|完全|严格|建立|落实)""",
    re.X,
)
_FOUND = re.compile(r"存在.{0,16}(?:问题|现象|情况|隐患|风险)|问题(?:突出|较多)|的问题$")
_DONE = re.compile(
    r"""已(?:经)?(?:全部|基本)?(?:完成|整改|建立|制定|出台|开展|召开|印发|修订|办结|落实|追回
        |清退|处理|查处|整治|实现|形成|组织|举办|完善|健全|推动|取得)
    |(?:完成|建立|制定|出台|开展|召开|印发|修订|举办|查处|追回|清退|完善|健全|新建|组建|组织)了
    |整改(?:已)?完成|全部完成|基本完成|累计|共计|截至|取得(?:了)?(?:明显|阶段性)?成效
    |\d+\s*(?:余)?(?:次|场|期|人次|批|家|起|件)""",
    re.X,
)
_DOING = re.compile(
    r"""(?:坚持|加强|强化|深化|持续|深入|推动|推进|健全|完善|建立|着力|聚焦|压实|筑牢|提升|提高
    |确保|狠抓|抓好|抓实|抓牢|做好|做实|做细|落实|严格|全面|扎实|进一步|不断|始终|统筹|优化
    |规范|加大|加快|突出|注重|树牢|增强|牢固|从严|带头|主动|积极|认真|围绕|用好|守牢|锤炼|扛牢
    |扛起|夯实|激发|营造|构建|打造|创新|拓展|补齐|建强|配强|选优|培育|弘扬|巩固|发挥|贯彻
    |维护|保持|防范|整治|开展|修订|制定|实行|实施|推行|探索|打好|守住|把好|念好|下好|当好|种好
    |确定|征求|发布|检查|召开|按时|及时|严把|严肃|正确认识|认识到|举一反三|堵牢|明确|细化
    |梳理|排查|督促|跟踪|压紧|坚守|恪守|遵守|执行|履行|抓住|树立|增进|改进|改善|转变
    |以.{1,12}为|把.{1,16}(?:作为|摆在|放在|贯穿|融入))""",
    re.X,
)
_WHY = re.compile(r"原因|根源|根子|源头|剖析")
_MARKER_ASKING = re.compile(r".要$")
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
# "在……方面" names a field; what was found there or is to be done there comes below it.
_FIELD = re.compile(r".*方面[的]?(?:问题)?$")


def is_action(words: str) -> bool:
    """Words that do or find something, which no heading naming a topic does."""
    return bool(_ASKING.match(words) or _DOING.match(words) or _NEGATIVE.search(words))


def item_kind(marker: str, title: str) -> Kind | None:
    """problem, measure, progress or cause as the words say; None when they say nothing.
    Words in quotation marks name a finding (关于“学习不够深入”问题的整改): they are not
    what this item says."""
    if "“" in title or '"' in title:
        title = _QUOTED.sub("", title)
    if _MARKER_ASKING.match(marker) or _ASKING.match(title):
        return "measure"
    if _FIELD.match(title):
        return None
    if _DONE.search(title):
        return "progress"
    if _WHY.search(title):
        return "cause"
    if _NEGATIVE.search(title) or _FOUND.search(title):
        return "problem"
    if _DOING.match(title):
        return "measure"
    return None
