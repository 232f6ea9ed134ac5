"""What a document's words point to in the database: unit names, a lead leader's name, a
category title. A proposal only; the person fixes it on the review page."""

from zhenggai.ledger.models import InspectionRound
from zhenggai.ledger.policy import persons_of_round, units_of_round
from zhenggai.reader import simplified


def _same(text: str) -> str:
    return simplified(text).strip().replace(" ", "")


class RoundMatcher:
    """Loads the units, leaders and the round's categories once for a whole draft."""

    def __init__(self, round_: InspectionRound):
        self.round = round_
        # Names are matched within the round's organization only.
        self.units = list(units_of_round(round_).values_list("pk", "name"))
        leaders = persons_of_round(round_).filter(is_leader=True)
        self.leaders = list(leaders.values_list("pk", "name"))
        self.categories = list(round_.categories.values_list("pk", "title"))

    def unit_for(self, name: str) -> int | None:
        """The unit of that name; else the only unit whose name contains it or is contained in
        it (法院 → 临江市中级人民法院 when no other unit is a 法院). Ambiguity is no match."""
        wanted = _same(name)
        if not wanted:
            return None
        exact = [pk for pk, unit in self.units if _same(unit) == wanted]
        if exact:
            return exact[0]
        near = [pk for pk, unit in self.units if wanted in _same(unit) or _same(unit) in wanted]
        return near[0] if len(near) == 1 else None

    def leader_for(self, text: str) -> int | None:
        """The leader whose name appears in the text (王某某, 市委副书记王某某); the longest
        name where several do."""
        wanted = _same(text)
        found = [(len(name), pk) for pk, name in self.leaders if name and _same(name) in wanted]
        return max(found)[1] if wanted and found else None

    def category_for(self, title: str) -> int | None:
        wanted = _same(title)
        return next((pk for pk, own in self.categories if _same(own) == wanted), None)
