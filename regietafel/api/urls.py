"""/api/: the REST API (v1), its OpenAPI document and a readable view of that document.

Paths have no trailing slash (NL API Design Rules, /core/no-trailing-slash); the addresses of
API 1.0 with a slash (``/api/v1/provincies/``) redirect for one version. Every other address
under /api/ answers a 404 as problem details.

The API answers 401/403 itself: its views are exempt from LoginRequiredMiddleware,
which would send an API client to the login page.
"""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, include, path, re_path
from rest_framework.routers import DefaultRouter

from regietafel.api import views
from regietafel.api.stand import StandVanZakenView

app_name = "api"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.include_format_suffixes = False
router.register("provincies", views.ProvincieViewSet, basename="provincie")
router.register("gemeenten", views.GemeenteViewSet, basename="gemeente")
router.register("cycli", views.CyclusViewSet, basename="cyclus")
router.register("opgaven", views.OpgaveViewSet, basename="opgave")
router.register("provinciale-opgaven", views.ProvincieOpgaveViewSet, basename="provinciale-opgave")
router.register("realisaties", views.RealisatieViewSet, basename="realisatie")
router.register(
    "vergunninghouders-standen",
    views.VergunninghoudersStandViewSet,
    basename="vergunninghouders-stand",
)
router.register("nidos-standen", views.NidosStandViewSet, basename="nidos-stand")
router.register("locaties", views.LocatieViewSet, basename="locatie")
router.register("inzendingen", views.InzendingViewSet, basename="inzending")

api_patterns: list[URLPattern] = [
    *router.urls,
    path("stand-van-zaken", StandVanZakenView.as_view(), name="stand-van-zaken"),
    path("imports/coa", views.ImportViewSet.as_view({"post": "coa"}), name="import-coa"),
    path("imports/nidos", views.ImportViewSet.as_view({"post": "nidos"}), name="import-nidos"),
    path(
        "imports/realisatie",
        views.ImportViewSet.as_view({"post": "realisatie"}),
        name="import-realisatie",
    ),
    path("openapi.json", views.OpenApiJson.as_view(), name="openapi-json"),
    path("openapi.yaml", views.OpenApiYaml.as_view(), name="openapi-yaml"),
]

for _patroon in api_patterns:
    login_not_required(_patroon.callback)

urlpatterns = [
    path("v1", login_not_required(router.get_api_root_view()), name="api-root"),
    path("v1/", include(api_patterns)),
    # API 1.0's addresses with a trailing slash: a redirect, for one version.
    re_path(r"^v1/(?:(?P<pad>.+)/)?$", views.oud_pad, name="oud-pad"),
    path("schema/", views.oud_schema, name="schema"),
    path("schema/bekijk/", views.schema_bekijken, name="schema-bekijk"),
    re_path(r"^(?P<pad>.*)$", views.niet_gevonden, name="niet-gevonden"),
]
