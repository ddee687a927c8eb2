"""`regietafel demo landelijk`: deterministic, idempotent, synthetic in the data, Drenthe untouched."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from regietafel.audit.models import AuditRegel
from regietafel.demo import landelijk as demo
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.locaties.models import Locatie
from regietafel.monitoring.models import NidosStand, Realisatie, VergunninghoudersStand
from regietafel.opgaven.models import Cyclus, Opgave, ProvincieOpgave

pytestmark = pytest.mark.django_db


def _plan(zaad: int) -> demo.Plan:
    drenthe = Provincie.objects.get(naam="Drenthe")
    return demo.plan(
        Provincie.objects.exclude(pk=drenthe.pk),
        Gemeente.objects.exclude(provincie=drenthe).select_related("provincie"),
        {c.code: c for c in Cyclus.objects.all()},
        zaad=zaad,
        maanden=2,
    )


def _cijfers(p: demo.Plan) -> list[tuple[object, ...]]:
    return [
        *((i.gemeente.cbs_code, i.aantal) for i in p.inwoners),
        *((o.gemeente.cbs_code, o.cyclus.code, o.soort, o.stadium, o.aantal) for o in p.opgaven),
        *((r.gemeente.cbs_code, r.soort, r.peildatum, r.aantal) for r in p.realisaties),
        *((c.gemeente.cbs_code, c.peildatum, c.realisatie_h1, c.stand_1_jan) for c in p.coa),
        *((n.gemeente.cbs_code, n.peildatum, n.gerealiseerd) for n in p.nidos),
        *((loc.gemeente.cbs_code, loc.naam, loc.capaciteit) for loc in p.locaties),
    ]


def test_same_seed_same_figures_other_seed_other_figures(drenthe: Provincie) -> None:
    een, twee, ander = _plan(7), _plan(7), _plan(8)
    assert _cijfers(een) == _cijfers(twee)
    assert _cijfers(een) != _cijfers(ander)
    # The rows: 330 gemeenten outside Drenthe, 13 opgaven each, 3 soorten × 2 months.
    assert len(een.inwoners) == 330
    assert len(een.opgaven) == 330 * 13
    assert len(een.realisaties) == 330 * 3 * 2
    # Per provincie the opgaven are R1 over the inhabitants: they sum to the provincial number.
    for po in een.provinciaal:
        eigen = [
            o.aantal
            for o in een.opgaven
            if o.gemeente.provincie_id == po.provincie_id
            and o.cyclus_id == po.cyclus_id
            and o.soort == po.soort
            and o.stadium == "indicatief"
        ]
        assert sum(eigen) == po.aantal, po
    # 88,000 places in the second cycle nationally, Drenthe's 2,691 ∝ share not generated here.
    tweede = sum(po.aantal for po in een.provinciaal if po.cyclus.code == "spreidingswet-2026")
    assert tweede == 88_000 - 2_467  # Drenthe's share of 88,000 by R1 is 2,467 (not generated)


def test_loading_is_idempotent_and_leaves_drenthe_alone(drenthe: Provincie) -> None:
    gemeenten_drenthe = list(drenthe.gemeenten.values_list("pk", flat=True))

    def drenthe_cijfers() -> list[tuple[object, ...]]:
        return [
            *Realisatie.objects.filter(gemeente__in=gemeenten_drenthe)
            .order_by("pk")
            .values_list("pk", "aantal", "bron"),
            *Opgave.objects.filter(gemeente__in=gemeenten_drenthe)
            .order_by("pk")
            .values_list("pk", "aantal", "bron"),
            *Inwonertal.objects.filter(gemeente__in=gemeenten_drenthe)
            .order_by("pk")
            .values_list("pk", "aantal", "synthetisch"),
            *ProvincieOpgave.objects.filter(provincie=drenthe).values_list("pk", "aantal"),
        ]

    voor = drenthe_cijfers()
    eerste = demo.laad(zaad=3, maanden=2, met_drenthe=False)
    assert eerste.wijzigingen == {
        "overleggen": 11,
        "inwonertallen": 330,
        "provinciale opgaven": 55,
        "opgaven": 330 * 13,
        "realisaties": 330 * 3 * 2,
        "standen vergunninghouders": 330 * 2,
        "standen Nidos": 330 * 2,
        "locaties": Locatie.objects.exclude(gemeente__provincie=drenthe).count(),
    }
    # Through the shared write path: one history entry per generated row (issue 17.2).
    for model in (Inwonertal, Opgave, Realisatie, VergunninghoudersStand, NidosStand, Locatie):
        ids = {
            str(pk)
            for pk in model.objects.exclude(gemeente__provincie=drenthe).values_list(
                "pk", flat=True
            )
        }
        historie = AuditRegel.objects.filter(
            object_type=model._meta.label_lower, actie="aangemaakt", object_id__in=ids
        )
        assert historie.count() == len(ids), model
        assert set(historie.values_list("object_id", flat=True)) == ids
    aantallen = [m.objects.count() for m in (Realisatie, Opgave, Inwonertal, Locatie, NidosStand)]
    tweede = demo.laad(zaad=3, maanden=2, met_drenthe=False)
    assert tweede.totaal == 0
    assert [
        m.objects.count() for m in (Realisatie, Opgave, Inwonertal, Locatie, NidosStand)
    ] == aantallen
    assert drenthe_cijfers() == voor


def test_every_generated_row_is_marked_synthetic(drenthe: Provincie) -> None:
    demo.laad(maanden=2, met_drenthe=False)
    buiten = {"gemeente__provincie": drenthe}
    for model in (Realisatie, VergunninghoudersStand, NidosStand, Opgave):
        rijen = model.objects.exclude(**buiten)
        assert rijen.count() > 0
        assert not rijen.exclude(bron__startswith=demo.SYNTHETISCH).exists(), model
        # Drenthe's figures come from the seeds, never marked synthetic.
        assert not model.objects.filter(**buiten, bron__startswith=demo.SYNTHETISCH).exists()
    assert (
        not ProvincieOpgave.objects.exclude(provincie=drenthe)
        .exclude(bron__startswith=demo.SYNTHETISCH)
        .exists()
    )
    assert set(Inwonertal.objects.exclude(**buiten).values_list("synthetisch", flat=True)) == {True}
    assert set(Inwonertal.objects.filter(**buiten).values_list("synthetisch", flat=True)) == {False}
    from regietafel.overleg.models import Overleg

    overleggen = Overleg.objects.filter(datum=demo.OVERLEG_DATUM).exclude(provincie=drenthe)
    assert overleggen.count() == 11
    assert not overleggen.exclude(locatie__contains=demo.SYNTHETISCH).exists()
    locaties = Locatie.objects.exclude(**buiten)
    assert not locaties.exclude(bijzonderheden__startswith=demo.SYNTHETISCH).exists()
    assert not locaties.exclude(naam__endswith="(synthetisch)").exists()


def test_demo_command_reports_what_it_loaded(drenthe: Provincie) -> None:
    uit = io.StringIO()
    call_command("demo", "landelijk", "--seed", "5", "--maanden", "1", stdout=uit)
    assert "Landelijke demo (synthetisch, seed 5) geladen in" in uit.getvalue()
    assert "990 realisaties" in uit.getvalue()
    uit = io.StringIO()
    call_command("demo", "landelijk", "--seed", "5", "--maanden", "1", stdout=uit)
    assert "Landelijke demo: alles was al geladen" in uit.getvalue()
