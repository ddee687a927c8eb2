from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "regietafel.accounts"
    label = "accounts"
    verbose_name = "Accounts en rollen"
