from django.apps import AppConfig


class HistorieConfig(AppConfig):
    """The history pages (/historie/): who may read which record's history, the Wijzigingen
    list and its export, the ``{% historie_link %}`` tag and the admin of the history.

    An output: it reads every area's permissions. The history itself (the model and the
    service every write calls) is ``regietafel.audit``, at the bottom of the shared base."""

    name = "regietafel.historie"
    label = "historie"
    verbose_name = "Historiepagina's"

