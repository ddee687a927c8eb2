from django.urls import path

from regietafel.verzoeken import views

app_name = "verzoeken"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("noodopvang/nieuw/", views.verzoek_nieuw, name="verzoek-nieuw"),
    path("noodopvang/<int:pk>/", views.verzoek, name="verzoek"),
    path("noodopvang/<int:pk>/bewerken/", views.verzoek_bewerken, name="verzoek-bewerken"),
    path("noodopvang/<int:pk>/kandidaten/", views.kandidaat_nieuw, name="kandidaat-nieuw"),
    path("kandidaten/<int:pk>/", views.kandidaat, name="kandidaat"),
    path("kandidaten/<int:pk>/activeren/", views.activeren, name="activeren"),
    path("activeringen/<int:pk>/beeindigen/", views.beeindigen, name="beeindigen"),
    path("nareizigers/", views.nareizigers, name="nareizigers"),
    path("nareizigers/nieuw/", views.plaatsing_nieuw, name="plaatsing-nieuw"),
    path("nareizigers/<int:pk>/", views.plaatsing, name="plaatsing"),
]
