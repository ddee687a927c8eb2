from django.apps import AppConfig


class HerinneringenConfig(AppConfig):
    name = "regietafel.herinneringen"
    label = "herinneringen"
    verbose_name = "Herinneringen"

    def ready(self) -> None:
        from regietafel.berichten import soorten
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.herinneringen.berichten import HERINNERING, SAMENVATTING
        from regietafel.herinneringen.permissions import mag_termijn_zien

        soorten.registreer(HERINNERING)
        soorten.registreer(SAMENVATTING)
        registreer(
            Menupunt(
                "Aanlevertermijn",
                "herinneringen:termijn",
                ("herinneringen",),
                volgorde=42,
                toegang=mag_termijn_zien,
            )
        )
