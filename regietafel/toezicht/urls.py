from django.urls import path

from regietafel.toezicht import views

app_name = "toezicht"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("openen/", views.dossier_openen, name="openen"),
    path("<int:pk>/", views.dossier, name="dossier"),
    path("<int:pk>/stappen/", views.stap_nieuw, name="stap-nieuw"),
    path("stappen/<int:pk>/", views.stap, name="stap"),
    path("stappen/<int:pk>/documenten/", views.document_nieuw, name="document-nieuw"),
    path("documenten/<int:pk>/", views.document, name="document"),
]
