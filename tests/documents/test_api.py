"""The documents over HTTP: the same services, scope and checks as the pages and the command."""

import io

import docx
import openpyxl


def test_the_ledger_exports_with_the_pages_filters(api_as, led_round, office_clerk):
    round_ = led_round["round"]
    response = api_as(office_clerk).get(
        f"/api/rounds/{round_.pk}/ledger.xlsx",
        view="measures",
        unit=led_round["shared"].lead_unit_id,
    )
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))["整改台账"]
    assert [sheet.cell(r, 1).value for r in range(4, sheet.max_row + 1)] == [
        "1-1.1",
        "1-1.2",
        "1-2.1",
    ]


def test_the_office_lists_each_documents_findings(api_as, led_round, office_clerk):
    answer = api_as(office_clerk).get(f"/api/rounds/{led_round['round'].pk}/documents").json()
    assert [row["kind"] for row in answer] == [
        "plan", "report", "leader-report", "disclosure-internal", "disclosure-public",
    ]  # fmt: skip
    assert answer[1]["findings"][0]["code"] == "missing"


def test_a_document_downloads_with_its_findings_counted(api_as, outline_material, leader):
    round_ = outline_material["round"]
    response = api_as(leader).get(
        f"/api/rounds/{round_.pk}/documents/outline", person=leader.person.pk
    )
    assert response.status_code == 200
    assert response["X-Zhenggai-Findings"] == "0"
    assert docx.Document(io.BytesIO(response.content)).paragraphs[0].text.startswith("周书记")


def test_strict_mode_answers_422_with_the_findings(api_as, led_round, office_clerk):
    problem = led_round["problems"]["court"]
    problem.text = "第X巡视组指出的问题。"
    problem.save()
    response = api_as(office_clerk).get(
        f"/api/rounds/{led_round['round'].pk}/documents/plan", strict="true"
    )
    assert response.status_code == 422
    assert response.json()["findings"][0]["message"].startswith("问题 1-1中有未填写的占位符“第X”")


def test_a_unit_may_not_write_the_plan(api_as, led_round, court_reporter):
    response = api_as(court_reporter).get(f"/api/rounds/{led_round['round'].pk}/documents/plan")
    assert response.status_code == 403


def test_causes_are_kept_through_the_api(api_as, led_round, leader):
    api = api_as(leader)
    base = f"/api/rounds/{led_round['round'].pk}/persons/{leader.person.pk}/causes"
    created = api.post(base, {"text": "在纪律作风上还有差距。要求不严。", "aspect": "discipline"})
    assert created.status_code == 201
    assert api.get(base).json()[0]["text"] == "在纪律作风上还有差距。要求不严。"


def test_texts_and_withholding_through_the_api(api_as, led_round, office_clerk):
    api = api_as(office_clerk)
    round_ = led_round["round"]
    texts = api.patch(f"/api/rounds/{round_.pk}/document-texts/plan", {"closing": "x"})
    assert texts.status_code == 422
    texts = api.patch(f"/api/rounds/{round_.pk}/document-texts/plan", {"opening": "开头。"})
    assert texts.json()["texts"]["opening"] == "开头。"
    problem = led_round["problems"]["police"]
    marked = api.client.put(
        f"/api/problems/{problem.pk}/withholding",
        {"reason": "hype", "note": ""},
        content_type="application/json",
    )
    assert marked.json()["reason_label"] == "易被炒作"
