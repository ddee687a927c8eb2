from django.urls import path

from regietafel.locaties import views

app_name = "locaties"

urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path("excel/", views.lijst_excel_view, name="lijst-excel"),
    path("nieuw/", views.nieuw_view, name="nieuw"),
    path("capaciteit/", views.capaciteit_view, name="capaciteit"),
    path("capaciteit/excel/", views.capaciteit_excel_view, name="capaciteit-excel"),
    path(
        "capaciteit/grafiek/<str:paneel>/<str:sleutel>.svg",
        views.capaciteit_grafiek,
        name="capaciteit-grafiek",
    ),
    path("<int:pk>/", views.detail_view, name="detail"),
    path("<int:pk>/wijzigen/", views.wijzig_view, name="wijzig"),
    path("<int:pk>/beeindigen/", views.beeindig_view, name="beeindig"),
]
