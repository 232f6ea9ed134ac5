"""Small pieces every ledger view uses: turning service errors into form errors and
answering htmx requests."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse


def apply_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, field by field where it can."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def htmx_changed(event: str) -> HttpResponse:
    """A change made through htmx: nothing to swap, the parts that listen reload."""
    response = HttpResponse(status=204)
    response["HX-Trigger"] = event
    return response
