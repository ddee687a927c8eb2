"""Query filters of the list endpoints: provincie, gemeente, soort, peildatum (and a few more)."""

from __future__ import annotations

from typing import Any

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


class GemeenteFilter(filters.FilterSet):
    provincie = provincie_filter("provincie")

    class Meta:
        model = Gemeente
        fields: list[str] = []


class CyclusFilter(filters.FilterSet):
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


class OpgaveFilter(filters.FilterSet):
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


class ProvincieOpgaveFilter(filters.FilterSet):
    provincie = provincie_filter("provincie")
    soort = filters.ChoiceFilter(choices=Soort.choices)
    cyclus = filters.CharFilter(field_name="cyclus__code", max_length=40)
    peildatum = filters.DateFilter(
        method=peildatum_in_cyclus, label="Opgaven van de cycli die deze datum omvatten."
    )

    class Meta:
        model = ProvincieOpgave
        fields: list[str] = []


class PeilrecordFilter(filters.FilterSet):
    """Current figures only, unless ``?historie=1``: then superseded ones too (``vervangen_op``)."""

    provincie = provincie_filter("gemeente__provincie")
    gemeente = gemeente_filter()
    peildatum = filters.DateFilter()
    historie = filters.BooleanFilter(
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


class LocatieFilter(filters.FilterSet):
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


class InzendingFilter(filters.FilterSet):
    provincie = provincie_filter("gemeente__provincie")
    gemeente = gemeente_filter()
    peildatum = filters.DateFilter()
    status = filters.ChoiceFilter(choices=InzendingStatus.choices)

    class Meta:
        model = Inzending
        fields: list[str] = []
