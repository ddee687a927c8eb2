"""Plain forms of the Woo pages (they work without JavaScript)."""

from __future__ import annotations

from typing import Any

from django import forms

from regietafel.core import opmaak
from regietafel.woo.gronden import KEUZES
from regietafel.woo.tekst import MAX_BYTES, SOORTEN


def _tekstvak(**attrs: Any) -> forms.TextInput:
    return forms.TextInput(attrs={"class": "utrecht-textbox", **attrs})


def _datum() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d")


def _keuze(**attrs: Any) -> forms.Select:
    return forms.Select(attrs={"class": "utrecht-select", **attrs})


class BesluitForm(forms.Form):
    titel = forms.CharField(
        label="Titel",
        max_length=300,
        help_text="Staat ongelakt in de PDF en de inventarislijst: geen namen of andere "
        "persoonsgegevens.",
        widget=_tekstvak(**{"aria-describedby": "id_titel-uitleg"}),
        error_messages={"required": "Geef het besluit een titel."},
    )
    datum = forms.DateField(
        label="Datum",
        widget=_datum(),
        error_messages={"required": "Vul de datum in.", "invalid": "Vul een datum in."},
    )
    kenmerk = forms.CharField(
        label="Kenmerk",
        max_length=100,
        widget=_tekstvak(),
        error_messages={"required": "Vul het kenmerk in."},
    )


class DocumentForm(forms.Form):
    """One document: an uploaded file, a pasted text, or the Stand van zaken at a peildatum."""

    BRONNEN = [
        ("upload", "Een bestand (.txt, .docx of .pdf)"),
        ("tekst", "Een tekst (plakken)"),
        ("stand", "De Stand van zaken op een peildatum (gegenereerd)"),
    ]
    bron = forms.ChoiceField(
        label="Wat voegt u toe?",
        choices=BRONNEN,
        initial="upload",
        widget=forms.RadioSelect(
            attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}
        ),
    )
    titel = forms.CharField(
        label="Titel",
        max_length=300,
        required=False,
        help_text=(
            "De titel staat ongelakt in de gepubliceerde PDF en de inventarislijst: geen namen "
            "of andere persoonsgegevens. Verplicht bij een bestand of tekst (de bestandsnaam "
            "wordt nooit gebruikt); leeg bij de Stand van zaken: 'Stand van zaken <peildatum>'."
        ),
        widget=_tekstvak(**{"aria-describedby": "id_titel-uitleg"}),
    )
    datum = forms.DateField(
        label="Datum van het document",
        required=False,
        widget=_datum(),
        error_messages={"invalid": "Vul een datum in."},
    )
    bestand = forms.FileField(
        label="Bestand",
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(SOORTEN), "class": "utrecht-textbox"}
        ),
    )
    tekst = forms.CharField(
        label="Tekst",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 6}),
    )
    peildatum = forms.TypedChoiceField(
        label="Peildatum van de Stand van zaken", required=False, choices=[], widget=_keuze()
    )

    def __init__(self, *args: Any, peildata: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["peildatum"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = [(d.isoformat(), opmaak.datum(d)) for d in peildata]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        bron = data.get("bron")
        if bron in ("upload", "tekst") and not (data.get("titel") or "").strip():
            self.add_error(
                "titel",
                "Geef het document een titel zonder persoonsgegevens; de bestandsnaam wordt "
                "niet gebruikt.",
            )
        if bron == "upload":
            bestand = data.get("bestand")
            if not bestand:
                self.add_error("bestand", "Kies een bestand.")
            elif bestand.size > MAX_BYTES:
                self.add_error("bestand", "Het bestand is groter dan 20 MB.")
        elif bron == "tekst" and not (data.get("tekst") or "").strip():
            self.add_error("tekst", "Plak de tekst van het document.")
        elif bron == "stand" and not data.get("peildatum"):
            self.add_error("peildatum", "Kies een peildatum.")
        return data


class TitelForm(forms.Form):
    titel = forms.CharField(
        label="Titel",
        max_length=300,
        help_text="Staat ongelakt in de PDF (kop, voettekst, metadata) en de inventarislijst.",
        widget=_tekstvak(**{"aria-describedby": "id_titel-uitleg"}),
        error_messages={"required": "Vul de titel in."},
    )


class EigenLakForm(forms.Form):
    fragment = forms.CharField(
        label="Tekst om te lakken",
        max_length=1000,
        help_text="Kopieer het stuk tekst uit het document; elke vindplaats wordt gelakt.",
        widget=_tekstvak(**{"aria-describedby": "id_fragment-uitleg"}),
        error_messages={"required": "Vul de tekst in die gelakt moet worden."},
    )
    grond = forms.ChoiceField(label="Grond", choices=KEUZES, initial="J", widget=_keuze())
    alle = forms.BooleanField(
        label="Alle vindplaatsen lakken",
        required=False,
        initial=True,
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )


class WeigerForm(forms.Form):
    weigergrond = forms.ChoiceField(
        label="Het hele document weigeren op grond van",
        choices=[("", "— niet: (deels) openbaar —"), *KEUZES],
        required=False,
        widget=_keuze(),
    )
