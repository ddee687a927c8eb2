from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from regietafel.core import gezondheid

admin.site.site_header = "regietafel — beheer"
admin.site.site_title = "regietafel"
admin.site.index_title = "Beheer van de gegevens"

# Dutch error pages in the site layout (regietafel/core/fouten.py).
handler400 = "regietafel.core.fouten.verkeerd_verzoek"
handler403 = "regietafel.core.fouten.geen_toegang"
handler404 = "regietafel.core.fouten.niet_gevonden"
handler500 = "regietafel.core.fouten.serverfout"

urlpatterns = [
    # For a load balancer, without login (answered first by core.gezondheid's middleware).
    path("gezondheid/", gezondheid.leeft, name="gezondheid"),
    path("gezondheid/gereed/", gezondheid.gereed, name="gezondheid-gereed"),
    path("", include("regietafel.monitoring.urls")),
    path("account/", include("regietafel.accounts.urls")),
    path("account/", include("regietafel.berichten.urls")),
    path("aanlevering/", include("regietafel.aanlevering.urls")),
    path("herinneringen/", include("regietafel.herinneringen.urls")),
    path("verdeling/", include("regietafel.verdeling.urls")),
    path("cyclus/", include("regietafel.cyclus.urls")),
    path("rapportage/", include("regietafel.rapportage.urls")),
    path("locaties/", include("regietafel.locaties.urls")),
    path("verzoeken/", include("regietafel.verzoeken.urls")),
    path("toezicht/", include("regietafel.toezicht.urls")),
    path("overleg/", include("regietafel.overleg.urls")),
    path("woo/", include("regietafel.woo.urls")),
    path("landelijk/", include("regietafel.landelijk.urls")),
    path("kaart/", include("regietafel.kaart.urls")),
    path("historie/", include("regietafel.historie.urls")),
    path("taken/", include("regietafel.taken.urls")),
    path("beheer/", admin.site.urls),
    path("api/", include("regietafel.api.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("regietafel.accounts.oidc")))
