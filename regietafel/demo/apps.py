from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "regietafel.demo"
    label = "demo"
    verbose_name = "Demo"

    def ready(self) -> None:
        from regietafel.accounts import demoaccounts
        from regietafel.demo.drenthe import DEMO_ACCOUNTS, DEMO_WACHTWOORD

        demoaccounts.registreer(
            demoaccounts.DemoAccounts(
                accounts=tuple((naam, omschrijving) for naam, *_, omschrijving in DEMO_ACCOUNTS),
                wachtwoord=DEMO_WACHTWOORD,
            )
        )
