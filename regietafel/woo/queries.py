"""Reads for the Woo pages and exports: a constant number of queries per page."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from regietafel.domain.persoonsgegevens import Voorstel
from regietafel.gemeenten.models import Provincie
from regietafel.woo.export import InventarisRegel, Publicatie
from regietafel.woo.models import Lak, LakStatus, WooBesluit, WooDocument

TOEGEPAST = ~Q(status=LakStatus.AFGEWEZEN)
"""Redactions applied in the export: accepted ones and proposals not yet judged (when in
doubt, withhold); only a rejected proposal is left out."""


def besluiten(provincie: Provincie) -> QuerySet[WooBesluit]:
    return WooBesluit.objects.filter(provincie=provincie).annotate(
        aantal_documenten=Count("documenten", distinct=True),
        aantal_gepubliceerd=Count(
            "documenten", filter=Q(documenten__status="gepubliceerd"), distinct=True
        ),
    )


def besluit(provincie: Provincie, pk: int) -> WooBesluit:
    gevonden = WooBesluit.objects.filter(provincie=provincie, pk=pk).first()
    if gevonden is None:
        raise Http404("Dit Woo-besluit bestaat niet (of hoort bij een andere provincie).")
    return gevonden


def documenten(besluit: WooBesluit) -> QuerySet[WooDocument]:
    return (
        besluit.documenten.defer("tekst")
        .annotate(
            aantal_lakken=Count("lakken", filter=~Q(lakken__status=LakStatus.AFGEWEZEN)),
            aantal_open=Count("lakken", filter=Q(lakken__status=LakStatus.VOORGESTELD)),
        )
        .order_by("nummer")
    )


def document(besluit: WooBesluit, nummer: int) -> WooDocument:
    gevonden = besluit.documenten.filter(nummer=nummer).first()
    if gevonden is None:
        raise Http404("Dit document bestaat niet in dit Woo-besluit.")
    return gevonden


def als_voorstel(lak: Lak) -> Voorstel:
    return Voorstel(lak.start, lak.eind, lak.tekst, lak.soort, lak.grond)  # type: ignore[arg-type]


def toegepaste_lakken(document: WooDocument) -> list[Voorstel]:
    return [als_voorstel(lk) for lk in document.lakken.filter(TOEGEPAST)]


def publicaties(docs: Iterable[WooDocument]) -> list[Publicatie]:
    """The documents as published (one query for all their redactions)."""
    docs = list(docs)
    per_document: dict[int, list[Voorstel]] = {d.pk: [] for d in docs}
    for lk in Lak.objects.filter(TOEGEPAST, document__in=docs):
        per_document[lk.document_id].append(als_voorstel(lk))
    return [
        Publicatie.van(
            nummer=d.nummer,
            titel=d.titel,
            datum=d.datum,
            tekst=d.tekst,
            lakken=per_document[d.pk],
            weigergrond=d.weigergrond,
        )
        for d in docs
    ]


def inventaris_regels(besluit: WooBesluit) -> list[InventarisRegel]:
    """One row per document: two queries whatever the number of documents."""
    docs = list(documenten(besluit))
    letters: dict[int, set[str]] = {d.pk: set() for d in docs}
    for doc_id, grond in (
        Lak.objects.filter(TOEGEPAST, document__besluit=besluit)
        .values_list("document_id", "grond")
        .distinct()
    ):
        letters[doc_id].add(grond)
    return [
        InventarisRegel(
            nummer=d.nummer,
            titel=d.titel,
            datum=d.datum,
            weigergrond=d.weigergrond,
            letters=tuple(sorted(letters[d.pk])) if not d.weigergrond else (),
            aantal_lakken=0 if d.weigergrond else d.aantal_lakken,  # type: ignore[attr-defined]
            status=d.get_status_display(),
        )
        for d in docs
    ]
