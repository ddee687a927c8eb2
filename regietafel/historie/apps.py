from django.apps import AppConfig


class HistorieConfig(AppConfig):
    """The history pages (/historie/): who may read which record's history, the Wijzigingen
    list and its export, the ``{% historie_link %}`` tag and the admin of the history.

    An output: it reads every area's permissions. The history itself (the model and the
    service every write calls) is ``regietafel.audit``, in the shared base."""

    name = "regietafel.historie"
    label = "historie"
    verbose_name = "Historiepagina's"

    def ready(self) -> None:
        from regietafel.core.menu import Menupunt, registreer
        from regietafel.historie.permissions import mag_wijzigingen_zien

        registreer(
            Menupunt(
                "Wijzigingen",
                "historie:wijzigingen",
                ("historie",),
                volgorde=130,
                toegang=mag_wijzigingen_zien,
            ),
        )
