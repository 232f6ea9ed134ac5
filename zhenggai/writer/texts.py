"""The words of each document that are not data: titles, openings, section headings, fixed
phrases, closings. The office may rewrite any of them per round; these are the defaults.

A text may name the round's facts in braces, filled in when the document is written:
{巡视} (巡视, or 巡察 for a round sent by a city or county committee) {巡视组} {被巡视党组织}
{轮次} {反馈日期} {署名} {姓名} {职务} {回复期限}. Other braces are left as they are."""

import re
from collections.abc import Mapping

KINDS: dict[str, str] = {
    "plan": "整改方案",
    "report": "整改情况报告",
    "leader-report": "主要负责人组织落实情况报告",
    "disclosure-internal": "整改进展情况通报（党内）",
    "disclosure-public": "整改进展情况通报（公开）",
    "notice": "督办单",
    "outline": "个人发言提纲",
    "self-examination": "对照检查材料",
}

LABELS: dict[str, str] = {
    "title": "标题",
    "addressee": "主送机关",
    "opening": "开头语",
    "closing": "结束语",
    "requirements": "总体要求",
    "safeguards": "保障措施",
    "overall": "总体情况",
    "duty": "履职情况",
    "remaining": "不足和下一步打算",
    "next": "下一步打算",
    "request": "督办要求",
}


def label(key: str) -> str:
    """How the editing page names a text: headings as 小标题."""
    if key.startswith("h_"):
        return "小标题"
    return LABELS.get(key, key)


DEFAULTS: dict[str, dict[str, str]] = {
    "plan": {
        "title": "{被巡视党组织}关于落实{巡视组}反馈意见的整改方案",
        "opening": "{反馈日期}，{巡视组}向{被巡视党组织}反馈了{巡视}发现的问题和整改意见。"
        "为抓好反馈意见的整改落实，结合工作实际，制定本方案。",
        "h_requirements": "总体要求",
        "requirements": "把{巡视}整改作为一项重大政治任务，坚持问题导向，对反馈问题逐条建立台账，"
        "明确责任领导、责任单位和完成时限，立行立改与长期坚持相结合，"
        "做到问题见底、措施见效、制度管长远。",
        "h_tasks": "整改任务和措施",
        "h_safeguards": "保障措施",
        "safeguards": "成立{巡视}整改工作领导小组，主要负责人履行第一责任人职责，班子成员按分工"
        "抓好牵头问题的整改。整改办定期调度进展，对进展滞后的单位及时催办督办；"
        "整改完成的事项经核查验收后方可销号，对敷衍整改、虚假整改的严肃追责问责。",
    },
    "report": {
        "title": "{被巡视党组织}关于{巡视组}反馈意见整改落实情况的报告",
        "addressee": "{巡视组}：",
        "opening": "{反馈日期}，{巡视组}向{被巡视党组织}反馈了{巡视}意见。我们照单全收、"
        "逐项认领，制定整改方案，建立整改台账，集中力量推进整改。现将整改落实情况报告如下。",
        "h_overall": "整改工作总体情况",
        "overall": "领导班子把{巡视}整改摆在突出位置，主要负责人带头认领问题、亲自部署推动，"
        "班子成员按分工牵头落实，各责任单位按照台账挂图作战、对账销号。",
        "h_problems": "反馈问题整改落实情况",
        "h_remaining": "存在的不足和下一步打算",
        "remaining": "对照{巡视}要求，整改工作还存在一些差距，部分需要长期坚持的措施仍在推进。"
        "下一步，我们将坚持目标不变、力度不减，对未完成事项紧盯不放，已完成事项适时"
        "组织“回头看”，把整改成果转化为长效机制，防止问题反弹回潮。",
        "closing": "特此报告。",
    },
    "leader-report": {
        "title": "{姓名}同志关于组织落实{巡视组}反馈意见整改情况的报告",
        "addressee": "{巡视组}：",
        "opening": "作为{被巡视党组织}主要负责人，本人切实履行{巡视}整改第一责任人职责，"
        "现将组织落实整改的情况报告如下。",
        "h_duty": "履行整改第一责任人职责情况",
        "duty": "反馈会后，本人第一时间主持召开专题会议研究部署整改工作，审定整改方案和"
        "整改台账，对重点问题和难点问题亲自协调、亲自督办，定期听取整改进展情况汇报，"
        "并深入基层单位实地查看整改成效。",
        "h_supervision": "督促检查情况",
        "h_led": "亲自牵头整改的问题",
        "h_next": "下一步打算",
        "next": "本人将继续扛牢整改主体责任，对尚未完成的整改事项盯住不放，"
        "对已完成的事项开展跟踪问效，推动建章立制，巩固深化整改成果。",
        "closing": "特此报告。",
    },
    "disclosure-internal": {
        "title": "{被巡视党组织}关于{巡视组}反馈意见整改进展情况的通报",
        "opening": "根据{巡视}工作有关规定，现将{巡视组}反馈意见的整改进展情况在党内通报如下。",
        "h_overall": "整改工作总体情况",
        "overall": "反馈会后，{被巡视党组织}制定整改方案，建立问题、任务、责任三个清单，"
        "逐项推进整改。",
        "h_problems": "反馈问题整改进展情况",
        "closing": "请各级党组织和广大党员对整改落实情况进行监督。",
    },
    "disclosure-public": {
        "title": "{被巡视党组织}关于{巡视组}反馈意见整改进展情况的通报",
        "opening": "根据{巡视}工作有关规定，现将{巡视组}反馈意见的整改进展情况予以公布。",
        "h_overall": "整改工作总体情况",
        "overall": "反馈会后，{被巡视党组织}制定整改方案，建立问题、任务、责任三个清单，"
        "逐项推进整改。",
        "h_problems": "反馈问题整改进展情况",
        "closing": "欢迎广大干部群众对{巡视}整改落实情况进行监督，"
        "意见建议可通过来信来访等方式向{署名}反映。",
    },
    "notice": {
        "title": "督办单",
        "request": "请你单位高度重视，逐项抓好落实，于{回复期限}前将整改落实情况书面报送{署名}。"
        "逾期未报送或整改不到位的，将视情况予以约谈、通报。",
    },
    "outline": {
        "title": "{姓名}同志{巡视}整改专题民主生活会个人发言提纲",
        "opening": "按照{巡视}整改专题民主生活会的安排，本人对照{巡视组}反馈意见，结合会前征求"
        "意见和谈心谈话情况，查摆自身存在的问题，剖析问题产生的根源，明确下一步整改措施。"
        "现发言如下：",
        "h_problems": "存在的主要问题",
        "h_causes": "原因剖析",
        "h_measures": "下步整改措施",
        "closing": "以上发言，请同志们批评指正。",
    },
    "self-examination": {
        "title": "{姓名}同志{巡视}整改专题民主生活会对照检查材料",
        "opening": "按照{巡视}整改专题民主生活会的要求，本人认真对照{巡视组}反馈意见，"
        "紧扣认领和牵头整改的问题，逐项检视整改落实情况，深挖问题根源。现对照检查如下：",
        "h_problems": "对照查摆的主要问题",
        "h_causes": "问题产生的原因",
        "h_measures": "今后的努力方向和整改措施",
        "closing": "以上对照检查，请同志们批评帮助。",
    },
}

_FIELD = re.compile(r"\{([^{}\s]{1,10})\}")


def texts_for(kind: str, edited: Mapping[str, str] | None = None) -> dict[str, str]:
    """The kind's texts: the office's version where it wrote one, else the default."""
    texts = dict(DEFAULTS[kind])
    for key, value in (edited or {}).items():
        if key in texts:
            texts[key] = value
    return texts


def fill(text: str, fields: Mapping[str, str]) -> str:
    return _FIELD.sub(lambda match: fields.get(match[1], match[0]), text)
