from django.contrib.auth import views as auth_views
from django.urls import path

from regietafel.accounts.views import LoginView

urlpatterns = [
    path("inloggen/", LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
]
