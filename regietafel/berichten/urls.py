from django.urls import path

from regietafel.berichten import views

urlpatterns = [
    path("berichten/", views.voorkeuren, name="account-berichten"),
]
