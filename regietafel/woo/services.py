"""Writes for Woo publication: the only way views, commands and tests change it.

Each function takes the acting user as ``door=``, checks the role (``permissions``), validates,
writes in one transaction and records an audit entry. A published document is frozen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.domain.persoonsgegevens import Voorstel, voeg_samen, zoek_fragment
from regietafel.gemeenten.models import Provincie
from regietafel.services import bewaar
from regietafel.woo import detectie, gronden
from regietafel.woo.models import Bron, Lak, LakStatus, Status, WooBesluit, WooDocument
from regietafel.woo.permissions import mag_provincie, vereis_woo


def _controleer(door: Any, provincie_id: int) -> None:
    vereis_woo(door)
    if not mag_provincie(door, provincie_id):
        raise PermissionDenied("Dit Woo-besluit hoort bij een andere provincie.")


def _niet_gepubliceerd(document: WooDocument) -> None:
    if document.status == Status.GEPUBLICEERD:
        raise ValidationError("Dit document is gepubliceerd en kan niet meer veranderen.")


def _grond(letter: str) -> str:
    try:
        return gronden.grond(letter).letter
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


@transaction.atomic
def maak_besluit(
    *, door: Any, provincie: Provincie, titel: str, datum: dt.date, kenmerk: str
) -> WooBesluit:
    _controleer(door, provincie.pk)
    titel, kenmerk = titel.strip(), kenmerk.strip()
    if not titel or not kenmerk:
        raise ValidationError("Geef het besluit een titel en een kenmerk.")
    titel = detectie.controleer_titel(titel)
    kenmerk = detectie.controleer_titel(kenmerk, wat="kenmerk")
    if WooBesluit.objects.filter(provincie=provincie, kenmerk=kenmerk).exists():
        raise ValidationError(f"Er is al een Woo-besluit met kenmerk {kenmerk}.")
    besluit, _ = bewaar(
        WooBesluit,
        door=door,
        sleutel={"provincie": provincie, "kenmerk": kenmerk},
        waarden={"titel": titel, "datum": datum, "aangemaakt_door": door},
        bron="Woo-besluit aangemaakt",
    )
    return besluit


@transaction.atomic
def voeg_document_toe(
    *,
    door: Any,
    besluit: WooBesluit,
    titel: str,
    tekst: str,
    bron: str,
    datum: dt.date | None = None,
    bestandsnaam: str = "",
) -> WooDocument:
    """A document with the next number, and the detected redactions as proposals.

    ``titel`` is the reviewer's (checked by ``controleer_titel``); ``bestandsnaam`` is kept for
    the secretariaat's own overview only and never published.
    """
    _controleer(door, besluit.provincie_id)
    if not titel.strip():
        raise ValidationError("Geef het document een titel.", code="titel")
    titel = detectie.controleer_titel(titel)
    if not tekst.strip():
        raise ValidationError("Het document heeft geen tekst.")
    if bron not in Bron.values:
        raise ValidationError(f"Onbekende bron {bron!r}.")
    voorstellen = detectie.voorstellen(tekst)
    nummer = (besluit.documenten.aggregate(m=Max("nummer"))["m"] or 0) + 1
    document = WooDocument.objects.create(
        besluit=besluit,
        nummer=nummer,
        titel=titel,
        datum=datum,
        bron=bron,
        bestandsnaam=bestandsnaam[:300],
        tekst=tekst,
    )
    Lak.objects.bulk_create(
        Lak(
            document=document,
            start=v.start,
            eind=v.end,
            tekst=v.tekst,
            soort=v.soort,
            grond=v.grond,
        )
        for v in voorstellen
    )
    registreer(
        door=door,
        actie="aangemaakt",
        obj=document,
        wijzigingen=verschillen(
            None,
            {
                **momentopname(document, ["besluit", "nummer", "titel", "datum", "bron"]),
                "bestandsnaam": bestandsnaam,
                "voorstellen": len(voorstellen),
            },
        ),
        bron=f"Woo-document toegevoegd ({Bron(bron).label})",
    )
    return document


@transaction.atomic
def beoordeel_lak(*, door: Any, lak: Lak, status: str, grond: str | None = None) -> Lak:
    """Accept or reject a proposal (and pick its ground)."""
    document = lak.document
    _controleer(door, document.besluit.provincie_id)
    _niet_gepubliceerd(document)
    if status not in (LakStatus.GEACCEPTEERD, LakStatus.AFGEWEZEN, LakStatus.VOORGESTELD):
        raise ValidationError(f"Onbekende beoordeling {status!r}.")
    velden = ["status", "grond"]
    oud = momentopname(lak, velden)
    lak.status = status
    if grond is not None:
        lak.grond = _grond(grond)
    lak.beoordeeld_door = door
    diff = verschillen(oud, momentopname(lak, velden))
    if diff:
        lak.save(update_fields=["status", "grond", "beoordeeld_door"])
        registreer(door=door, actie="gewijzigd", obj=lak, wijzigingen=diff, bron="Woo-beoordeling")
        _terug_naar_concept(door, document)
    return lak


@transaction.atomic
def accepteer_alle_voorstellen(*, door: Any, document: WooDocument) -> int:
    """Accept every proposal not yet judged (one audit entry per redaction); the count."""
    _controleer(door, document.besluit.provincie_id)
    _niet_gepubliceerd(document)
    aantal = 0
    for lak in document.lakken.filter(status=LakStatus.VOORGESTELD):
        lak.status = LakStatus.GEACCEPTEERD
        lak.beoordeeld_door = door
        lak.save(update_fields=["status", "beoordeeld_door"])
        registreer(
            door=door,
            actie="gewijzigd",
            obj=lak,
            wijzigingen={"status": [LakStatus.VOORGESTELD.value, LakStatus.GEACCEPTEERD.value]},
            bron="Woo-beoordeling: alle voorstellen",
        )
        aantal += 1
    return aantal


@transaction.atomic
def voeg_eigen_lak_toe(
    *, door: Any, document: WooDocument, fragment: str, grond: str, alle: bool = True
) -> list[Lak]:
    """The reviewer's own redaction of ``fragment``: every occurrence (or only the first).

    A span that overlaps an existing redaction is merged into it, so spans never overlap.
    """
    _controleer(door, document.besluit.provincie_id)
    _niet_gepubliceerd(document)
    letter = _grond(grond)
    spans = zoek_fragment(document.tekst, fragment)
    if not fragment.strip() or not spans:
        raise ValidationError(f"De tekst {fragment.strip()!r} staat niet in het document.")
    if not alle:
        spans = spans[:1]
    nieuw = []
    for start, eind in spans:
        overlappend = list(document.lakken.filter(start__lt=eind, eind__gt=start))
        delen = [
            Voorstel(start, eind, document.tekst[start:eind], "eigen", letter),
            *(Voorstel(o.start, o.eind, o.tekst, "eigen", letter) for o in overlappend),
        ]
        samen = voeg_samen(delen)[0]
        for o in overlappend:
            registreer(
                door=door,
                actie="verwijderd",
                obj=o,
                wijzigingen={"samengevoegd in eigen lak": [o.tekst, samen.tekst]},
                bron="Woo-beoordeling",
            )
            o.delete()
        lak = Lak.objects.create(
            document=document,
            start=samen.start,
            eind=samen.end,
            tekst=samen.tekst,
            soort="eigen",
            grond=letter,
            status=LakStatus.GEACCEPTEERD,
            eigen=True,
            beoordeeld_door=door,
        )
        registreer(
            door=door,
            actie="aangemaakt",
            obj=lak,
            wijzigingen=verschillen(None, momentopname(lak, ["start", "eind", "grond"])),
            bron="Woo-beoordeling: eigen lak",
        )
        nieuw.append(lak)
    _terug_naar_concept(door, document)
    return nieuw


def _terug_naar_concept(door: Any, document: WooDocument) -> None:
    if document.status == Status.BEOORDEELD:
        zet_status(door=door, document=document, status=Status.CONCEPT)


@transaction.atomic
def zet_status(*, door: Any, document: WooDocument, status: str) -> WooDocument:
    """concept → beoordeeld (every proposal judged) → gepubliceerd (frozen)."""
    _controleer(door, document.besluit.provincie_id)
    _niet_gepubliceerd(document)
    if status not in Status.values:
        raise ValidationError(f"Onbekende status {status!r}.")
    if status == Status.BEOORDEELD:
        open_ = document.lakken.filter(status=LakStatus.VOORGESTELD).count()
        if open_:
            raise ValidationError(
                f"Nog {open_} voorstel(len) te beoordelen voordat het document beoordeeld is."
            )
    if status == Status.GEPUBLICEERD and document.status != Status.BEOORDEELD:
        raise ValidationError("Alleen een beoordeeld document kan worden gepubliceerd.")
    bewaar(
        WooDocument,
        door=door,
        sleutel={"pk": document.pk},
        waarden={"status": status},
        bron="Woo-status",
    )
    document.refresh_from_db()
    return document


@transaction.atomic
def zet_titel(*, door: Any, document: WooDocument, titel: str) -> WooDocument:
    """The title the document is published under (the reviewer's; no personal data)."""
    _controleer(door, document.besluit.provincie_id)
    _niet_gepubliceerd(document)
    bewaar(
        WooDocument,
        door=door,
        sleutel={"pk": document.pk},
        waarden={"titel": detectie.controleer_titel(titel)},
        bron="Woo-titel",
    )
    document.refresh_from_db()
    return document


@transaction.atomic
def zet_weigergrond(*, door: Any, document: WooDocument, grond: str) -> WooDocument:
    """Withhold the whole document on ``grond`` (empty: publish it, redacted)."""
    _controleer(door, document.besluit.provincie_id)
    _niet_gepubliceerd(document)
    letter = _grond(grond) if grond else ""
    bewaar(
        WooDocument,
        door=door,
        sleutel={"pk": document.pk},
        waarden={"weigergrond": letter},
        bron="Woo-besluit per document",
    )
    document.refresh_from_db()
    return document
