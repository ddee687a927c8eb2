"""Forms of the cycle. Plain forms: ``services.py`` validates again and writes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django import forms

from regietafel.aanlevering.opslag import bestandsnaam, naam_fout
from regietafel.cyclus.models import AanbodRegel, AanbodSoort, KansrijkElement
from regietafel.cyclus.services import BIJLAGEN, MAX_BIJLAGE, Bijlage, ElementInvoer
from regietafel.domain.aanbod import ELEMENT_LABEL, Element

DATUM_FOUTEN = {"invalid": "Vul een datum in als dd-mm-jjjj."}
DATUM_FORMATEN = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]


def _datum(label: str, *, verplicht: bool = False, uitleg: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=verplicht,
        help_text=uitleg,
        input_formats=DATUM_FORMATEN,
        widget=forms.DateInput(format="%d-%m-%Y"),
        error_messages={**DATUM_FOUTEN, "required": "Vul de datum in."},
    )


def _aantal(
    label: str, *, verplicht: bool = True, uitleg: str = "", maximum: int | None = None
) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=verplicht,
        min_value=0,
        max_value=maximum,
        help_text=uitleg,
        error_messages={
            "required": "Vul een aantal in.",
            "invalid": "Vul een geheel getal in.",
            "min_value": "Vul een aantal van 0 of meer in.",
            "max_value": f"Vul een aantal van hoogstens {maximum} in.",
        },
    )


class OpzetForm(forms.Form):
    """The set-up of a cyclus: what the minister published, the deadlines and the rules."""

    capaciteitsraming = _aantal(
        "Capaciteitsraming (plaatsen, landelijk)", verplicht=False, maximum=10_000_000
    )
    bestaande_plaatsen = _aantal(
        "Bestaande duurzame plaatsen (landelijk)", verplicht=False, maximum=10_000_000
    )
    publicatie = _datum("Publicatie van de indicatieve verdeling")
    deadline_verslag = _datum("Provinciaal verslag uiterlijk")
    besluit_uiterlijk = _datum(
        "Verdeelbesluit uiterlijk",
        uitleg="Plaatsen moeten binnen de termijn hieronder na deze datum beschikbaar zijn.",
    )
    realisatie_uiterlijk = _datum("Gerealiseerd uiterlijk")
    volgende_raming = _datum(
        "Volgende capaciteitsraming",
        uitleg="Tot deze datum moeten de aangeboden plaatsen beschikbaar blijven.",
    )
    termijn_maanden = _aantal("Beschikbaar binnen (maanden na het verdeelbesluit)", maximum=60)
    alleen_duurzaam = forms.BooleanField(
        label="Alleen duurzame plaatsen tellen mee", required=False
    )
    minimale_jaren = _aantal("Duurzaam: minimaal beschikbaar (jaren)", maximum=30)
    spuk1_per_plek = _aantal(
        "SPUK 1: bedrag per duurzame plek (€)", verplicht=False, maximum=1_000_000
    )
    spuk2_per_plek = _aantal("SPUK 2: bedrag per AMV-plek (€)", verplicht=False, maximum=1_000_000)
    spuk3_drempel_procent = _aantal("SPUK 3: drempel (% van de provinciale opgave)", maximum=100)
    illustratief = forms.BooleanField(
        label="Illustratief: de cijfers zijn afgeleid, niet die van de minister", required=False
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RegelForm(forms.Form):
    """One line of an aanbod with its four kansrijk elements (a note and/or an attachment)."""

    naam = forms.CharField(
        label="Naam van de locatie of het plan",
        max_length=200,
        error_messages={"required": "Geef de locatie of het plan een naam."},
    )
    soort = forms.ChoiceField(label="Soort", choices=AanbodSoort.choices)
    plaatsen = _aantal("Plaatsen", maximum=100_000)
    beschikbaar_van = _datum(
        "Beschikbaar van", uitleg="Leeg: de plaatsen zijn er al (of vanaf het begin van de cyclus)."
    )
    beschikbaar_tot = _datum("Beschikbaar tot", uitleg="Leeg: geen einddatum.")
    toelichting = forms.CharField(
        label="Bijzonderheden", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, regel: AanbodRegel | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bestaand: dict[Element, KansrijkElement] = (
            {Element(e.element): e for e in regel.elementen.all()} if regel else {}
        )
        for element in Element:
            self.fields[f"{element.value}_toelichting"] = forms.CharField(
                label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"{element.value}_bijlage"] = forms.FileField(
                label="Bijlage", required=False
            )
            if element in self.bestaand and self.bestaand[element].bestandsnaam:
                self.fields[f"{element.value}_weg"] = forms.BooleanField(
                    label=f"Bijlage {self.bestaand[element].bestandsnaam} verwijderen",
                    required=False,
                )
            if element in self.bestaand and not self.is_bound:
                self.initial[f"{element.value}_toelichting"] = self.bestaand[element].toelichting

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("beschikbaar_van"), gegevens.get("beschikbaar_tot")
        if van and tot and tot < van:
            self.add_error("beschikbaar_tot", "Deze datum ligt vóór ‘beschikbaar van’.")
        for element in Element:
            bestand = gegevens.get(f"{element.value}_bijlage")
            if bestand is None:
                continue
            naam = Path(bestand.name or "").name
            ext = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
            if ext not in BIJLAGEN.extensies:
                self.add_error(
                    f"{element.value}_bijlage",
                    "Kies een PDF-, Word-, Excel-, OpenDocument-, tekst-, PNG-, JPG- of "
                    "e-mailbestand (.eml).",
                )
            elif bestand.size > MAX_BIJLAGE:
                self.add_error(f"{element.value}_bijlage", "De bijlage is groter dan 20 MB.")
        return gegevens

    def elementen(self) -> dict[Element, ElementInvoer]:
        uit = {}
        for element in Element:
            bestand = self.cleaned_data.get(f"{element.value}_bijlage")
            uit[element] = ElementInvoer(
                toelichting=self.cleaned_data.get(f"{element.value}_toelichting", ""),
                bijlage=Bijlage(Path(bestand.name).name, bestand.read()) if bestand else None,
                bijlage_houden=not self.cleaned_data.get(f"{element.value}_weg", False),
            )
        return uit

    def waarden(self) -> dict[str, Any]:
        return {
            k: self.cleaned_data[k]
            for k in (
                "naam",
                "soort",
                "plaatsen",
                "beschikbaar_van",
                "beschikbaar_tot",
                "toelichting",
            )
        }

    @property
    def element_velden(self) -> list[tuple[str, str, Any, Any, Any, KansrijkElement | None]]:
        """(value, label, note field, file field, remove field, stored element) per element."""
        return [
            (
                e.value,
                ELEMENT_LABEL[e],
                self[f"{e.value}_toelichting"],
                self[f"{e.value}_bijlage"],
                self[f"{e.value}_weg"] if f"{e.value}_weg" in self.fields else None,
                self.bestaand.get(e),
            )
            for e in Element
        ]


class LocatieKeuzeForm(forms.Form):
    locatie = forms.ChoiceField(
        label="Locatie uit het register", error_messages={"required": "Kies een locatie."}
    )

    def __init__(self, *args: Any, locaties: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["locatie"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = list(locaties)


class IndienenForm(forms.Form):
    toelichting = forms.CharField(
        label="Toelichting bij het aanbod",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als de gemeente niets aanbiedt.",
    )


class TerugsturenForm(forms.Form):
    opmerking = forms.CharField(
        label="Opmerking voor de gemeente",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf op wat de gemeente moet verbeteren."},
    )


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand (.xlsx of .csv)", error_messages={"required": "Kies een bestand."}
    )

    def clean_bestand(self) -> Any:
        bestand = self.cleaned_data["bestand"]
        if fout := naam_fout(bestandsnaam(bestand.name or "")):
            raise forms.ValidationError(fout)
        if bestand.size > 20 * 1024 * 1024:
            raise forms.ValidationError("Het bestand is groter dan 20 MB.")
        return bestand


class VerdeelbesluitForm(UploadForm):
    geldig_vanaf = _datum(
        "Geldig vanaf",
        uitleg="De dag waarop het verdeelbesluit ingaat; leeg: vandaag.",
    )


class BevestigForm(forms.Form):
    """What the preview sends back: the file by its checksum only; the rest stays with the
    user's session (``views._onthoud``)."""

    checksum = forms.RegexField(regex=r"^[0-9a-f]{64}$")
