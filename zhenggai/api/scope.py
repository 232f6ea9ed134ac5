"""Lists of units and persons in a user's scope. policy.py has the single-object rule
(get_unit_for, get_person_for); these are the same rule as querysets, for the list endpoints,
and belong next to it in policy.py (tests/api/test_units.py checks the two agree)."""

from zhenggai.ledger import policy
from zhenggai.ledger.models import Person, Unit


def units_visible_to(user):
    actor = policy.actor_of(user)
    if actor.is_superuser or actor.is_office:
        return Unit.objects.all()
    if actor.unit_path:
        return Unit.objects.filter(path__startswith=actor.unit_path)
    return Unit.objects.none()


def persons_visible_to(user):
    return Person.objects.filter(unit__in=units_visible_to(user))
