from django.urls import path

from regietafel.woo import views

app_name = "woo"

urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path("nieuw/", views.nieuw_view, name="nieuw"),
    path("<int:pk>/", views.besluit_view, name="besluit"),
    path("<int:pk>/document/", views.document_toevoegen_view, name="document-toevoegen"),
    path("<int:pk>/publicatie.pdf", views.besluit_pdf_view, name="besluit-pdf"),
    path("<int:pk>/document/<int:nummer>/", views.document_view, name="document"),
    path(
        "<int:pk>/document/<int:nummer>/publicatie.pdf",
        views.document_pdf_view,
        name="document-pdf",
    ),
    path("<int:pk>/document/<int:nummer>/lak/<int:lak>/", views.lak_view, name="lak"),
    path("<int:pk>/document/<int:nummer>/eigen/", views.eigen_lak_view, name="eigen-lak"),
    path("<int:pk>/document/<int:nummer>/status/", views.status_view, name="status"),
]
