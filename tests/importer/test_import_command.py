"""`zhenggai import FILE --round ID`: a draft to review on the web, or with --apply straight
into the ledger; errors in Chinese on stderr with a non-zero exit."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command, load_command_class

from tests.importer.documents import PLAN
from zhenggai.importer.models import ImportBatch
from zhenggai.ledger.models import Event, Measure, Problem

pytestmark = pytest.mark.django_db

READY = PLAN.replace(
    "整改措施：①组织网格员专项培训；②建立纠纷排查台账。",
    "整改措施：①组织网格员专项培训；②建立纠纷排查台账。\n完成时限：2024年5月底",
)


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "整改方案.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def ready(tmp_path):
    path = tmp_path / "整改方案（定稿）.txt"
    path.write_text(READY, encoding="gbk")
    return path


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import", *[str(a) for a in args], stdout=out, **options)
    return out.getvalue()


def test_without_apply_it_prints_the_draft_and_where_to_review_it(plan, round_, office_clerk):
    problems = Problem.objects.count()
    out = run(plan, "--round", round_.pk, "--user", "office")
    batch = ImportBatch.objects.get()
    assert "草稿：2 个方面，3 个问题，6 项问题下的措施，0 项整体措施，0 条原因剖析" in out
    assert f"/imports/{batch.pk}/" in out
    assert "台账尚未改动" in out
    assert batch.status == "draft" and batch.uploaded_by == office_clerk
    assert Problem.objects.count() == problems


def test_with_apply_it_writes_the_ledger_as_read(ready, round_, office_clerk):
    out = run(ready, "--round", round_.pk, "--user", "office", "--apply")
    assert "已导入台账：1 个新方面，3 个问题，6 项整改措施" in out
    batch = ImportBatch.objects.get()
    assert batch.status == "applied" and batch.encoding in ("gbk", "gb18030")
    assert batch.problems.count() == 3
    assert Event.objects.filter(kind=Event.Kind.IMPORTED).count() == 3
    assert Measure.objects.filter(problem__in=batch.problems.all(), kind="ongoing").count() == 2


def test_with_apply_measures_without_a_deadline_stop_it_and_are_listed(plan, round_, office_clerk):
    problems = Problem.objects.count()
    with pytest.raises(CommandError) as refused:
        run(plan, "--round", round_.pk, "--user", "office", "--apply")
    message = str(refused.value)
    assert "未导入，台账没有改动" in message
    assert "措施“组织网格员专项培训”（原文第 12 段）：缺少完成时限" in message
    assert "措施“建立纠纷排查台账。”（原文第 12 段）：缺少完成时限" in message
    assert Problem.objects.count() == problems
    assert ImportBatch.objects.get().status == "draft"


def test_the_same_file_twice_needs_again(plan, round_, office_clerk):
    run(plan, "--round", round_.pk, "--user", "office")
    with pytest.raises(CommandError, match="该文件已于.*--again"):
        run(plan, "--round", round_.pk, "--user", "office")
    run(plan, "--round", round_.pk, "--user", "office", "--again")
    assert ImportBatch.objects.count() == 2


def test_a_superuser_imports_nothing_by_being_one(plan, round_, django_user_model):
    django_user_model.objects.create_superuser("root", password="x-correct-horse")
    problems = Problem.objects.count()
    with pytest.raises(CommandError, match="请用 --user 指定操作人"):
        run(plan, "--round", round_.pk)
    with pytest.raises(CommandError, match=f"没有找到编号为 {round_.pk} 的轮次，或 root 无权查看"):
        run(plan, "--round", round_.pk, "--user", "root", "--apply")
    assert not ImportBatch.objects.exists() and Problem.objects.count() == problems


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--round", "999999", "--user", "office"], "没有找到编号为 999999 的轮次"),
        (["--round", "abc", "--user", "office"], "没有找到编号为 abc 的轮次"),
        (["--round", "{round}", "--user", "nobody"], "没有找到启用的用户“nobody”"),
        (["--round", "{round}", "--user", "court"], "只有本轮整改牵头单位的用户"),
        (["--round", "{round}"], "请用 --user 指定操作人"),
    ],
)
def test_a_wrong_round_or_user_is_explained(
    plan, round_, office_clerk, court_reporter, args, message
):
    args = [a.replace("{round}", str(round_.pk)) for a in args]
    with pytest.raises(CommandError, match=message):
        run(plan, *args)
    assert not ImportBatch.objects.exists()


def test_a_missing_broken_or_huge_file_is_explained(tmp_path, round_, office_clerk, settings):
    with pytest.raises(CommandError, match="找不到文件"):
        run(tmp_path / "没有.txt", "--round", round_.pk, "--user", "office")
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(CommandError):
        run(broken, "--round", round_.pk, "--user", "office")
    settings.ZHENGGAI_MAX_UPLOAD_BYTES = 10
    with pytest.raises(CommandError, match="文件超过"):
        run(broken, "--round", round_.pk, "--user", "office")
    assert not ImportBatch.objects.exists()


def test_from_a_shell_the_error_goes_to_stderr_with_a_non_zero_exit(plan, round_, capsys):
    command = load_command_class("zhenggai.importer", "import")
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(
            ["zhenggai", "import", str(plan), "--round", str(round_.pk), "--user", "x"]
        )
    assert exit_.value.code != 0
    out, err = capsys.readouterr()
    assert "没有找到启用的用户“x”" in err
    assert out == ""
