from django.urls import path

from regietafel.overleg import views, views_brieven

app_name = "overleg"

urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path("<int:pk>/", views.overleg_view, name="overleg"),
    path("<int:pk>/bewerken/", views.bewerk_overleg_view, name="bewerken"),
    path("<int:pk>/instemmen/", views.instemmen_view, name="instemmen"),
    path("<int:pk>/agenda.<str:formaat>", views.agenda_view, name="agenda"),
    path(
        "<int:pk>/actie-en-besluitenlijst.<str:formaat>", views.actielijst_view, name="actielijst"
    ),
    path("<int:pk>/agendapunt/nieuw/", views.nieuw_punt_view, name="nieuw-punt"),
    path("agendapunt/<int:pk>/", views.punt_view, name="punt"),
    path("agendapunt/<int:pk>/verwijderen/", views.verwijder_punt_view, name="verwijder-punt"),
    path("agendapunt/<int:pk>/besluit/", views.besluit_view, name="besluit"),
    path("agendapunt/<int:pk>/actie/", views.actie_view, name="actie"),
    path("agendapunt/<int:pk>/bijlage/", views.bijlage_toevoegen_view, name="bijlage-toevoegen"),
    path("agendapunt/<int:pk>/stand-van-zaken/", views.rapport_view, name="rapport"),
    path("besluit/<int:pk>/verwijderen/", views.verwijder_besluit_view, name="verwijder-besluit"),
    path("bijlage/<int:pk>/", views.bijlage_view, name="bijlage"),
    path("bijlage/<int:pk>/verwijderen/", views.verwijder_bijlage_view, name="verwijder-bijlage"),
    path("acties/", views.acties_view, name="acties"),
    path("actie/<int:pk>/status/", views.actie_status_view, name="actie-status"),
    path("brieven/", views_brieven.brieven_view, name="brieven"),
    path("brieven/nieuw/", views_brieven.nieuwe_brief_view, name="nieuwe-brief"),
    path("brieven/<int:pk>/", views_brieven.brief_view, name="brief"),
    path("brieven/<int:pk>/bestand/", views_brieven.brief_bestand_view, name="brief-bestand"),
    path("zoeken/", views_brieven.zoeken_view, name="zoeken"),
]
