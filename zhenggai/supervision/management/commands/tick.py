import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zhenggai.supervision import daily


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--today 应为日期，格式 YYYY-MM-DD，而不是 {value!r}。") from exc


class Command(BaseCommand):
    help = (
        "执行每日督办任务，可以重复执行："
        "1. 重算全部整改措施和问题的亮灯——超过完成时限未完成为红灯；"
        "距完成时限不足本轮“临期预警”个工作日（按法定节假日和调休计算），或超过本轮报送周期"
        "（集中整改期内和之后各有周期；从最近一次报送算起，从未报送的从措施创建之日算起）"
        "未报送进展的为黄灯；其余为绿灯；问题取其措施中最严重的灯。"
        "2. 对集中整改和常态化整改中的轮次，"
        "向亮黄灯、红灯措施的责任人和问题牵头领导（有登录账号的）"
        "催办：站内通知，配置了邮件服务器时另发邮件；同一人、同一措施、同一原因每天最多一次，"
        "并且一个报送周期内不重复。3. 超过回复期限未回复的督办单标为“逾期未回复”，"
        "并通知本轮整改办研究是否升级督办（约谈、通报、问责由人决定并记录）。"
        "4. 使用 SQLite 时更新查询统计信息（ANALYZE）。"
        "每次执行都记入每日任务记录。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            type=_day,
            help="按这一天执行（YYYY-MM-DD），默认今天；用于补跑和测试。",
        )
        parser.add_argument(
            "--skip-if-done",
            action="store_true",
            help="这一天已经成功执行过就不再执行（内置定时任务用它，避免多台服务器重复执行）。",
        )

    def handle(self, *args, today=None, skip_if_done=False, **options):
        if isinstance(today, str):  # call_command(today="…") skips the parser's type
            today = _day(today)
        today = today or timezone.localdate()
        if skip_if_done and daily.already_ran(today):
            self.stdout.write(f"{today} 的每日任务已经执行过，跳过。")
            return
        s = daily.run(today)
        self.stdout.write(
            f"{s.day} 每日任务完成：亮灯 {s.measures} 项（红 {s.red}、黄 {s.yellow}、绿 {s.green}，"
            f"变化 {s.lights_changed}），催办 {s.reminders} 人次（邮件 {s.emails} 封，"
            f"无登录账号 {s.unreachable} 项），督办单逾期 {s.overdue_notices} 件，"
            f"用时 {s.seconds:.1f} 秒。"
        )
