"""The history as a hash chain (audit.keten): volgnummer, vorige_hash and hash on every entry,
the head in HistorieKop; the existing entries are chained in the order they were written (id)."""

from django.db import migrations, models


def keten_bestaande_regels(apps, schema_editor):  # type: ignore[no-untyped-def]
    from regietafel.audit import keten

    AuditRegel = apps.get_model("audit", "AuditRegel")
    HistorieKop = apps.get_model("audit", "HistorieKop")
    volgnummer, vorige, moment = 0, keten.BEGIN, None
    blok = []
    for regel in AuditRegel.objects.order_by("id").iterator(chunk_size=2000):
        volgnummer += 1
        regel.volgnummer = volgnummer
        regel.vorige_hash = vorige
        regel.hash = keten.bereken_hash(keten.waarden_van(regel), vorige)
        vorige, moment = regel.hash, regel.moment
        blok.append(regel)
        if len(blok) == 2000:
            AuditRegel.objects.bulk_update(blok, ["volgnummer", "vorige_hash", "hash"])
            blok = []
    AuditRegel.objects.bulk_update(blok, ["volgnummer", "vorige_hash", "hash"])
    HistorieKop.objects.update_or_create(
        pk=1, defaults={"volgnummer": volgnummer, "hash": vorige, "moment": moment}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_tijd_van_de_klok"),
        ("gemeenten", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistorieKop",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "volgnummer",
                    models.PositiveBigIntegerField(default=0, verbose_name="volgnummer"),
                ),
                (
                    "hash",
                    models.CharField(
                        default="0000000000000000000000000000000000000000000000000000000000000000",
                        max_length=64,
                        verbose_name="hash (SHA-256)",
                    ),
                ),
                ("moment", models.DateTimeField(blank=True, null=True, verbose_name="moment")),
            ],
            options={
                "verbose_name": "kop van de historie",
                "verbose_name_plural": "kop van de historie",
            },
        ),
        migrations.AddField(
            model_name="auditregel",
            name="volgnummer",
            field=models.PositiveBigIntegerField(
                editable=False, null=True, verbose_name="volgnummer"
            ),
        ),
        migrations.AddField(
            model_name="auditregel",
            name="vorige_hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="vorige hash"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditregel",
            name="hash",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="hash (SHA-256)"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(keten_bestaande_regels, migrations.RunPython.noop),
    ]
