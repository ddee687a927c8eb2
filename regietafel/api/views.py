"""The API's viewsets: reads scoped to the user's provincie, writes through the services."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException as ApiException
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from regietafel.aanlevering.models import AanleverSoort
from regietafel.aanlevering.services import importeer
from regietafel.api import filters, serializers
from regietafel.api.permissions import (
    ALLE,
    MagAanleveren,
    leesbare_provincie_ids,
    zichtbare_inzendingen_filter,
)
from regietafel.api.problemen import Conflict, OngeldigeInvoer, probleem_antwoord
from regietafel.core.tabel import Html, Kolom, Tabel
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.locaties.models import Locatie
from regietafel.monitoring.models import (
    Inzending,
    NidosStand,
    Realisatie,
    VergunninghoudersStand,
)
from regietafel.monitoring.services import dien_in, keur_goed, stuur_terug
from regietafel.opgaven.models import Cyclus, Opgave, ProvincieOpgave


class ProvincieScoped(viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """A read-only list of one entity, limited to the provincies the user may read."""

    provincie_pad: ClassVar[str | None] = "gemeente__provincie"
    basis: ClassVar[QuerySet[Any]]

    def get_queryset(self) -> QuerySet[Any]:
        queryset = self.basis.all()
        ids = leesbare_provincie_ids(self.request.user)
        if ids is ALLE or self.provincie_pad is None:
            return queryset
        veld = f"{self.provincie_pad}__in" if self.provincie_pad else "pk__in"
        return queryset.filter(**{veld: ids})


@extend_schema_view(
    list=extend_schema(summary="Provincies"), retrieve=extend_schema(summary="Eén provincie")
)
class ProvincieViewSet(ProvincieScoped):
    basis = Provincie.objects.all()
    provincie_pad = ""
    serializer_class = serializers.ProvincieSerializer
    lookup_field = "code"


@extend_schema_view(
    list=extend_schema(summary="Gemeenten met hun inwonertallen"),
    retrieve=extend_schema(summary="Eén gemeente"),
)
class GemeenteViewSet(ProvincieScoped):
    basis = Gemeente.objects.select_related("provincie").prefetch_related(
        Prefetch("inwonertallen", queryset=Inwonertal.objects.order_by("-jaar"))
    )
    provincie_pad = "provincie"
    serializer_class = serializers.GemeenteSerializer
    filterset_class = filters.GemeenteFilter
    lookup_field = "cbs_code"


@extend_schema_view(
    list=extend_schema(summary="Cycli (Spreidingswet, Oekraïne, statushouders)"),
    retrieve=extend_schema(summary="Eén cyclus"),
)
class CyclusViewSet(ProvincieScoped):
    basis = Cyclus.objects.all()
    provincie_pad = None  # a cyclus is national
    serializer_class = serializers.CyclusSerializer
    filterset_class = filters.CyclusFilter
    lookup_field = "code"


@extend_schema_view(
    list=extend_schema(summary="Opgaven per gemeente, soort en stadium"),
    retrieve=extend_schema(summary="Eén opgave"),
)
class OpgaveViewSet(ProvincieScoped):
    basis = Opgave.objects.select_related("cyclus", "gemeente")
    serializer_class = serializers.OpgaveSerializer
    filterset_class = filters.OpgaveFilter


@extend_schema_view(
    list=extend_schema(summary="Provinciale opgaven"),
    retrieve=extend_schema(summary="Eén provinciale opgave"),
)
class ProvincieOpgaveViewSet(ProvincieScoped):
    basis = ProvincieOpgave.objects.select_related("cyclus", "provincie")
    provincie_pad = "provincie"
    serializer_class = serializers.ProvincieOpgaveSerializer
    filterset_class = filters.ProvincieOpgaveFilter


@extend_schema_view(
    list=extend_schema(
        summary="Realisatie per gemeente, soort en peildatum",
        description="De actuele cijfers; met `historie=1` ook de vervangen cijfers "
        "(met `vervangen_op`).",
    ),
    retrieve=extend_schema(summary="Eén realisatiecijfer"),
)
class RealisatieViewSet(ProvincieScoped):
    basis = Realisatie.objects.select_related("gemeente")
    serializer_class = serializers.RealisatieSerializer
    filterset_class = filters.RealisatieFilter


@extend_schema_view(
    list=extend_schema(
        summary="Standen vergunninghouders (COA) met de afgeleide cijfers",
        description="De actuele standen; met `historie=1` ook de vervangen standen.",
    ),
    retrieve=extend_schema(summary="Eén stand vergunninghouders"),
)
class VergunninghoudersStandViewSet(ProvincieScoped):
    basis = VergunninghoudersStand.objects.select_related("gemeente")
    serializer_class = serializers.VergunninghoudersStandSerializer
    filterset_class = filters.VergunninghoudersStandFilter


@extend_schema_view(
    list=extend_schema(
        summary="Standen minderjarige statushouders (Nidos)",
        description="De actuele standen; met `historie=1` ook de vervangen standen.",
    ),
    retrieve=extend_schema(summary="Eén stand Nidos"),
)
class NidosStandViewSet(ProvincieScoped):
    basis = NidosStand.objects.select_related("gemeente")
    serializer_class = serializers.NidosStandSerializer
    filterset_class = filters.NidosStandFilter


@extend_schema_view(
    list=extend_schema(summary="Opvanglocaties"), retrieve=extend_schema(summary="Eén locatie")
)
class LocatieViewSet(ProvincieScoped):
    basis = Locatie.objects.select_related("gemeente")
    serializer_class = serializers.LocatieSerializer
    filterset_class = filters.LocatieFilter


# A service's ValidationError, by its code: the field it is about, or a conflict with the
# state of the submission (409).
VELD_PER_CODE = {
    "peildatum": "peildatum",
    "soort": "regels",
    "leeg": "regels",
    "negatief": "regels",
    "opmerking": "opmerking",
}
CONFLICTEN = {"open", "beoordeeld"}


def _meldingen(fout: DjangoValidationError) -> ApiException:
    code = getattr(fout, "code", None)
    if code in CONFLICTEN:
        return Conflict(" ".join(fout.messages))
    return ApiValidationError({VELD_PER_CODE.get(code or "", "invoer"): fout.messages})


@extend_schema_view(
    list=extend_schema(
        summary="Inzendingen",
        description="Een gemeente ziet haar eigen inzendingen, het secretariaat die van de "
        "eigen provincie. Een lezer of aanleverancier ziet er geen.",
    ),
    retrieve=extend_schema(summary="Eén inzending"),
)
class InzendingViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    """A gemeente user submits its own realisation; the secretariaat approves or returns it,
    through the same services as the Inzendingen page."""

    serializer_class = serializers.InzendingSerializer
    filterset_class = filters.InzendingFilter

    def get_queryset(self) -> QuerySet[Inzending]:
        qs = Inzending.objects.select_related("gemeente").prefetch_related("regels")
        zichtbaar = zichtbare_inzendingen_filter(self.request.user)
        if zichtbaar is None:
            return qs.none()
        return qs.filter(**zichtbaar).order_by("-ingediend_op", "-pk")

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action == "terugsturen":
            return serializers.TerugsturenSerializer
        return serializers.InzendingSerializer

    @extend_schema(
        summary="Realisatie van de eigen gemeente inzenden",
        description="Alleen een gebruiker van de gemeente zelf. De inzending wacht op de "
        "beoordeling door het secretariaat; pas daarna staat zij bij de realisaties.",
        examples=[
            OpenApiExample(
                "Realisatie van Emmen per 1 november 2025",
                value={
                    "gemeente": "GM0114",
                    "peildatum": "2025-11-01",
                    "regels": [
                        {"soort": "oekraine", "aantal": 321},
                        {"soort": "regulier", "aantal": 12},
                    ],
                    "toelichting": "Twee gezinnen extra.",
                },
                request_only=True,
            )
        ],
        responses={
            201: serializers.InzendingSerializer,
            403: OpenApiResponse(description="U mag niet inzenden voor deze gemeente."),
            409: OpenApiResponse(
                description="Voor deze peildatum ligt al een inzending ter beoordeling."
            ),
        },
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        code = data["gemeente"]["cbs_code"]
        gemeente = Gemeente.objects.filter(cbs_code=code).first()
        if gemeente is None:
            raise ApiValidationError({"gemeente": [f"Onbekende gemeente: {code}."]})
        try:
            inzending = dien_in(
                door=request.user,
                gemeente=gemeente,
                peildatum=data["peildatum"],
                aantallen={r["soort"]: r["aantal"] for r in data["regels"]},
                toelichting=data.get("toelichting", ""),
            )
        except DjangoValidationError as fout:
            raise _meldingen(fout) from fout
        antwoord = serializers.InzendingSerializer(inzending)
        return Response(antwoord.data, status=status.HTTP_201_CREATED)

    def _beoordeel(self, request: Request, doe: Any) -> Response:
        inzending = self.get_object()  # 404 for a submission the user may not see
        try:
            inzending = doe(inzending)
        except DjangoPermissionDenied as fout:
            raise PermissionDenied(str(fout)) from fout
        except DjangoValidationError as fout:
            raise _meldingen(fout) from fout
        inzending = self.get_queryset().get(pk=inzending.pk)
        return Response(serializers.InzendingSerializer(inzending).data)

    @extend_schema(
        summary="Inzending goedkeuren (secretariaat)",
        description="De cijfers gaan naar de realisaties (een gewijzigd cijfer vervangt het "
        "opgeslagen cijfer, dat bewaard blijft). Alleen het secretariaat van de provincie.",
        request=None,
        responses={
            200: serializers.InzendingSerializer,
            403: OpenApiResponse(description="U mag deze inzending niet beoordelen."),
            404: OpenApiResponse(description="Onbekende inzending."),
            409: OpenApiResponse(description="De inzending is al beoordeeld."),
        },
    )
    @action(detail=True, methods=["post"])
    def goedkeuren(self, request: Request, pk: str | None = None) -> Response:
        return self._beoordeel(request, lambda i: keur_goed(door=request.user, inzending=i))

    @extend_schema(
        summary="Inzending terugsturen met een opmerking (secretariaat)",
        request=serializers.TerugsturenSerializer,
        examples=[
            OpenApiExample(
                "Terugsturen",
                value={"opmerking": "Het aantal AMV klopt niet met onze telling."},
                request_only=True,
            )
        ],
        responses={
            200: serializers.InzendingSerializer,
            400: OpenApiResponse(description="Geen opmerking."),
            403: OpenApiResponse(description="U mag deze inzending niet beoordelen."),
            404: OpenApiResponse(description="Onbekende inzending."),
            409: OpenApiResponse(description="De inzending is al beoordeeld."),
        },
    )
    @action(detail=True, methods=["post"])
    def terugsturen(self, request: Request, pk: str | None = None) -> Response:
        invoer = serializers.TerugsturenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        opmerking = invoer.validated_data["opmerking"]
        return self._beoordeel(
            request, lambda i: stuur_terug(door=request.user, inzending=i, opmerking=opmerking)
        )


def _import_schema(soort: str, invoer: type[BaseSerializer[Any]]) -> Any:
    return extend_schema(
        summary=f"Bestand {soort} importeren",
        description="Met `dry_run` wordt niets geschreven: het antwoord toont wat er zou "
        "veranderen. Bij een ongeldig bestand: 400 met de lijst fouten; niets geschreven.",
        request={"multipart/form-data": invoer},
        responses={
            200: serializers.SamenvattingSerializer,
            400: OpenApiResponse(
                description="Ongeldige invoer of een ongeldig bestand: de fouten staan in "
                "`invalidParams` en, met bestand, blad, rij en kolom, in `fouten`; niets "
                "geschreven."
            ),
            403: OpenApiResponse(description="U mag geen bestanden aanleveren."),
        },
    )


class ImportViewSet(viewsets.ViewSet):
    """Upload a supplier's file; the same import as the upload page and the CLI."""

    permission_classes = [MagAanleveren]
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = serializers.ImportSerializer
    SOORTEN: ClassVar[dict[str, type[BaseSerializer[Any]]]] = {
        AanleverSoort.COA: serializers.ImportSerializer,
        AanleverSoort.NIDOS: serializers.NidosImportSerializer,
        AanleverSoort.REALISATIE: serializers.ImportSerializer,
    }

    def _importeer(self, request: Request, soort: str) -> Response:
        if soort not in self.SOORTEN:
            raise NotFound()
        invoer = self.SOORTEN[soort](data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        bestand = data["bestand"]
        samenvatting = importeer(
            soort,
            bestand.read(),
            door=request.user,
            dry_run=data["dry_run"],
            bestandsnaam=bestand.name,
            peildatum=data.get("peildatum"),
        )
        antwoord = serializers.SamenvattingSerializer(samenvatting).data
        if samenvatting.fouten:
            raise OngeldigeInvoer(
                {"bestand": [f"{f.plaats}: {f.melding}" for f in samenvatting.fouten]},
                extra={"fouten": antwoord["fouten"]},
            )
        return Response(antwoord)

    @_import_schema("COA (vergunninghouders)", serializers.ImportSerializer)
    def coa(self, request: Request) -> Response:
        return self._importeer(request, AanleverSoort.COA)

    @_import_schema("Nidos (minderjarige statushouders)", serializers.NidosImportSerializer)
    def nidos(self, request: Request) -> Response:
        return self._importeer(request, AanleverSoort.NIDOS)

    @_import_schema("realisatie", serializers.ImportSerializer)
    def realisatie(self, request: Request) -> Response:
        return self._importeer(request, AanleverSoort.REALISATIE)


# --- The OpenAPI document, the old paths, and everything else under /api/ ----------------


class OpenApiJson(SpectacularJSONAPIView):
    """/api/v1/openapi.json: public (NL API Design Rules, /core/publish-openapi), readable from
    any origin (CORS), in JSON."""

    permission_classes = (AllowAny,)
    authentication_classes = ()
    renderer_classes = [OpenApiJsonRenderer2, OpenApiJsonRenderer]

    @extend_schema(
        summary="Dit OpenAPI-document (JSON)",
        operation_id="openapi_json",
        description="Openbaar, zonder aanmelden, en vanaf elke origin leesbaar (CORS).",
        tags=["openapi"],
        auth=[],
        responses={
            200: OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description="Het OpenAPI 3-document van deze API.",
            )
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        antwoord: Response = super().get(request, *args, **kwargs)
        antwoord["Access-Control-Allow-Origin"] = "*"
        return antwoord


class OpenApiYaml(SpectacularYAMLAPIView):
    """/api/v1/openapi.yaml: the same document in YAML."""

    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        summary="Dit OpenAPI-document (YAML)",
        operation_id="openapi_yaml",
        description="Hetzelfde document als openapi.json, in YAML.",
        tags=["openapi"],
        auth=[],
        responses={
            200: OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description="Het OpenAPI 3-document van deze API.",
            )
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        antwoord: Response = super().get(request, *args, **kwargs)
        antwoord["Access-Control-Allow-Origin"] = "*"
        return antwoord


@csrf_exempt
@login_not_required
def niet_gevonden(request: HttpRequest, pad: str = "") -> HttpResponse:
    """Any other address under /api/: a 404 as problem details, never Django's HTML page."""
    return probleem_antwoord(request, 404, "Dit adres bestaat niet in de API.")


@csrf_exempt
@login_not_required
def oud_pad(request: HttpRequest, pad: str | None = None) -> HttpResponse:
    """An address of API 1.0 with a trailing slash (``/api/v1/provincies/``): redirected to the
    address without it, 301 for GET and HEAD, 308 (method and body kept) for the rest.
    Kept for one version: API v2 drops these redirects."""
    nieuw = f"/api/v1/{pad}" if pad else "/api/v1"
    try:
        doel = resolve(nieuw)
    except Resolver404:  # pragma: no cover - the catch-all resolves everything
        doel = None
    if doel is None or doel.url_name == "niet-gevonden":
        return niet_gevonden(request)
    if request.META.get("QUERY_STRING"):
        nieuw = f"{nieuw}?{request.META['QUERY_STRING']}"
    return HttpResponseRedirect(nieuw, status=301 if request.method in ("GET", "HEAD") else 308)


@csrf_exempt
@login_not_required
def oud_schema(request: HttpRequest) -> HttpResponse:
    """/api/schema/ (API 1.0): now /api/v1/openapi.yaml, or with ?format=json openapi.json."""
    if request.method not in ("GET", "HEAD"):
        antwoord = probleem_antwoord(request, 405)
        antwoord["Allow"] = "GET, HEAD"
        return antwoord
    naam = "api:openapi-json" if request.GET.get("format") == "json" else "api:openapi-yaml"
    return HttpResponsePermanentRedirect(reverse(naam))


def schema_bekijken(request: HttpRequest) -> HttpResponse:
    """A readable list of the API's paths and methods, from the generated OpenAPI schema."""
    schema = api_schema_json()
    basis = schema["servers"][0]["url"]
    operaties = [
        {
            "pad": basis + pad,
            "methode": methode.upper(),
            "samenvatting": operatie.get("summary", ""),
            "parameters": [p["name"] for p in operatie.get("parameters", [])],
        }
        for pad, methoden in schema["paths"].items()
        for methode, operatie in methoden.items()
    ]
    tabel = Tabel(
        sleutel="operaties",
        titel="Paden en methoden",
        bijschrift="",
        kolommen=(
            Kolom("Pad", "tekst"),
            Kolom("Methode", "tekst"),
            Kolom("Omschrijving", "tekst"),
            Kolom("Parameters", "tekst"),
        ),
        rijen=tuple(
            (
                Html.opmaak("<code>{}</code>", o["pad"], tekst=o["pad"]),
                o["methode"],
                o["samenvatting"],
                ", ".join(o["parameters"]),
            )
            for o in operaties
        ),
    )
    return render(
        request,
        "api/schema_bekijk.html",
        {"info": schema["info"], "operaties": operaties, "tabel": tabel},
    )


def api_schema_json() -> dict[str, Any]:
    """The OpenAPI document as /api/v1/openapi.json serves it, as plain JSON data."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema))  # type: ignore[no-any-return]
