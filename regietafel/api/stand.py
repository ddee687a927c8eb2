"""GET /api/v1/stand-van-zaken: the Stand van zaken of a provincie on a peildatum, as known now
or on a day (``bekendOp``; query keys are lowerCamelCase by the NL API Design Rules), with the
same JSON as ``regietafel export stand`` (that contract: fields are added, never removed or
renamed).

Per gemeente and soort each gemeente's latest known figure up to the peildatum with its own
``realisatie_peildatum`` and ``status`` (actueel, ouder, niet_aangeleverd: never a missing
figure as 0), and per soort in the totaal how complete the figures are (``dekking``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from regietafel.aanlevering.export import ExportFout
from regietafel.aanlevering.export import stand as stand_export
from regietafel.api.filters import LEGE_WAARDE
from regietafel.api.permissions import ALLE, leesbare_provincie_ids
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring.queries import peildata, stand_van_zaken


def _waarde(request: Request, naam: str) -> str | None:
    """The parameter, None when absent; given without a value it is invalid input (400), as
    on the lists (``api.filters.LEGE_WAARDE``)."""
    if naam not in request.query_params:
        return None
    waarde = request.query_params.get(naam, "").strip()
    if not waarde:
        raise ValidationError({naam: [LEGE_WAARDE]})
    return waarde


def _datum(request: Request, naam: str) -> dt.date | None:
    waarde = _waarde(request, naam)
    if waarde is None:
        return None
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise ValidationError(
            {naam: [f"„{waarde}” is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-11-01."]}
        ) from None


def _provincie(request: Request) -> Provincie:
    """``?provincie=`` (name or CBS code) among those the user may read; else the user's own."""
    leesbaar = leesbare_provincie_ids(request.user)
    qs = Provincie.objects.all() if leesbaar is ALLE else Provincie.objects.filter(pk__in=leesbaar)
    gevraagd = _waarde(request, "provincie")
    if gevraagd is not None:
        provincie = qs.filter(Q(naam__iexact=gevraagd) | Q(code__iexact=gevraagd)).first()
        if provincie is None:
            raise NotFound(f"Onbekende provincie of geen toegang: „{gevraagd}”.")
        return provincie
    eigen = list(qs[:2])
    if len(eigen) != 1:
        raise ValidationError({"provincie": ["Geef een provincie op (naam of CBS-code)."]})
    return eigen[0]


class StandVanZakenView(APIView):
    @extend_schema(
        summary="Stand van zaken van een provincie op een peildatum",
        description=(
            "Opgave, realisatie en verschil per gemeente en soort (Oekraïne, regulier, AMV): "
            "per gemeente het laatst bekende cijfer tot en met de peildatum, met zijn eigen "
            "`realisatie_peildatum` en `status` (`actueel`, `ouder`, `niet_aangeleverd`); een "
            "ontbrekend cijfer is `null`, nooit 0, en heeft geen verschil. De opgave is die "
            "van de cyclus die op de peildatum gold. Het totaal zegt per soort hoe volledig de "
            "cijfers zijn (`dekking`); het verschil telt alleen gemeenten met een cijfer. "
            "Zonder `peildatum`: de laatste peildatum waarop de provincie volledig is. Met "
            "`bekendOp`: de stand zoals die aan het eind van die dag bekend was (uit de "
            "historie van de cijfers). Dezelfde gegevens als `regietafel export stand`."
        ),
        parameters=[
            OpenApiParameter(
                "provincie",
                OpenApiTypes.STR,
                description="Naam of CBS-code; zonder: de eigen provincie.",
            ),
            OpenApiParameter("peildatum", OpenApiTypes.DATE, description="JJJJ-MM-DD"),
            OpenApiParameter(
                "bekendOp",
                OpenApiTypes.DATE,
                description="JJJJ-MM-DD: de stand zoals die op die dag bekend was.",
            ),
        ],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="De stand van zaken."),
            400: OpenApiResponse(description="Ongeldige datum of geen provincie opgegeven."),
            404: OpenApiResponse(
                description="Onbekende provincie, of geen cijfers op die peildatum."
            ),
        },
    )
    def get(self, request: Request) -> Response:
        provincie = _provincie(request)
        peildatum = _datum(request, "peildatum")
        bekend_op = _datum(request, "bekendOp")
        if peildatum is None:
            if not peildata(provincie, bekend_op):
                raise NotFound(f"Voor {provincie.naam} zijn (nog) geen cijfers opgeslagen.")
            peildatum = stand_van_zaken(provincie, None, bekend_op).peildatum
        try:
            tabel = stand_export(provincie.naam, peildatum, bekend_op)
        except ExportFout as fout:
            raise NotFound(str(fout)) from fout
        data: dict[str, Any] = tabel.json
        return Response(data)
