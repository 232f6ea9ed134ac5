"""What every carry-out form view does with a service's answer."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse

from zhenggai.carryout.files import split_files
from zhenggai.carryout.services import VERIFIER_REFUSALS
from zhenggai.ledger.views.common import apply_service_errors

REFUSED = "refused"


def performed(form, action) -> bool:
    """Run the service; a refusal is shown on the form, in Chinese, and nothing was saved.
    The form keeps what was typed; refused_status() answers it 403 when policy refused."""
    try:
        action()
    except ValidationError as error:
        if set(error.messages) & VERIFIER_REFUSALS:  # who verifies, not how: a refusal
            form.add_error(None, [ValidationError(m, code=REFUSED) for m in error.messages])
        else:
            apply_service_errors(form, error)
        return False
    except PermissionDenied as refusal:
        form.add_error(None, ValidationError(str(refusal), code=REFUSED))
        return False
    return True


def refused_status(form) -> int:
    """The status of a form shown again: 403 when the service refused the user, as every
    refused page answers, else 200."""
    return 403 if form is not None and form.has_error(NON_FIELD_ERRORS, REFUSED) else 200


def back_to_problem(problem_id: int, measure_id: int | None = None):
    anchor = f"#measure-{measure_id}" if measure_id else ""
    return redirect(reverse("ledger:problem_detail", args=[problem_id]) + anchor)


def good_files(form) -> tuple[list | None, list[str]]:
    """The chosen files that pass, and why the others are refused. One refused file leaves
    the others to be saved; when every chosen file is refused, the form says why and the
    files are None: nothing is saved until the person chooses again."""
    files, refused = split_files(form.cleaned_data["files"])
    if refused and not files:
        form.add_error("files", refused)
        return None, refused
    return files, refused


def say_refused(request, refused: list[str]) -> None:
    if refused:
        messages.error(request, "以下文件未保存，其余已保存：" + "".join(refused))
