from django.urls import path

from regietafel.herinneringen import views

app_name = "herinneringen"
urlpatterns = [
    path("", views.termijn, name="termijn"),
    path("zet/", views.zet, name="zet"),
    path("afwijkend/", views.afwijkend, name="afwijkend"),
    path("afwijkend/<int:pk>/verwijder/", views.verwijder_afwijkend, name="verwijder-afwijkend"),
]
