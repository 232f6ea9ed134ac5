"""When one chosen evidence file is refused, the report keeps the others and the page says
which file was left out and why; when every file is refused, nothing is saved."""

from django.urls import reverse

from tests.carryout.samples import PDF, PNG, upload
from zhenggai.carryout.models import ProgressReport


def _post(client, user, measure, files):
    client.force_login(user)
    values = {"as_of": "2023-10-20", "status": "in_progress", "text": "已召开专题会议。"}
    url = reverse("carryout:report_create", args=[measure.pk])
    return client.post(url, {**values, "files": files}, follow=True)


def test_the_good_files_are_kept_and_the_refused_one_named(client, measures, court_reporter):
    files = [upload("会议纪要.pdf", PDF), upload("现场.png", PNG), upload("台账.pdf", b"hello")]
    page = _post(client, court_reporter, measures["court"], files).content.decode()

    report = ProgressReport.objects.get()
    kept = sorted(report.evidence.values_list("original_name", flat=True))
    assert kept == ["会议纪要.pdf", "现场.png"]
    assert "以下文件未保存，其余已保存：“台账.pdf”的内容不是PDF文件" in page


def test_nothing_is_saved_when_every_file_is_refused(client, measures, court_reporter):
    page = _post(client, court_reporter, measures["court"], [upload("台账.pdf", b"hello")])
    assert "“台账.pdf”的内容不是PDF文件" in page.content.decode()
    assert not ProgressReport.objects.exists()
