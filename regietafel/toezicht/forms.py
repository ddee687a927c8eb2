"""Forms of the toezicht pages (plain POST forms, work without JavaScript)."""

from __future__ import annotations

from django import forms

from regietafel.toezicht.models import DossierStatus, StapSoort, StapStatus
from regietafel.verzoeken.forms import datumveld, notitieveld


class DossierOpenenFormulier(forms.Form):
    gemeente = forms.CharField(widget=forms.HiddenInput, max_length=10)
    geopend_op = datumveld("Geopend op")
    onderwerp = forms.CharField(label="Onderwerp", max_length=300)
    notities = notitieveld()


class DossierFormulier(forms.Form):
    status = forms.ChoiceField(label="Status", choices=DossierStatus.choices)
    onderwerp = forms.CharField(label="Onderwerp", max_length=300)
    notities = notitieveld()


class StapFormulier(forms.Form):
    soort = forms.ChoiceField(label="Stap", choices=StapSoort.choices)
    datum = datumveld("Datum")
    termijn = datumveld(
        "Termijn",
        required=False,
        help_text="Uiterlijk op deze dag afgerond; daarna waarschuwt het dashboard.",
    )
    status = forms.ChoiceField(
        label="Status", choices=StapStatus.choices, initial=StapStatus.LOPEND
    )
    notities = notitieveld()

    def clean(self) -> dict:
        data = super().clean() or {}
        datum, termijn = data.get("datum"), data.get("termijn")
        if datum and termijn and termijn < datum:
            self.add_error("termijn", "De termijn ligt vóór de datum van de stap.")
        return data


class DocumentFormulier(forms.Form):
    bestand = forms.FileField(
        label="Document",
        help_text="PDF, Word, Excel, OpenDocument, tekst, e-mail of afbeelding; ten hoogste 20 MB.",
    )
