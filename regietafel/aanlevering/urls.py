from django.urls import path

from regietafel.aanlevering import views

app_name = "aanlevering"
urlpatterns = [
    path("", views.aanleveren, name="start"),
    path("bevestigen/", views.bevestigen, name="bevestigen"),
]
