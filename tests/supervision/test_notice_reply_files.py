"""A reply to a supervision notice (督办单) takes files as a progress report does; a refused
file leaves the others saved and is named with the reason."""

import pytest
from django.urls import reverse

from tests.carryout.samples import DOCX, PDF, upload
from zhenggai.carryout.models import Evidence
from zhenggai.supervision import services


@pytest.fixture
def notice(demo_round, units, office_clerk):
    return services.issue_notice(
        office_clerk, demo_round["round"], unit=units["court"], content="请书面报告整改情况。"
    )


def _reply(client, user, notice, files):
    client.force_login(user)
    url = reverse("supervision:notice_reply", args=[notice.pk])
    return client.post(url, {"reply": "已整改，书面报告附后。", "files": files}, follow=True)


def test_a_reply_keeps_its_files_and_names_the_one_refused(client, notice, court_reporter):
    files = [upload("整改报告.docx", DOCX), upload("台账.pdf", PDF), upload("照片.pdf", b"x")]
    page = _reply(client, court_reporter, notice, files).content.decode()

    names = sorted(Evidence.objects.filter(notice=notice).values_list("original_name", flat=True))
    assert names == ["台账.pdf", "整改报告.docx"]
    assert "已回复督办单" in page
    assert "以下文件未保存，其余已保存：“照片.pdf”的内容不是PDF文件" in page
    assert "附件：整改报告.docx" in page


def test_a_reply_whose_only_file_is_refused_is_not_sent(client, notice, court_reporter):
    page = _reply(client, court_reporter, notice, [upload("照片.pdf", b"x")]).content.decode()
    assert "“照片.pdf”的内容不是PDF文件" in page
    notice.refresh_from_db()
    assert notice.reply == "" and not Evidence.objects.exists()


def test_the_replys_files_are_seen_only_by_who_sees_the_notice(
    client, notice, court_reporter, office_clerk, police_reporter
):
    _reply(client, court_reporter, notice, [upload("整改报告.docx", DOCX)])
    evidence = Evidence.objects.get()
    url = reverse("carryout:evidence_download", args=[evidence.pk])
    client.force_login(office_clerk)
    assert client.get(url).status_code == 200
    client.force_login(police_reporter)
    assert client.get(url).status_code == 404


def test_a_reply_sent_back_keeps_its_files_and_the_new_reply_shows_only_its_own(
    client, notice, court_reporter, office_clerk
):
    _reply(client, court_reporter, notice, [upload("初稿.docx", DOCX)])
    services.return_reply(office_clerk, notice, "未附整改台账。")
    page = _reply(client, court_reporter, notice, [upload("整改台账.pdf", PDF)]).content.decode()

    # Nothing uploaded is lost: both files stay downloadable, each under its own reply.
    assert Evidence.objects.filter(notice=notice).count() == 2
    reply = page[page.index('id="reply"') : page.index('id="returns"')]
    returned = page[page.index('id="returns"') :]
    assert "附件：整改台账.pdf" in reply and "初稿.docx" not in reply
    assert "附件：初稿.docx" in returned and "整改台账.pdf" not in returned
