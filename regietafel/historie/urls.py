from django.urls import path

from regietafel.historie import views

app_name = "historie"

urlpatterns = [
    path("", views.wijzigingen, name="wijzigingen"),
    path("<str:app_label>/<str:model>/<str:pk>/", views.historie, name="historie"),
]
