from django.urls import path

from regietafel.monitoring.views import stand_van_zaken_view

urlpatterns = [
    path("", stand_van_zaken_view, name="stand-van-zaken"),
]
