"""A small round in the writer's plain data, worded as an office would word it."""

import datetime

from zhenggai.writer.model import (
    CategoryItem,
    Figures,
    MeasureItem,
    NoticeInfo,
    PersonInfo,
    ProblemItem,
    RoundInfo,
)

ROUND = RoundInfo(
    name="省委第三巡视组反馈意见整改",
    team="省委第三巡视组",
    organization="中共临江市委政法委员会",
    feedback_date=datetime.date(2023, 9, 28),
    rectification_deadline=datetime.date(2023, 11, 28),
    report_deadline=datetime.date(2023, 11, 28),
    issuer="中共临江市委政法委员会",
    date=datetime.date(2023, 11, 24),
)
STUDY = MeasureItem(
    code="1-1.1",
    text="制定理论学习中心组年度学习计划，每季度开展一次专题研讨",
    kind_label="限期整改",
    deadline=datetime.date(2023, 10, 31),
    lead_unit="市委政法委",
    cooperating_units=("市中级人民法院", "市公安局"),
    status_label="已销号",
    done=True,
    closed=True,
    progress="已印发年度学习计划，开展专题研讨两次",
    verification="查阅资料、实地核查",
)
READING = MeasureItem(
    code="1-1.2",
    text="建立青年干警读书会制度，按月组织交流",
    kind_label="长期坚持",
    deadline=None,
    lead_unit="市中级人民法院",
    status_label="整改中",
)
TALKS = MeasureItem(
    code="2-1.1",
    text="班子成员每半年与分管单位负责人谈心谈话一次",
    kind_label="限期整改",
    deadline=datetime.date(2023, 12, 31),
    lead_unit="市委政法委",
    status_label="整改中",
)
STUDY_PROBLEM = ProblemItem(
    code="1-1",
    text="理论学习与工作实际结合不紧。对新时代政法工作的新要求研究不深。",
    manifestations="运用学习成果推动平安建设的举措不多。",
    lead_leader="周明",
    lead_unit="市委政法委",
    status_label="整改中",
    measures=(STUDY, READING),
    mechanisms=("临江市政法系统理论学习制度",),
)
BUSINESS_PROBLEM = ProblemItem(
    code="1-2",
    text="服务保障发展大局的办法不多。涉企案件办理质效不高。",
    lead_leader="李强",
    lead_unit="市中级人民法院",
    status_label="未启动",
    measures=(TALKS,),
    withheld="案件正在查处",
)
DUTY_PROBLEM = ProblemItem(
    code="2-1",
    text="管党治党责任传导层层递减。个别基层党组织“三会一课”不规范。",
    lead_leader="周明",
    lead_unit="市委政法委",
    status_label="整改中",
    measures=(TALKS,),
)
CATEGORIES = [
    CategoryItem(1, "贯彻落实党中央决策部署方面", (STUDY_PROBLEM, BUSINESS_PROBLEM)),
    CategoryItem(2, "落实全面从严治党责任方面", (DUTY_PROBLEM,)),
]
FIGURES = Figures(3, 0, 3, 1, 1, 0, 1, 1, 2, 5, 1)
LEADER = PersonInfo("周明", "市委政法委书记", "市委政法委")
CAUSES = [
    "在理论武装上还有差距。学习停留在读原文、记笔记，联系实际思考不深。",
    "在担当作为上还有差距。面对积案难题有畏难情绪，攻坚的办法不多。",
]
MEASURES = [
    "强化理论武装。每月至少参加一次集中学习研讨，撰写学习体会。",
    "压实整改责任。对牵头的问题每月调度一次，逐项对账销号。",
]
NOTICE = NoticeInfo(
    number="督办〔2023〕3号",
    unit="临江市中级人民法院",
    content="你院牵头的问题1-2进展明显滞后，整改措施尚未启动。",
    problems=("问题 1-2：服务保障发展大局的办法不多",),
    reply_deadline=datetime.date(2023, 11, 30),
    issued_on=datetime.date(2023, 11, 20),
    issuer="临江市委政法委整改办",
)
