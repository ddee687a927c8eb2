from django.urls import path

from regietafel.landelijk import views

app_name = "landelijk"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("ping/", views.ping, name="ping"),
]
