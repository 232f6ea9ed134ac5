"""The report form, a measure's report history and the evidence download, through HTTP."""

import pytest
from django.urls import reverse

from tests.carryout.conftest import report
from tests.carryout.samples import PDF, upload
from zhenggai.carryout.models import Evidence, ProgressReport
from zhenggai.ledger.models import Measure


@pytest.fixture
def as_court(client, court_reporter):
    client.force_login(court_reporter)
    return client


def post_report(client, measure, **data):
    values = {"as_of": "2023-10-20", "status": "in_progress", "text": "已召开专题会议。"}
    values.update(data)
    return client.post(reverse("carryout:report_create", args=[measure.pk]), values)


def test_a_unit_reports_with_a_file_and_returns_to_its_measure(as_court, measures):
    response = post_report(as_court, measures["court"], files=[upload("会议纪要.pdf")])

    assert response.status_code == 302
    assert response["Location"].endswith(f"#measure-{measures['court'].pk}")
    assert ProgressReport.objects.get().evidence.get().original_name == "会议纪要.pdf"


def test_a_fake_pdf_is_refused_on_the_form_and_nothing_is_saved(as_court, measures):
    response = post_report(as_court, measures["court"], files=[upload("纪要.pdf", b"hello")])

    assert response.status_code == 200
    assert "“纪要.pdf”的内容不是PDF文件" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_a_date_in_the_future_or_nonsense_is_explained(as_court, measures):
    page = post_report(as_court, measures["court"], as_of="2999-01-01").content.decode()
    assert "截至日期不能晚于今天。" in page
    page = post_report(as_court, measures["court"], as_of="2023-02-30").content.decode()
    assert "输入一个有效的日期" in page
    assert not ProgressReport.objects.exists()


def test_a_cooperating_unit_is_offered_only_progress(client, measures, police_reporter):
    client.force_login(police_reporter)
    page = client.get(reverse("carryout:report_create", args=[measures["shared"].pk]))
    assert 'value="in_progress"' in page.content.decode()
    assert 'value="done_pending"' not in page.content.decode()

    response = post_report(client, measures["shared"], status="done_pending")
    assert "选择一个有效的选项" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_a_correction_names_the_report_it_corrects(as_court, measures, court_reporter):
    original = report(court_reporter, measures["court"])
    url = reverse("carryout:report_create", args=[measures["court"].pk])

    page = as_court.get(f"{url}?corrects={original.pk}").content.decode()
    assert "本次报送是对 2023-10-20 那次报告的更正" in page
    post_report(as_court, measures["court"], corrects=original.pk, text="更正：会议2次。")
    assert ProgressReport.objects.get(corrects=original).text == "更正：会议2次。"


def test_a_correction_of_another_measures_report_is_refused(as_court, measures, court_reporter):
    other = report(court_reporter, measures["tribunal"])
    response = post_report(as_court, measures["court"], corrects=other.pk)
    assert response.status_code == 200
    assert ProgressReport.objects.count() == 1


def test_a_closed_measure_offers_no_report_form(as_court, measures):
    Measure.objects.filter(pk=measures["court"].pk).update(status="closed")
    response = as_court.get(reverse("carryout:report_create", args=[measures["court"].pk]))
    assert response.status_code == 403
    assert "该措施已销号" in response.content.decode()


def test_the_history_lists_every_report_with_corrections_and_files(
    as_court, measures, court_reporter
):
    first = report(court_reporter, measures["court"], text="第一次。", files=[upload("一.pdf")])
    report(court_reporter, measures["court"], text="更正第一次。", corrects=first)

    page = as_court.get(reverse("carryout:report_list", args=[measures["court"].pk]))
    html = page.content.decode()
    assert "进展报告（2）" in html
    assert html.index("更正第一次。") < html.index("第一次。<")
    assert "更正 <a" in html and "附件：一.pdf" in html


def test_evidence_downloads_as_an_attachment_with_its_type(as_court, measures, court_reporter):
    report(court_reporter, measures["court"], files=[upload("整改 方案.pdf")])
    evidence = Evidence.objects.get()

    response = as_court.get(reverse("carryout:evidence_download", args=[evidence.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_evidence_is_hidden_from_those_who_cannot_see_the_measure(
    client, measures, court_reporter, police_reporter, tribunal_reporter
):
    report(court_reporter, measures["court"], files=[upload("a.pdf")])
    url = reverse("carryout:evidence_download", args=[Evidence.objects.get().pk])
    for user in (police_reporter, tribunal_reporter):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_evidence_whose_file_vanished_is_a_404(as_court, measures, court_reporter):
    report(court_reporter, measures["court"], files=[upload("a.pdf")])
    evidence = Evidence.objects.get()
    evidence.file.storage.delete(evidence.file.name)

    url = reverse("carryout:evidence_download", args=[evidence.pk])
    assert as_court.get(url).status_code == 404


def test_a_file_over_the_limit_is_refused_on_the_form(as_court, measures, settings):
    settings.ZHENGGAI_MAX_UPLOAD_BYTES = 100 * 1024
    big = upload("扫描件.pdf", PDF + b"0" * 200 * 1024)

    response = post_report(as_court, measures["court"], files=[big])

    # The upload is cut off at the limit (zhenggai/files/uploads.py), so its size is unknown.
    page = response.content.decode()
    assert "“扫描件.pdf”超过 100 KB 的上限，已停止接收，请压缩或拆分后再上传。" in page
    assert not ProgressReport.objects.exists()


def test_the_form_proposes_the_local_day(edge_of_the_day, client, court_reporter, measures):
    client.force_login(court_reporter)
    url = reverse("carryout:report_create", args=[measures["court"].pk])
    page = client.get(url).content.decode()
    assert 'name="as_of" value="2026-12-07"' in page
