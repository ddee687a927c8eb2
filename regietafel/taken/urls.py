from django.urls import path

from regietafel.taken import views

app_name = "taken"

urlpatterns = [
    path("<uuid:pk>/", views.taak_view, name="taak"),
    path("<uuid:pk>/status/", views.status_view, name="status"),
    path("<uuid:pk>/bestand/", views.bestand_view, name="bestand"),
]
