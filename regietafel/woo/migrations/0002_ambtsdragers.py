"""The default office holders that are not redacted: the commissaris and the minister (R10)."""

from django.db import migrations

STANDAARD = (
    ("Jetta Klijnsma", "commissaris van de Koning in Drenthe"),
    ("M.H.M. Faber-Van de Klashorst", "minister van Asiel en Migratie"),
)


def vul(apps, schema_editor):
    Ambtsdrager = apps.get_model("woo", "Ambtsdrager")
    for naam, functie in STANDAARD:
        Ambtsdrager.objects.get_or_create(naam=naam, defaults={"functie": functie})


def leeg(apps, schema_editor):
    Ambtsdrager = apps.get_model("woo", "Ambtsdrager")
    Ambtsdrager.objects.filter(naam__in=[n for n, _ in STANDAARD]).delete()


class Migration(migrations.Migration):
    dependencies = [("woo", "0001_initial")]

    operations = [migrations.RunPython(vul, leeg)]
