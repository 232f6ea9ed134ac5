"""zhenggai requests --user NAME [--round ID] [--all | --mine]
zhenggai requests --user NAME --approve CODE [--note TEXT] | --refuse CODE --note TEXT"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone

from zhenggai.ledger import policy as ledger_policy
from zhenggai.ledger.versions import StaleEdit, actor_name
from zhenggai.ops.accounts import acting_user
from zhenggai.requests import policy, queries, services
from zhenggai.requests.models import ChangeRequest, ExtensionRequest

PREFIXES = {"E": ExtensionRequest, "C": ChangeRequest}
CODES = {model: prefix for prefix, model in PREFIXES.items()}


class Command(BaseCommand):
    help = (
        "列出用户可见的延期申请和变更申请（默认只列待审批的；E 开头为延期申请，C 开头为变更申请），"
        "或以该用户身份批准、不予批准一份申请。只有本轮整改办可以审批，且不能审批自己提出的申请；"
        "不予批准必须用 --note 说明理由。批准即按申请调整措施，原定完成时限保留在措施上。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", help="操作人登录名（必填，命令按其角色办理）")
        parser.add_argument("--round", dest="round_id", help="只列这一轮次的申请")
        listed = parser.add_mutually_exclusive_group()
        listed.add_argument(
            "--all", dest="show_all", action="store_true", help="也列出已处理的申请"
        )
        listed.add_argument(
            "--mine", action="store_true", help="只列出等待本人审批的申请（本人可以审批的）"
        )
        decide = parser.add_mutually_exclusive_group()
        decide.add_argument("--approve", metavar="CODE", help="批准这份申请，如 E12")
        decide.add_argument("--refuse", metavar="CODE", help="不予批准这份申请，如 C3")
        parser.add_argument("--note", default="", help="审批意见；不予批准时必填")

    def handle(self, *args, user, round_id, show_all, mine, approve, refuse, note, **options):
        actor = acting_user(user)
        if approve or refuse:
            self.stdout.write(_decide(actor, approve or refuse, bool(approve), note))
            return
        status = "all" if show_all else "mine" if mine else "pending"
        found = []
        for round_ in _rounds(actor, round_id):
            found += queries.round_requests(actor, round_, status).rows
        for request in found:
            self.stdout.write(_line(request))
        pending = sum(r.status == ExtensionRequest.Status.PENDING for r in found)
        mine_count = sum(policy.can_decide(actor, r)[0] for r in found)
        self.stdout.write(
            f"共 {len(found)} 份申请，其中待审批 {pending} 份（待本人审批 {mine_count} 份）。"
        )


def _rounds(actor, round_id):
    if round_id is None:
        return ledger_policy.rounds_visible_to(actor).select_related("office")
    try:
        return [ledger_policy.get_round_for(actor, round_id)]
    except Http404 as error:
        raise CommandError(f"没有找到编号为 {round_id} 的轮次，或您无权查看。") from error


def _line(request) -> str:
    measure = request.measure
    if isinstance(request, ExtensionRequest):
        what = f"延至 {request.new_deadline:%Y-%m-%d}（申请时 {request.current_deadline:%Y-%m-%d}）"
    else:
        what = "变更：" + "、".join(services.LABELS[name] for name in services.proposal(request))
    asked_on = timezone.localdate(request.asked_at)
    return (
        f"{CODES[type(request)]}{request.pk}\t{request.get_status_display()}\t{measure.code}\t"
        f"{measure.lead_unit.name}\t{actor_name(request.asked_by)} {asked_on:%Y-%m-%d}\t"
        f"{what}\t理由：{request.reason[:60]}"
    )


def _decide(actor, code: str, approving: bool, note: str) -> str:
    model = PREFIXES.get(code[:1].upper())
    if model is None or not code[1:].isdigit():
        raise CommandError(f"申请编号“{code}”不对：延期申请以 E 开头，变更申请以 C 开头，如 E12。")
    try:
        request = policy.get_request_for(model, actor, int(code[1:]))
        if approving:
            version = request.measure.version
            services.approve(actor, request, version=version, note=note)
        else:
            services.refuse(actor, request, note=note)
    except Http404 as error:
        raise CommandError(str(error)) from error
    except (PermissionDenied, StaleEdit) as error:
        raise CommandError(str(error)) from error
    except ValidationError as error:
        raise CommandError("；".join(error.messages)) from error
    return f"{code.upper()}：{request.get_status_display()}。{_line(request)}"
