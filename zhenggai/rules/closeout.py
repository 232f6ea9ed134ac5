"""When a passing verification may close a measure or a problem (销号).

The seed document's confession was that progress was known only from briefings. So a
close-out needs a verification that did more than listen to a briefing, done by someone from
outside the units that did the work, and, where the round demands it, on site for key problems.
Unit paths are the materialized paths of zhenggai.ledger.models.Unit ("000001/000007/"):
a unit is within another when its path starts with the other's."""

from collections.abc import Iterable

BRIEFING = "briefing"
ON_SITE = "on_site"

NO_METHOD = "请至少选择一种核查方式。"
BRIEFING_ONLY = "仅听取汇报不能作为销号依据，请至少采用查阅资料、实地核查等一种其他方式。"
SAME_UNIT = (
    "核查人所在单位是该事项的责任单位（或其下级单位），不能自己核查自己的整改，"
    "请由本轮核查组或整改办等其他单位核查。"
)
REPORTED_IT = (
    "您报送了该措施最近一次进展，不能再由您核查销号：报送和核查须由不同的人完成，"
    "请由核查组或整改办的其他同志核查。"
)
REPORTS_FOR = (
    "您是该措施责任单位（或其上级单位）的填报人，不能核查本单位的整改，即使是核查组成员；"
    "请由核查组其他成员或整改办核查。"
)
NO_UNIT = "您的账号没有所在单位，也不是本轮核查组成员，不能核查销号。"
ONSITE_REQUIRED = "本轮要求重点问题必须经过实地核查才能销号，请在核查方式中包含“实地核查”。"


def belongs_to(unit_path: str | None, responsible_unit_paths: Iterable[str]) -> bool:
    """Whether the unit is one of the responsible units or below one of them."""
    return unit_path is not None and any(
        unit_path.startswith(path) for path in responsible_unit_paths if path
    )


def verifier_refusal(
    verifier_unit_path: str | None,
    responsible_unit_paths: Iterable[str],
    *,
    in_group: bool = False,
    reported_latest: bool = False,
    reports_for: Iterable[str] = (),
) -> str | None:
    """Why this person may not close the item, whatever the methods, or None when it may.
    Whoever reported the latest progress never verifies it, nor does whoever reports for a
    responsible unit (`reports_for`: the trees it is a reporter for). A member of the round's
    verification group (核查组) may otherwise verify any unit's item, the committee's own
    included, wherever it sits; anyone else must sit outside the responsible units, and so
    must have a unit."""
    responsible_unit_paths = list(responsible_unit_paths)
    if reported_latest:
        return REPORTED_IT
    if any(belongs_to(path, reports_for) for path in responsible_unit_paths):
        return REPORTS_FOR
    if in_group:
        return None
    if verifier_unit_path is None:
        return NO_UNIT
    if belongs_to(verifier_unit_path, responsible_unit_paths):
        return SAME_UNIT
    return None


def closeout_refusal(
    methods: Iterable[str],
    verifier_unit_path: str | None,
    responsible_unit_paths: Iterable[str],
    is_key: bool,
    onsite_required: bool,
    *,
    in_group: bool = False,
    reported_latest: bool = False,
    reports_for: Iterable[str] = (),
) -> str | None:
    """The reason a passing verification cannot close the item, or None when it can."""
    methods = set(methods)
    if not methods:
        return NO_METHOD
    if methods == {BRIEFING}:
        return BRIEFING_ONLY
    refusal = verifier_refusal(
        verifier_unit_path,
        responsible_unit_paths,
        in_group=in_group,
        reported_latest=reported_latest,
        reports_for=reports_for,
    )
    if refusal:
        return refusal
    if is_key and onsite_required and ON_SITE not in methods:
        return ONSITE_REQUIRED
    return None
