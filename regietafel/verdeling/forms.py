"""Forms of the verdeling workbench. Plain forms: the services do the writing.

Gemeente choices are passed in (from the scenario's rows already loaded), so a formset with
many rows runs no query per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.forms import formset_factory

from regietafel.verdeling.services import GEMEENTE_VELDEN, GroepLid, UitruilRegel

Keuzes = Sequence[tuple[str, str]]


def _aantal(label: str, *, verplicht: bool = True, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        required=verplicht,
        help_text=help_text,
        widget=forms.NumberInput(
            attrs={"class": "utrecht-textbox utrecht-textbox--numeric", "inputmode": "numeric"}
        ),
        error_messages={
            "required": "Vul een aantal in.",
            "invalid": "Vul een geheel getal in.",
            "min_value": "Vul een aantal van 0 of meer in.",
        },
    )


class NieuwScenarioForm(forms.Form):
    cyclus = forms.ChoiceField(
        label="Cyclus", widget=forms.Select(attrs={"class": "utrecht-select"})
    )
    naam = forms.CharField(
        label="Naam van het scenario",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox"}),
        error_messages={"required": "Geef het scenario een naam."},
    )

    def __init__(self, *args: Any, cycli: Keuzes, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["cyclus"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = list(cycli)


class ScenarioForm(forms.Form):
    naam = forms.CharField(
        label="Naam",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox"}),
        error_messages={"required": "Geef het scenario een naam."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 4}),
    )
    opgave_regulier = _aantal("Provinciale opgave regulier")
    opgave_amv = _aantal("Provinciale opgave amv")
    oekraine_totaal = _aantal(
        "Oekraïne-totaal voor de vergelijking",
        verplicht=False,
        help_text="Leeg: de uitsluitingsgrond ‘bijdrage Oekraïne’ wordt niet toegepast.",
    )


class GemeenteForm(forms.Form):
    """One row of the gemeenten table: the numbers a user may change."""

    gemeente = forms.IntegerField(widget=forms.HiddenInput)
    verslag_regulier = _aantal("Verslag regulier")
    verslag_amv = _aantal("Verslag amv")
    kansrijk_regulier = _aantal("Kansrijk regulier")
    kansrijk_amv = _aantal("Kansrijk amv")
    historisch_gemiddelde = _aantal("Historisch gemiddelde")
    oekraine_plaatsen = _aantal("Oekraïne-plaatsen")


GemeenteFormSet = formset_factory(GemeenteForm, extra=0, absolute_max=1000, max_num=1000)


class _GemeenteKeuzeForm(forms.Form):
    def __init__(self, *args: Any, gemeenten: Keuzes = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            if isinstance(veld, forms.ChoiceField):
                veld.choices = [("", "— kies een gemeente —"), *gemeenten]


class UitruilForm(_GemeenteKeuzeForm):
    van = forms.ChoiceField(
        label="Gemeente die realiseert",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"required": "Kies de gemeente die de plaatsen realiseert."},
    )
    voor = forms.ChoiceField(
        label="Voor gemeente",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"required": "Kies de gemeente voor wie ze worden gerealiseerd."},
    )
    regulier = _aantal("Reguliere plaatsen")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("van") and data.get("van") == data.get("voor"):
            self.add_error("voor", "Een gemeente kan niet met zichzelf uitruilen.")
        return data


class GroepForm(_GemeenteKeuzeForm):
    groep = forms.CharField(
        label="Groep",
        max_length=50,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "size": 8}),
        error_messages={"required": "Geef de groep een naam, bijvoorbeeld A."},
    )
    gemeente = forms.ChoiceField(
        label="Gemeente",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"required": "Kies een gemeente."},
    )


UitruilFormSet = formset_factory(
    UitruilForm, extra=2, can_delete=True, max_num=500, absolute_max=500
)
GroepFormSet = formset_factory(GroepForm, extra=2, can_delete=True, max_num=500, absolute_max=500)


def _ingevuld(formset: Any) -> list[dict[str, Any]]:
    """The cleaned rows that are filled in and not marked for deletion."""
    return [
        f.cleaned_data
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE", False)
    ]


def uitruil_regels(formset: Any) -> list[UitruilRegel]:
    return [(int(d["van"]), int(d["voor"]), int(d["regulier"])) for d in _ingevuld(formset)]


def groep_leden(formset: Any) -> list[GroepLid]:
    return [(str(d["groep"]), int(d["gemeente"])) for d in _ingevuld(formset)]


def gemeente_waarden(formset: Any) -> dict[int, dict[str, int]]:
    return {
        int(d["gemeente"]): {veld: int(d[veld]) for veld in GEMEENTE_VELDEN}
        for d in _ingevuld(formset)
    }
