from django.urls import path

from regietafel.cyclus import views

app_name = "cyclus"

urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path("<int:jaar>/", views.overzicht_view, name="overzicht"),
    path("<int:jaar>/opzet/", views.opzet_view, name="opzet"),
    path("<int:jaar>/puzzel/", views.puzzel_view, name="puzzel"),
    path("<int:jaar>/aanbod/", views.aanbod_view, name="aanbod"),
    path("<int:jaar>/indicatief/", views.indicatief_view, name="indicatief"),
    path(
        "<int:jaar>/indicatief/bevestigen/",
        views.indicatief_bevestigen_view,
        name="indicatief-bevestigen",
    ),
    path("<int:jaar>/verdeelbesluit/", views.verdeelbesluit_view, name="verdeelbesluit"),
    path(
        "<int:jaar>/verdeelbesluit/bevestigen/",
        views.verdeelbesluit_bevestigen_view,
        name="verdeelbesluit-bevestigen",
    ),
    path("aanbod/<int:pk>/", views.versie_view, name="versie"),
    path("aanbod/<int:pk>/regel/", views.regel_nieuw_view, name="regel-nieuw"),
    path("aanbod/<int:pk>/locatie/", views.locatie_view, name="locatie"),
    path("aanbod/<int:pk>/indienen/", views.indienen_view, name="indienen"),
    path("aanbod/<int:pk>/goedkeuren/", views.goedkeuren_view, name="goedkeuren"),
    path("aanbod/<int:pk>/terugsturen/", views.terugsturen_view, name="terugsturen"),
    path("regel/<int:pk>/", views.regel_view, name="regel"),
    path("regel/<int:pk>/verwijderen/", views.regel_verwijderen_view, name="regel-verwijderen"),
    path("bijlage/<int:pk>/", views.bijlage_view, name="bijlage"),
]
