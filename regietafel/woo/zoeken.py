"""Search hook (``regietafel.overleg.zoeken``): Woo-besluiten and published Woo documents.

Only titles and kenmerken are searched and shown, never a document's text: the stored text is
unredacted, and the hook is not told who is searching. Documents appear once published (their
title is then public anyway); besluiten by title and kenmerk. The pages behind the links are
for the secretariaat only (others get 403). Two queries, whatever the number of rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from regietafel.overleg.zoeken import MAX_PER_SOORT, Treffer, zoekfilter

if TYPE_CHECKING:
    from regietafel.gemeenten.models import Provincie


def zoek(term: str, provincie: Provincie) -> list[Treffer]:
    from regietafel.woo.models import Status, WooBesluit, WooDocument

    uit: list[Treffer] = []
    for b in zoekfilter(
        WooBesluit.objects.filter(provincie=provincie), ["titel", "kenmerk"], term
    ).order_by("-datum")[:MAX_PER_SOORT]:
        uit.append(
            Treffer(
                kind="Woo-besluiten",
                title=b.titel,
                url=reverse("woo:besluit", args=[b.pk]),
                snippet=f"Kenmerk {b.kenmerk}",
                date=b.datum,
            )
        )
    for d in (
        zoekfilter(
            WooDocument.objects.filter(
                besluit__provincie=provincie, status=Status.GEPUBLICEERD
            ).select_related("besluit"),
            ["titel"],
            term,
        )
        .defer("tekst")
        .order_by("-besluit__datum", "nummer")[:MAX_PER_SOORT]
    ):
        uit.append(
            Treffer(
                kind="Woo-documenten",
                title=d.titel,
                url=reverse("woo:document", args=[d.besluit_id, d.nummer]),
                snippet=f"Document {d.nummer} bij Woo-besluit {d.besluit.kenmerk} (gepubliceerd)",
                date=d.datum or d.besluit.datum,
            )
        )
    return uit
