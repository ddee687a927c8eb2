from django.urls import path

from regietafel.verdeling import views

app_name = "verdeling"

urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path("nieuw/", views.nieuw_view, name="nieuw"),
    path("vergelijk/", views.vergelijk_view, name="vergelijk"),
    path("oekraine/", views.oekraine_view, name="oekraine"),
    path("<int:pk>/", views.scenario_view, name="scenario"),
    path("<int:pk>/kopieer/", views.kopieer_view, name="kopieer"),
    path("<int:pk>/verwijder/", views.verwijder_view, name="verwijder"),
    path("<int:pk>/export.xlsx", views.export_xlsx_view, name="export-xlsx"),
    path("<int:pk>/tabel1.docx", views.tabel1_docx_view, name="tabel1-docx"),
    path("<int:pk>/tabel1.pdf", views.tabel1_pdf_view, name="tabel1-pdf"),
]
