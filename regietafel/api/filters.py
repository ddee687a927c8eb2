"""Query filters of the list endpoints: provincie, gemeente, soort, peildatum (and a few more)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.db.models import Q, QuerySet
from django_filters import rest_framework as filters

from regietafel.gemeenten.models import Gemeente
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.monitoring.models import (
    Inzending,
    InzendingStatus,
    NidosStand,
    Realisatie,
    VergunninghoudersStand,
)
from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave, ProvincieOpgave, Soort, Stadium

LEGE_WAARDE = "Geef een waarde, of laat de parameter weg."


class FilterSet(filters.FilterSet):
    """A parameter given without a value (``?peildatum=``) is invalid input (400), not "no
    filter": NL API Design Rules, /core/error-handling/invalid-input."""

    def get_form_class(self) -> Any:
        basis = super().get_form_class()

        def clean(form: Any) -> Any:
            schoon = basis.clean(form)
            for naam in form.fields:
                if naam in form.data and not any(w.strip() for w in form.data.getlist(naam)):
                    form.add_error(naam, LEGE_WAARDE)
            return schoon

        return type(basis.__name__, (basis,), {"clean": clean})


class StrikteJaNee(forms.Field):
    """A boolean parameter: true or false (also 1 or 0); anything else is invalid (400)."""

    WAARDEN = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        if str(value).lower() not in self.WAARDEN:
            raise forms.ValidationError("Geef true of false.", code="invalid")
        return self.WAARDEN[str(value).lower()]


class JaNeeFilter(filters.BooleanFilter):
    field_class = StrikteJaNee

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["widget"] = forms.TextInput  # django-filter's BooleanWidget reads "null" as absent
        super().__init__(*args, **kwargs)


CBS_GEMEENTE = RegexValidator(r"^GM\d{4}$", "Een CBS-code van een gemeente, zoals GM0114.")


def provincie_filter(pad: str) -> filters.CharFilter:
    """``?provincie=`` by name (Drenthe) or CBS code (PV22), ``pad`` leading to the provincie."""

    def filter_provincie(queryset: QuerySet[Any], naam: str, waarde: str) -> QuerySet[Any]:
        return queryset.filter(
            Q(**{f"{pad}__naam__iexact": waarde}) | Q(**{f"{pad}__code__iexact": waarde})
        )

    return filters.CharFilter(
        method=filter_provincie,
        max_length=100,
        label="Provincie: naam (Drenthe) of CBS-code (PV22).",
    )


def gemeente_filter(pad: str = "gemeente") -> filters.CharFilter:
    return filters.CharFilter(
        field_name=f"{pad}__cbs_code",
        validators=[CBS_GEMEENTE],
        label="Gemeente: CBS-code (GM0114).",
    )


def peildatum_in_cyclus(queryset: QuerySet[Any], naam: str, waarde: Any) -> QuerySet[Any]:
    return queryset.filter(cyclus__begin__lte=waarde, cyclus__eind__gte=waarde)


class GemeenteFilter(FilterSet):
    provincie = provincie_filter("provincie")

    class Meta:
        model = Gemeente
        fields: list[str] = []


class CyclusFilter(FilterSet):
    soort = filters.ChoiceFilter(choices=CyclusSoort.choices)
    jaar = filters.NumberFilter(min_value=1900, max_value=2200)
    peildatum = filters.DateFilter(
        method="filter_peildatum", label="Cycli die deze datum omvatten."
    )

    class Meta:
        model = Cyclus
        fields: list[str] = []

    def filter_peildatum(self, queryset: QuerySet[Any], naam: str, waarde: Any) -> QuerySet[Any]:
        return queryset.filter(begin__lte=waarde, eind__gte=waarde)


class OpgaveFilter(FilterSet):
    provincie = provincie_filter("gemeente__provincie")
    gemeente = gemeente_filter()
    soort = filters.ChoiceFilter(choices=Soort.choices)
    stadium = filters.ChoiceFilter(choices=Stadium.choices)
    cyclus = filters.CharFilter(field_name="cyclus__code", max_length=40)
    peildatum = filters.DateFilter(
        method=peildatum_in_cyclus, label="Opgaven van de cycli die deze datum omvatten."
    )

    class Meta:
        model = Opgave
        fields: list[str] = []


class ProvincieOpgaveFilter(FilterSet):
    provincie = provincie_filter("provincie")
    soort = filters.ChoiceFilter(choices=Soort.choices)
    cyclus = filters.CharFilter(field_name="cyclus__code", max_length=40)
    peildatum = filters.DateFilter(
        method=peildatum_in_cyclus, label="Opgaven van de cycli die deze datum omvatten."
    )

    class Meta:
        model = ProvincieOpgave
        fields: list[str] = []


class PeilrecordFilter(FilterSet):
    """Current figures only, unless ``?historie=1``: then superseded ones too (``vervangen_op``)."""

    provincie = provincie_filter("gemeente__provincie")
    gemeente = gemeente_filter()
    peildatum = filters.DateFilter()
    historie = JaNeeFilter(
        method="filter_historie", label="Ook vervangen cijfers (met vervangen_op)."
    )

    def filter_historie(self, queryset: QuerySet[Any], naam: str, waarde: Any) -> QuerySet[Any]:
        return queryset  # applied in filter_queryset, also when absent

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.form.cleaned_data.get("historie"):
            queryset = queryset.filter(vervangen_op__isnull=True)
        return super().filter_queryset(queryset)


class RealisatieFilter(PeilrecordFilter):
    soort = filters.ChoiceFilter(choices=Soort.choices)

    class Meta:
        model = Realisatie
        fields: list[str] = []


class VergunninghoudersStandFilter(PeilrecordFilter):
    jaar = filters.NumberFilter(min_value=1900, max_value=2200)

    class Meta:
        model = VergunninghoudersStand
        fields: list[str] = []


class NidosStandFilter(PeilrecordFilter):
    class Meta:
        model = NidosStand
        fields: list[str] = []


class LocatieFilter(FilterSet):
    provincie = provincie_filter("gemeente__provincie")
    gemeente = gemeente_filter()
    type = filters.ChoiceFilter(choices=LocatieType.choices)
    status = filters.ChoiceFilter(choices=LocatieStatus.choices)
    peildatum = filters.DateFilter(
        method="filter_peildatum", label="Locaties die op deze datum beschikbaar zijn."
    )

    class Meta:
        model = Locatie
        fields: list[str] = []

    def filter_peildatum(self, queryset: QuerySet[Any], naam: str, waarde: Any) -> QuerySet[Any]:
        return queryset.filter(
            Q(beschikbaar_van__isnull=True) | Q(beschikbaar_van__lte=waarde),
            Q(beschikbaar_tot__isnull=True) | Q(beschikbaar_tot__gte=waarde),
        )


class InzendingFilter(FilterSet):
    provincie = provincie_filter("gemeente__provincie")
    gemeente = gemeente_filter()
    peildatum = filters.DateFilter()
    status = filters.ChoiceFilter(choices=InzendingStatus.choices)

    class Meta:
        model = Inzending
        fields: list[str] = []
