from __future__ import annotations

from typing import Any

from django import forms

from regietafel.aanlevering.lezen.tabel import MAX_BYTES
from regietafel.aanlevering.models import AanleverSoort
from regietafel.aanlevering.opslag import bestandsnaam, naam_fout

SOORT_UITLEG = {
    AanleverSoort.COA: "Het maandelijkse overzicht van het COA, in de vorm die het COA verstuurt.",
    AanleverSoort.NIDOS: "De factsheet van Nidos: gemeente, gerealiseerd, taakstelling resterend, "
    "totaal taakstelling. Geef de datum van de factsheet op.",
    AanleverSoort.REALISATIE: "Eén rij per gemeente, soort (oekraine, regulier of amv) en "
    "peildatum, met de realisatie.",
}


UPLOAD_SOORTEN = [(s.value, s.label) for s in AanleverSoort if s in SOORT_UITLEG]
"""The kinds this page takes; the minister's numbers of a cyclus have their own pages."""


def _nidos(soort: Any) -> bool:
    return soort == AanleverSoort.NIDOS


class UploadFormulier(forms.Form):
    soort = forms.ChoiceField(
        label="Wat levert u aan?", choices=UPLOAD_SOORTEN, widget=forms.RadioSelect
    )
    bestand = forms.FileField(label="Bestand (.xlsx of .csv)")
    peildatum = forms.DateField(label="Datum van de Nidos-factsheet", required=False)

    def clean_bestand(self) -> Any:
        bestand = self.cleaned_data["bestand"]
        if fout := naam_fout(bestandsnaam(bestand.name or "")):
            raise forms.ValidationError(fout)
        if bestand.size > MAX_BYTES:
            raise forms.ValidationError(
                f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB."
            )
        return bestand

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if _nidos(gegevens.get("soort")) and not gegevens.get("peildatum"):
            self.add_error("peildatum", "Geef de datum van de Nidos-factsheet op.")
        return gegevens


class BevestigFormulier(forms.Form):
    """What the preview page sends back: the file by its checksum, never a path or a name.

    Its kind, file name, extension and peildatum are those of the upload, kept on the server
    with the user's session (``views._onthoud``), not fields the client could change."""

    checksum = forms.RegexField(regex=r"^[0-9a-f]{64}$")
