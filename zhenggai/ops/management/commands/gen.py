import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from zhenggai.audit import record
from zhenggai.audit.models import Kind
from zhenggai.ledger.queries import today
from zhenggai.ops import generator


class Command(BaseCommand):
    help = (
        "生成省级规模的压测数据：300个政法单位（四级）、2000名人员、10个巡视轮次"
        "（每轮4个方面，最大一轮占一半）、2万个问题、10万条整改措施（约三成有配合单位）"
        "和部分认领，以及各单位留下的工作记录：每条措施平均5份进展报告（约50万份）、"
        "每个销号或退回措施的核查记录、约1%的变异反弹、半数已销号问题的长效机制、"
        "约4%有时限措施的延期申请（一半已批准延期）；"
        "--count 按倍数缩放人员、问题和措施（单位树固定）。"
        f"生成的轮次名称以“{generator.ROUND_PREFIX}”开头，单位都在“{generator.ROOT_NAME}”之下，"
        f"并创建登录账号 {', '.join(generator.BENCH_USERS)}"
        "（超级用户、整改办用户、县级单位用户、牵头问题最多的领导），"
        f"以及每个单位一个填报账号（{generator.REPORTER_PREFIX}…，与压测账号同一密码）。"
        "已有压测数据时拒绝运行，除非加 --fresh：先删除上次生成的全部数据再重新生成。"
        "同样的 --seed 和日期生成同样的数据。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", type=float, default=1.0, help="规模倍数，默认 1；0.01 即 200 个问题。"
        )
        parser.add_argument(
            "--fresh", action="store_true", help="先删除上次生成的数据（轮次、单位、人员、账号）。"
        )
        parser.add_argument("--seed", type=int, default=2026, help="随机种子，默认 2026。")
        parser.add_argument("--password", default="bench-pass-2026", help="三个压测账号的密码。")

    def handle(self, *args, count, fresh, seed, password, **options):
        if count <= 0:
            raise CommandError("--count 必须大于 0。")
        started = time.monotonic()
        if generator.exists():
            if not fresh:
                raise CommandError("已有压测数据；加 --fresh 先删除再重新生成。")
            try:
                with record.summarized(Kind.DELETED, "压测数据", "上次生成的压测数据"):
                    generator.remove()
            except ProtectedError as error:
                raise CommandError(f"压测单位或账号被其他数据引用，无法删除：{error}") from error
        with record.summarized(Kind.CREATED, "压测数据", "生成的压测数据") as summary:
            made = generator.generate(count, seed, password, today())
            summary.update(made, count=count, seed=seed)
        self.stdout.write(
            "已生成压测数据：{units} 个单位、{persons} 名人员、{rounds} 个轮次、"
            "{problems} 个问题、{measures} 条措施、{cooperations} 条配合、{claims} 条认领、"
            "{reports} 份进展报告、{verifications} 条核查记录、{reopenings} 次反弹、"
            "{mechanisms} 项长效机制、{extensions} 份延期申请，"
            "用时 {seconds:.1f} 秒。".format(seconds=time.monotonic() - started, **made)
        )
