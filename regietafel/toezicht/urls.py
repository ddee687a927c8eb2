from django.urls import path  # noqa: F401

app_name = "toezicht"

urlpatterns: list = []
