from django.urls import path

from regietafel.kaart import views

app_name = "kaart"

urlpatterns = [
    path("", views.provincie_kaart, name="provincie"),
    path("nederland/", views.nederland_kaart, name="nederland"),
]
