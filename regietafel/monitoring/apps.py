from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "regietafel.monitoring"
    label = "monitoring"
    verbose_name = "Realisatie"

    def ready(self) -> None:
        from regietafel.berichten import soorten
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.monitoring.berichten import TERUGGESTUURD
        from regietafel.monitoring.permissions import mag_inzendingen_gebruiken

        registreer(
            Menupunt("Stand van zaken", "stand-van-zaken", ("stand-van-zaken",), volgorde=10),
            Menupunt("Trends", "trends", ("trends", "trends-gemeente"), volgorde=20),
            Menupunt(
                "Inzendingen",
                "inzendingen",
                ("inzendingen", "inzending"),
                volgorde=40,
                toegang=mag_inzendingen_gebruiken,
            ),
        )
        soorten.registreer(TERUGGESTUURD)

        from regietafel.monitoring import projectie
        from regietafel.monitoring.standprojectie import STAND, signalen_soort
        from regietafel.monitoring.trendprojectie import TRENDS

        projectie.registreer(STAND)
        projectie.registreer(signalen_soort())
        projectie.registreer(TRENDS)
        projectie.registreer_job()
