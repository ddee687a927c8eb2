"""The POST half of a form page, the same on every page: a valid form goes to its service; a
refusal of the service (``ValidationError``) lands on the form; success is a message and a
redirect. The view renders the page again (with the form and its errors) when this answers
None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse

T = TypeVar("T")


def fouten_op_formulier(form: BaseForm, fout: ValidationError, *, veld: str | None = None) -> None:
    """A service's ``ValidationError`` on ``form``: an error of a field the form has on that
    field, the rest on ``veld`` (None: above the form)."""
    if hasattr(fout, "error_dict"):
        for naam, lijst in fout.message_dict.items():
            form.add_error(naam if naam in form.fields else veld, lijst)
    else:
        form.add_error(veld, fout.messages)


def bewaar_formulier(
    request: HttpRequest,
    form: BaseForm,
    bewaar: Callable[[dict[str, Any]], T],
    *,
    melding: str | Callable[[T], str],
    naar: Callable[[T], HttpResponse],
    veld: str | None = None,
) -> HttpResponse | None:
    """``bewaar(form.cleaned_data)`` when ``form`` is valid, then ``melding`` and the answer of
    ``naar``; None when the form or the service refused (the errors are on the form)."""
    if not form.is_valid():
        return None
    try:
        uitkomst = bewaar(form.cleaned_data)
    except ValidationError as fout:
        fouten_op_formulier(form, fout, veld=veld)
        return None
    messages.success(request, melding(uitkomst) if callable(melding) else melding)
    return naar(uitkomst)
