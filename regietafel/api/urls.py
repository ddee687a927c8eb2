"""/api/: the REST API (v1), its OpenAPI schema and a readable view of that schema.

The API answers 401/403 itself: its views are exempt from LoginRequiredMiddleware,
which would send an API client to the login page.
"""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from regietafel.api import views

app_name = "api"

router = DefaultRouter()
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
    path("imports/coa/", views.ImportViewSet.as_view({"post": "coa"}), name="import-coa"),
    path("imports/nidos/", views.ImportViewSet.as_view({"post": "nidos"}), name="import-nidos"),
    path(
        "imports/realisatie/",
        views.ImportViewSet.as_view({"post": "realisatie"}),
        name="import-realisatie",
    ),
]

for _patroon in api_patterns:
    login_not_required(_patroon.callback)

urlpatterns = [
    path("v1/", include(api_patterns)),
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    path("schema/bekijk/", views.schema_bekijken, name="schema-bekijk"),
]
