"""What the API shows of each entity, and what it accepts for a write."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regietafel.api import velden
from regietafel.domain.statushouders import stand_vergunninghouders
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.locaties.models import Locatie
from regietafel.monitoring.models import (
    Inzending,
    InzendingRegel,
    NidosStand,
    Realisatie,
    VergunninghoudersStand,
)
from regietafel.monitoring.services import INZENDING_SOORTEN
from regietafel.opgaven.models import Cyclus, Opgave, ProvincieOpgave, Soort

MAX_AANTAL = 2_147_483_647


class ProvincieSerializer(serializers.ModelSerializer[Provincie]):
    class Meta:
        model = Provincie
        fields = ["code", "naam"]


class InwonertalSerializer(serializers.ModelSerializer[Inwonertal]):
    class Meta:
        model = Inwonertal
        fields = ["jaar", "aantal", "bron", "synthetisch"]


class GemeenteSerializer(serializers.ModelSerializer[Gemeente]):
    provincie = serializers.SlugRelatedField(slug_field="code", read_only=True)
    inwonertallen = InwonertalSerializer(many=True, read_only=True)

    class Meta:
        model = Gemeente
        fields = ["cbs_code", "naam", "provincie", "inwonertallen"]


class CyclusSerializer(serializers.ModelSerializer[Cyclus]):
    class Meta:
        model = Cyclus
        fields = [
            "code",
            "naam",
            "soort",
            "jaar",
            "begin",
            "eind",
            "deadline_verslag",
            "kolomkop",
        ]


class _GemeenteVelden(serializers.Serializer[Any]):
    """The gemeente of a record, by CBS code and name."""

    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True)
    gemeente_naam = serializers.CharField(source="gemeente.naam", read_only=True)


class OpgaveSerializer(_GemeenteVelden, serializers.ModelSerializer[Opgave]):
    cyclus = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Opgave
        fields = ["id", "cyclus", "gemeente", "gemeente_naam", "soort", "stadium", "aantal", "bron"]


class ProvincieOpgaveSerializer(serializers.ModelSerializer[ProvincieOpgave]):
    cyclus = serializers.SlugRelatedField(slug_field="code", read_only=True)
    provincie = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = ProvincieOpgave
        fields = ["id", "cyclus", "provincie", "soort", "aantal", "geldig_vanaf", "bron"]


PEILRECORD_VELDEN = [
    "id",
    "gemeente",
    "gemeente_naam",
    "peildatum",
    "bron",
    "toelichting",
    "geregistreerd_op",
    "vervangen_op",
]


class RealisatieSerializer(_GemeenteVelden, serializers.ModelSerializer[Realisatie]):
    class Meta:
        model = Realisatie
        fields = [*PEILRECORD_VELDEN, "soort", "aantal"]


class R4Serializer(serializers.Serializer[Any]):
    """The figures R4 derives from a COA row (domain.md)."""

    stand_1_jul = serializers.IntegerField()
    taakstelling_incl = serializers.IntegerField()
    realisatie_totaal = serializers.IntegerField()
    achter_voor = serializers.IntegerField(help_text="Positief: achterstand; negatief: voorsprong.")
    achterstand = serializers.IntegerField()
    voorsprong = serializers.IntegerField()


class VergunninghoudersStandSerializer(
    _GemeenteVelden, serializers.ModelSerializer[VergunninghoudersStand]
):
    afgeleid = serializers.SerializerMethodField(
        help_text="Afgeleid uit de cijfers van het COA-overzicht (stand, taakstelling, realisatie)."
    )

    class Meta:
        model = VergunninghoudersStand
        fields = [
            *PEILRECORD_VELDEN,
            *VergunninghoudersStand.STANDVELDEN,
            "afgeleid",
        ]

    @extend_schema_field(R4Serializer)
    def get_afgeleid(self, obj: VergunninghoudersStand) -> dict[str, Any]:
        return dict(R4Serializer(stand_vergunninghouders(obj.invoer())).data)


class NidosStandSerializer(_GemeenteVelden, serializers.ModelSerializer[NidosStand]):
    resterend = serializers.IntegerField(
        read_only=True, help_text="Taakstelling min gerealiseerd, niet negatief."
    )

    class Meta:
        model = NidosStand
        fields = [*PEILRECORD_VELDEN, "gerealiseerd", "taakstelling", "resterend"]


class LocatieSerializer(_GemeenteVelden, serializers.ModelSerializer[Locatie]):
    capaciteit = serializers.IntegerField(read_only=True)

    class Meta:
        model = Locatie
        fields = [
            "id",
            "gemeente",
            "gemeente_naam",
            "naam",
            "type",
            "status",
            "plaatsen_regulier",
            "plaatsen_amv",
            "plaatsen_bijzonder",
            "capaciteit",
            "beschikbaar_van",
            "beschikbaar_tot",
            "onbepaalde_tijd",
            "bijzonderheden",
        ]


# --- Writes: input with Dutch validation messages (regietafel.api.velden) --------------


class InzendingRegelSerializer(velden.ModelSerializer):
    soort = velden.ChoiceField(choices=[(s, Soort(s).label) for s in INZENDING_SOORTEN])
    aantal = velden.IntegerField(min_value=0, max_value=MAX_AANTAL)

    class Meta:
        model = InzendingRegel
        fields = ["soort", "aantal"]


class InzendingSerializer(velden.ModelSerializer):
    """A gemeente's realisation for one peildatum; it waits for the secretariaat."""

    gemeente = velden.CharField(
        source="gemeente.cbs_code", max_length=6, help_text="CBS-code, bijvoorbeeld GM0114."
    )
    peildatum = velden.DateField(help_text="De eerste dag van een maand, niet in de toekomst.")
    regels = InzendingRegelSerializer(many=True, allow_empty=False)
    toelichting = velden.CharField(required=False, allow_blank=True, default="", max_length=5000)
    opmerking = serializers.CharField(
        read_only=True, help_text="De opmerking van het secretariaat bij het terugsturen."
    )

    class Meta:
        model = Inzending
        fields = [
            "id",
            "gemeente",
            "peildatum",
            "regels",
            "toelichting",
            "status",
            "ingediend_op",
            "beoordeeld_op",
            "opmerking",
        ]
        read_only_fields = ["id", "status", "ingediend_op", "beoordeeld_op", "opmerking"]

    def validate_regels(self, regels: list[dict[str, Any]]) -> list[dict[str, Any]]:
        soorten = [r["soort"] for r in regels]
        if len(set(soorten)) != len(soorten):
            raise serializers.ValidationError("Noem elke soort hoogstens één keer.")
        return regels


class TerugsturenSerializer(velden.Serializer):
    opmerking = velden.CharField(
        max_length=5000, help_text="Wat de gemeente moet verbeteren (verplicht)."
    )


class ImportSerializer(velden.Serializer):
    bestand = velden.FileField(help_text="Het bestand van de aanleverancier (xlsx of csv).")
    dry_run = velden.BooleanField(
        required=False, default=False, help_text="Alleen tonen wat er zou veranderen."
    )


class NidosImportSerializer(ImportSerializer):
    peildatum = velden.DateField(help_text="De datum van de update van de factsheet.")


class VeranderingSerializer(serializers.Serializer[Any]):
    veld = serializers.CharField()
    oud = serializers.IntegerField(allow_null=True)
    nieuw = serializers.IntegerField()


class RegelSerializer(serializers.Serializer[Any]):
    gemeente = serializers.CharField()
    cbs_code = serializers.CharField()
    onderwerp = serializers.CharField()
    status = serializers.ChoiceField(choices=["nieuw", "gewijzigd", "ongewijzigd"])
    veranderingen = VeranderingSerializer(many=True)


class FoutSerializer(serializers.Serializer[Any]):
    bestand = serializers.CharField()
    blad = serializers.CharField(allow_null=True)
    rij = serializers.IntegerField(allow_null=True)
    kolom = serializers.CharField(allow_null=True)
    melding = serializers.CharField()
    plaats = serializers.CharField()


class SamenvattingSerializer(serializers.Serializer[Any]):
    """What an import found: per gemeente new, changed or unchanged, or the file's errors."""

    soort = serializers.CharField()
    bestandsnaam = serializers.CharField()
    checksum = serializers.CharField(help_text="SHA-256 van het bestand.")
    dry_run = serializers.BooleanField()
    geschreven = serializers.BooleanField()
    peildata = serializers.ListField(child=serializers.DateField())
    nieuw = serializers.IntegerField()
    gewijzigd = serializers.IntegerField()
    ongewijzigd = serializers.IntegerField()
    regels = RegelSerializer(many=True)
    opgaven = RegelSerializer(many=True)
    notities = serializers.ListField(child=serializers.CharField())
    fouten = FoutSerializer(many=True)


# --- Errors: problem details (RFC 9457), documented for every operation ------------------


@extend_schema_field({"type": "string", "format": "uri"})
class _UriVeld(serializers.CharField):
    pass


class ProbleemSerializer(serializers.Serializer[Any]):
    """An error as problem details (RFC 9457), in Dutch."""

    type = _UriVeld(help_text="URI van de soort fout (de definitie van de statuscode).")
    title = serializers.CharField(help_text="Korte Nederlandse omschrijving van de soort fout.")
    status = serializers.IntegerField(help_text="De HTTP-statuscode.")
    detail = serializers.CharField(help_text="Nederlandse uitleg bij dit geval.")
    instance = serializers.CharField(help_text="Het pad van het verzoek.")


class OngeldigeParameterSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(
        help_text="Het veld of de parameter, genest als regels[0].aantal; invoer: het geheel."
    )
    code = serializers.CharField(help_text="Machineleesbare code, bijvoorbeeld required.")
    reason = serializers.CharField(help_text="Nederlandse uitleg.")


class ValidatieprobleemSerializer(ProbleemSerializer):
    """A 400: every invalid field or parameter at once (``invalidParams``)."""

    invalidParams = OngeldigeParameterSerializer(
        many=True, help_text="Alle ongeldige velden en parameters."
    )


class ImportprobleemSerializer(ValidatieprobleemSerializer):
    """A 400 of an import: also the file's errors, each with file, sheet, row and column."""

    fouten = FoutSerializer(many=True, required=False, help_text="De fouten in het bestand.")
