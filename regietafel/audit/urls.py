from django.urls import path

from regietafel.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.wijzigingen, name="wijzigingen"),
    path("<str:app_label>/<str:model>/<str:pk>/", views.historie, name="historie"),
]
