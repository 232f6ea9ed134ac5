"""What every carry-out form view does with a service's answer."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse

from zhenggai.carryout.files import split_files
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
