"""Forms of the verdeling workbench. Plain forms: the services do the writing.

Gemeente choices are passed in (from the scenario's rows already loaded), so a formset with
many rows runs no query per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms import formset_factory

from regietafel.verdeling.models import Scenario, ScenarioGemeente
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


def _beginwaarden(scenario: Scenario, rijen: Sequence[ScenarioGemeente]) -> dict[str, Any]:
    """The scenario as it stands, as the initial data of the page's four forms."""
    return {
        "scenario": {
            "naam": scenario.naam,
            "toelichting": scenario.toelichting,
            "opgave_regulier": scenario.opgave_regulier,
            "opgave_amv": scenario.opgave_amv,
            "oekraine_totaal": scenario.oekraine_totaal,
        },
        "gemeenten": [
            {"gemeente": r.gemeente_id, **{veld: getattr(r, veld) for veld in GEMEENTE_VELDEN}}
            for r in rijen
        ],
        "uitruil": [
            {"van": str(u.van_id), "voor": str(u.voor_id), "regulier": u.regulier}
            for u in scenario.uitruil.all()
        ],
        "groepen": [
            {"groep": lid.groep, "gemeente": str(lid.gemeente_id)}
            for lid in scenario.uitruil_groepen.all()
        ],
    }


@dataclass(frozen=True)
class ScenarioFormulieren:
    """The four forms of the scenario page: its fields, the gemeente rows, the uitruil
    agreements and the uitruil groups. Unbound they show the scenario as it stands."""

    scenario: ScenarioForm
    gemeenten: Any
    uitruil: Any
    groepen: Any
    rijen: Sequence[ScenarioGemeente]

    def is_valid(self) -> bool:
        """All four valid (each is validated, so each shows its errors)."""
        geldig = [f.is_valid() for f in (self.scenario, self.gemeenten, self.uitruil, self.groepen)]
        return all(geldig)

    def invoer(self) -> dict[str, Any]:
        """The cleaned input as the keyword arguments of ``wijzig_scenario``."""
        return {
            "velden": self.scenario.cleaned_data,
            "gemeenten": gemeente_waarden(self.gemeenten),
            "uitruil": uitruil_regels(self.uitruil),
            "groepen": groep_leden(self.groepen),
        }

    def fouten(self, algemeen: Sequence[str]) -> list[tuple[str, str]]:
        """(anchor, message) for every error on the page, for the summary at the top."""
        rijen = self.rijen
        formsets: list[tuple[Any, Callable[[int], str]]] = [
            (
                self.gemeenten,
                lambda i: rijen[i].gemeente.naam if i < len(rijen) else f"rij {i + 1}",
            ),
            (self.uitruil, lambda i: f"Uitruilafspraak {i + 1}"),
            (self.groepen, lambda i: f"Uitruilgroep, regel {i + 1}"),
        ]
        fouten = [("invoer-kop", tekst) for tekst in algemeen]
        for veld in self.scenario:
            fouten += [(veld.auto_id, f"{veld.label}: {tekst}") for tekst in veld.errors]
        fouten += [("invoer-kop", str(tekst)) for tekst in self.scenario.non_field_errors()]
        for formset, omschrijving in formsets:
            fouten += [("invoer-kop", str(tekst)) for tekst in formset.non_form_errors()]
            for i, form in enumerate(formset.forms):
                for veld in form:
                    fouten += [
                        (veld.auto_id, f"{omschrijving(i)}, {str(veld.label).lower()}: {tekst}")
                        for tekst in veld.errors
                    ]
                fouten += [
                    (form.prefix, f"{omschrijving(i)}: {t}") for t in form.non_field_errors()
                ]
        return fouten


def scenario_formulieren(
    scenario: Scenario, rijen: Sequence[ScenarioGemeente], data: Any = None
) -> ScenarioFormulieren:
    """The page's forms, bound to ``data`` (a POST) or, without it, filled from the scenario.
    The gemeente choices come from ``rijen``, already loaded: no query per row."""
    initieel = _beginwaarden(scenario, rijen)
    keuzes = [(str(r.gemeente_id), r.gemeente.naam) for r in rijen]
    return ScenarioFormulieren(
        scenario=ScenarioForm(data, initial=initieel["scenario"]),
        gemeenten=GemeenteFormSet(data, initial=initieel["gemeenten"], prefix="gemeenten"),
        uitruil=UitruilFormSet(
            data, initial=initieel["uitruil"], prefix="uitruil", form_kwargs={"gemeenten": keuzes}
        ),
        groepen=GroepFormSet(
            data, initial=initieel["groepen"], prefix="groepen", form_kwargs={"gemeenten": keuzes}
        ),
        rijen=rijen,
    )
