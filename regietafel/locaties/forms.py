"""Forms of the location register. Plain forms: ``services.py`` validates again and writes.

The gemeente choices are passed in: a gemeente user is offered its own gemeente only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from django import forms

from regietafel.core.datum import EERSTE, LAATSTE, Datumveld
from regietafel.locaties.models import LocatieStatus, LocatieType

Keuzes = Sequence[tuple[str, str]]
TEKST = {"class": "utrecht-textbox"}
DATUM_FOUTEN = {"invalid": "Vul een datum in als dd-mm-jjjj."}


def _aantal(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        initial=0,
        error_messages={
            "required": "Vul een aantal in (0 als er geen zijn).",
            "invalid": "Vul een geheel getal in.",
            "min_value": "Vul een aantal van 0 of meer in.",
        },
    )


def _datum(label: str, *, verplicht: bool = False) -> forms.DateField:
    return Datumveld(
        label=label,
        required=verplicht,
        input_formats=["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(format="%d-%m-%Y"),
        error_messages={**DATUM_FOUTEN, "required": "Vul de datum in."},
    )


class LocatieForm(forms.Form):
    gemeente = forms.ChoiceField(
        label="Gemeente", error_messages={"required": "Kies een gemeente."}
    )
    naam = forms.CharField(
        label="Naam", max_length=200, error_messages={"required": "Geef de locatie een naam."}
    )
    type = forms.ChoiceField(label="Type", choices=LocatieType.choices)
    status = forms.ChoiceField(
        label="Status",
        choices=[(s.value, s.label) for s in (LocatieStatus.GEPLAND, LocatieStatus.GEREALISEERD)],
    )
    plaatsen_regulier = _aantal("Plaatsen regulier")
    plaatsen_amv = _aantal("Plaatsen AMV")
    plaatsen_oekraine = _aantal("Plaatsen Oekraïne")
    plaatsen_bijzonder = _aantal("Plaatsen overig (TGO, noodopvang, bijzonder)")
    beschikbaar_van = _datum("Beschikbaar van")
    beschikbaar_tot = _datum("Beschikbaar tot")
    onbepaalde_tijd = forms.BooleanField(label="Contract voor onbepaalde tijd", required=False)
    bijzonderheden = forms.CharField(
        label="Bijzonderheden", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, gemeenten: Keuzes | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["gemeente"]
        assert isinstance(veld, forms.ChoiceField)
        if gemeenten is None:  # editing: the gemeente is fixed
            del self.fields["gemeente"]
        else:
            veld.choices = list(gemeenten)

    def waarden(self) -> dict[str, Any]:
        """The cleaned values for the service (without the gemeente)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "gemeente"}


class BeeindigForm(forms.Form):
    einddatum = _datum("Einddatum", verplicht=True)
    reden = forms.CharField(
        label="Reden",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Geef de reden van de beëindiging."},
    )


MAAND = re.compile(r"^(\d{4})-(\d{2})$")


def lees_maand(tekst: str) -> dt.date | None:
    """ "2025-11" → 1-11-2025; None when it is no month."""
    m = MAAND.match(tekst.strip())
    if not m:
        return None
    jaar, maand = int(m.group(1)), int(m.group(2))
    if not 1 <= maand <= 12 or not EERSTE.year <= jaar <= LAATSTE.year:
        return None
    return dt.date(jaar, maand, 1)
