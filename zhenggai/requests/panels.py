"""What requests add to each measure's card on the problem page (registered in apps.py): the
open extension or change request, and the buttons to ask, decide or withdraw. Two queries
for the whole page."""

from dataclasses import dataclass

from zhenggai.ledger.panels import measure_panel
from zhenggai.requests import policy
from zhenggai.requests.models import ChangeRequest, ExtensionRequest

Status = ExtensionRequest.Status


@dataclass
class MeasureRequests:
    extension: ExtensionRequest | None
    change: ChangeRequest | None
    can_extend: bool
    can_change: bool
    decides: bool


def _open(model, ids):
    rows = model.objects.filter(measure__in=ids, status=Status.PENDING).select_related(
        "asked_by__person"
    )
    return {row.measure_id: row for row in rows}


def attach(user, measures) -> None:
    ids = [measure.pk for measure in measures]
    extensions = _open(ExtensionRequest, ids) if ids else {}
    changes = _open(ChangeRequest, ids) if ids else {}
    for measure in measures:
        extension, change = extensions.get(measure.pk), changes.get(measure.pk)
        measure.requests = MeasureRequests(
            extension=extension,
            change=change,
            can_extend=extension is None and policy.can_ask_extension(user, measure)[0],
            can_change=change is None and policy.can_ask_change(user, measure)[0],
            decides=policy.decides_for(user, measure.round),
        )


@measure_panel("requests/_measure_panel.html")
def prepare_measures(request, measures) -> None:
    attach(request.user, measures)
