"""What every carry-out form view does with a service's answer."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse

from zhenggai.ledger.views.common import apply_service_errors


def performed(form, action) -> bool:
    """Run the service; a refusal is shown on the form, in Chinese, and nothing was saved."""
    try:
        action()
    except ValidationError as error:
        apply_service_errors(form, error)
        return False
    except PermissionDenied as refusal:
        form.add_error(None, str(refusal))
        return False
    return True


def back_to_problem(problem_id: int, measure_id: int | None = None):
    anchor = f"#measure-{measure_id}" if measure_id else ""
    return redirect(reverse("ledger:problem_detail", args=[problem_id]) + anchor)
