from django.urls import path

from regietafel.monitoring import views_inzendingen
from regietafel.monitoring.views import stand_van_zaken_view, trends_grafiek, trends_view

urlpatterns = [
    path("", stand_van_zaken_view, name="stand-van-zaken"),
    path("trends/", trends_view, name="trends"),
    path("trends/grafiek/<str:paneel>/<str:sleutel>.svg", trends_grafiek, name="trends-grafiek"),
    path("trends/<str:cbs_code>/", trends_view, name="trends-gemeente"),
    path("inzendingen/", views_inzendingen.inzendingen, name="inzendingen"),
    path("inzendingen/<int:pk>/", views_inzendingen.inzending, name="inzending"),
    path(
        "inzendingen/<int:pk>/goedkeuren/",
        views_inzendingen.goedkeuren,
        name="inzending-goedkeuren",
    ),
    path(
        "inzendingen/<int:pk>/terugsturen/",
        views_inzendingen.terugsturen,
        name="inzending-terugsturen",
    ),
]
