"""Forms of the Inzendingen pages. Rendered field by field in the templates (labels, errors
linked with aria-describedby); they work without JavaScript."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms

from regietafel.core import opmaak
from regietafel.monitoring.services import INZENDING_SOORTEN
from regietafel.opgaven.models import Soort

SOORT_LABELS = {
    Soort.OEKRAINE: "Opvang Oekraïense ontheemden (plaatsen)",
    Soort.REGULIER: "Asielopvang regulier (plaatsen)",
    Soort.AMV: "Asielopvang AMV (plaatsen)",
}


class InzendingFormulier(forms.Form):
    gemeente = forms.CharField(widget=forms.HiddenInput, max_length=10)
    peildatum = forms.TypedChoiceField(label="Peildatum", coerce=dt.date.fromisoformat)
    oekraine = forms.IntegerField(label=SOORT_LABELS[Soort.OEKRAINE], min_value=0, required=False)
    regulier = forms.IntegerField(label=SOORT_LABELS[Soort.REGULIER], min_value=0, required=False)
    amv = forms.IntegerField(label=SOORT_LABELS[Soort.AMV], min_value=0, required=False)
    toelichting = forms.CharField(
        label="Toelichting (optioneel)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, peildata: Sequence[dt.date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["peildatum"]
        assert isinstance(veld, forms.TypedChoiceField)
        veld.choices = [(d.isoformat(), opmaak.datum(d)) for d in peildata]

    def aantallen(self) -> dict[str, int]:
        return {
            s: self.cleaned_data[s]
            for s in INZENDING_SOORTEN
            if self.cleaned_data.get(s) is not None
        }

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if not self.errors and all(gegevens.get(s) is None for s in INZENDING_SOORTEN):
            raise forms.ValidationError("Vul voor ten minste één soort een aantal in.")
        return gegevens


class TerugsturenFormulier(forms.Form):
    opmerking = forms.CharField(
        label="Opmerking voor de gemeente",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Schrijf op wat de gemeente moet verbeteren."},
    )
