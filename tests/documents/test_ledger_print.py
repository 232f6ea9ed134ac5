"""The ledger's print layout: every row of the view with its filters, not only the screen's
page, on a page that opens the print dialog itself."""

from django.urls import reverse


def codes(page):
    return [row.code for row in page.context["page"].object_list]


def test_the_print_layout_lists_every_row_of_the_filtered_view(
    client, demo_round, office_clerk, settings
):
    settings.LEDGER_PAGE_SIZE = 2
    client.force_login(office_clerk)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    screen = client.get(url, {"view": "measures"})
    assert codes(screen) == ["1-1.1", "1-1.2"]
    assert "第 1/2 页" in screen.content.decode()
    printed = client.get(url, {"view": "measures", "print": "1"})
    assert codes(printed) == ["1-1.1", "1-1.2", "1-2.1", "1-3.1"]
    html = printed.content.decode()
    assert "data-print-now" in html
    assert 'aria-label="分页"' not in html
    # The filters stay; the print switch is not carried into the export or the tabs.
    court = demo_round["shared"].lead_unit_id
    only_court = client.get(url, {"view": "measures", "unit": court, "print": "1"})
    assert codes(only_court) == ["1-1.1", "1-1.2", "1-2.1"]
    assert ("print", "1") not in only_court.context["filter_params"]


def test_a_view_longer_than_paper_takes_says_what_was_left_out(
    client, demo_round, office_clerk, monkeypatch
):
    monkeypatch.setattr("zhenggai.ledger.views.ledger_views.PRINT_ROWS", 3)
    client.force_login(office_clerk)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    printed = client.get(url, {"view": "measures", "print": "1"})
    assert len(codes(printed)) == 3
    assert "共 4 条，打印前 3 条，全部内容请导出 Excel" in printed.content.decode()


def test_the_print_button_sends_the_filters_to_the_print_layout(client, demo_round, office_clerk):
    client.force_login(office_clerk)
    url = reverse("ledger:ledger", args=[demo_round["round"].pk])
    html = client.get(url, {"view": "measures", "overdue": "on"}).content.decode()
    assert f'formaction="{url}"' in html
    assert 'name="print" value="1"' in html
    assert '<input type="hidden" name="overdue" value="on">' in html
