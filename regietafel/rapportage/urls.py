from django.urls import path, register_converter

from regietafel.rapportage import views, views_landelijk


class FormaatConverter:
    regex = "pdf|docx|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormaatConverter, "formaat")

app_name = "rapportage"

urlpatterns = [
    path("", views.lijst_view, name="lijst"),
    path("stand-van-zaken/", views.stand_van_zaken_view, name="stand-van-zaken-bekijken"),
    path(
        "stand-van-zaken/teksten/",
        views.stand_van_zaken_teksten_view,
        name="stand-van-zaken-teksten",
    ),
    path(
        "stand-van-zaken/<formaat:formaat>/",
        views.stand_van_zaken_download_view,
        name="stand-van-zaken-download",
    ),
    path("landelijk/", views_landelijk.landelijk_view, name="stand-landelijk"),
    path(
        "landelijk/<formaat:formaat>/",
        views_landelijk.landelijk_download_view,
        name="stand-landelijk-download",
    ),
    path("verslag/<int:jaar>/", views.verslag_view, name="verslag"),
    path("verslag/<int:jaar>/teksten/", views.verslag_teksten_view, name="verslag-teksten"),
    path(
        "verslag/<int:jaar>/vaststellen/",
        views.verslag_vaststellen_view,
        name="verslag-vaststellen",
    ),
    path(
        "verslag/<int:jaar>/<formaat:formaat>/",
        views.verslag_download_view,
        name="verslag-download",
    ),
]
