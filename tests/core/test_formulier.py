"""core.formulier: the POST half every form page shares (a valid form to its service; the
service's refusal on the form; success a message and a redirect)."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.test import RequestFactory

from regietafel.core.formulier import bewaar_formulier, fouten_op_formulier


class Formulier(forms.Form):
    naam = forms.CharField()
    bestand = forms.CharField(required=False)


def _verzoek() -> HttpRequest:
    request = RequestFactory().post("/", {"naam": "Assen"})
    request.session = {}  # type: ignore[attr-defined]
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


def test_a_field_error_lands_on_its_field_the_rest_above_the_form_or_on_veld() -> None:
    form = Formulier({"naam": "x"})
    assert form.is_valid()
    fouten_op_formulier(form, ValidationError({"naam": "Bestaat al.", "onbekend": "Niet hier."}))
    assert form.errors == {"naam": ["Bestaat al."], "__all__": ["Niet hier."]}
    form = Formulier({"naam": "x"})
    assert form.is_valid()
    fouten_op_formulier(form, ValidationError("Te groot."), veld="bestand")
    assert form.errors == {"bestand": ["Te groot."]}


def test_a_saved_form_says_so_and_redirects() -> None:
    request = _verzoek()
    gezien: list[dict[str, Any]] = []

    def bewaar(d: dict[str, Any]) -> str:
        gezien.append(d)
        return d["naam"]

    antwoord = bewaar_formulier(
        request,
        Formulier(request.POST),
        bewaar,
        melding=lambda naam: f"{naam} opgeslagen.",
        naar=lambda naam: HttpResponseRedirect(f"/{naam}/"),
    )
    assert isinstance(antwoord, HttpResponse) and antwoord["Location"] == "/Assen/"
    assert gezien == [{"naam": "Assen", "bestand": ""}]
    assert [str(m) for m in get_messages(request)] == ["Assen opgeslagen."]


@pytest.mark.parametrize("geldig", [True, False])
def test_a_refused_form_answers_none_with_the_errors_on_the_form(geldig: bool) -> None:
    request = _verzoek()
    form = Formulier(request.POST if geldig else {})

    def weiger(_: dict[str, Any]) -> None:
        raise ValidationError({"naam": "Er is al een gemeente met deze naam."})

    antwoord = bewaar_formulier(
        request, form, weiger, melding="opgeslagen", naar=lambda _: HttpResponse()
    )
    assert antwoord is None
    assert "naam" in form.errors
    assert list(get_messages(request)) == []
