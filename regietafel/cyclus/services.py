"""Writes of the cycle: the set-up of a cyclus (a beheerder) and the aanbod of a gemeente
(the gemeente writes a concept and hands it in; the secretariaat approves or returns it).

Every function takes the acting user as ``door`` (``None``: the system — the command line,
the demo — which is not checked), validates, writes in one transaction and records an audit
entry. A version that was handed in is never changed again; an approved version also sets the
gemeente's ``aanbod`` opgave (what counts, per type) through ``opgaven.services``, so the
verdeling workbench and the Stand van zaken see the offer as the opgave of that stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.aanlevering.opslag import bestandsnaam
from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.core import klok, opmaak
from regietafel.core.opslag import Bestandsmap, extensie
from regietafel.cyclus import berichten
from regietafel.cyclus.models import (
    AanbodRegel,
    AanbodSoort,
    AanbodStatus,
    AanbodVersie,
    CyclusOpzet,
    KansrijkElement,
)
from regietafel.cyclus.permissions import mag_aanbod_schrijven, mag_beoordelen, mag_opzet_bewerken
from regietafel.cyclus.queries import opzet_van, regel_domein, regels_met_elementen, spelregels
from regietafel.domain.aanbod import Categorie, Element, Spelregels, beoordeel, opvangtype
from regietafel.gemeenten.models import Gemeente
from regietafel.locaties.models import Locatie, LocatieStatus
from regietafel.opgaven.models import Cyclus, CyclusSoort, Soort, Stadium
from regietafel.opgaven.services import zet_cyclus, zet_opgave
from regietafel.services import bewaar

BIJLAGEN = Bestandsmap(
    "cyclus", frozenset({"pdf", "docx", "odt", "xlsx", "ods", "txt", "png", "jpg", "eml"})
)
MAX_BIJLAGE = 20 * 1024 * 1024

OPZET_VELDEN = (
    "capaciteitsraming",
    "bestaande_plaatsen",
    "publicatie",
    "besluit_uiterlijk",
    "realisatie_uiterlijk",
    "volgende_raming",
    "termijn_maanden",
    "alleen_duurzaam",
    "minimale_jaren",
    "spuk1_per_plek",
    "spuk2_per_plek",
    "spuk3_drempel_procent",
    "illustratief",
    "toelichting",
)
REGELVELDEN = ("naam", "soort", "plaatsen", "beschikbaar_van", "beschikbaar_tot", "toelichting")


class _Onveranderd:
    """The verslag deadline is left as it is (``zet_opzet`` without ``deadline_verslag``)."""


ONVERANDERD = _Onveranderd()


def _spreidingswet(cyclus: Cyclus) -> None:
    if cyclus.soort != CyclusSoort.SPREIDINGSWET:
        raise ValidationError(f"{cyclus} is geen cyclus van de Spreidingswet.")


# ---------------------------------------------------------------- the set-up of a cyclus


@transaction.atomic
def zet_opzet(
    *,
    door: Any,
    cyclus: Cyclus,
    deadline_verslag: dt.date | _Onveranderd | None = ONVERANDERD,
    **waarden: Any,
) -> tuple[CyclusOpzet, bool]:
    """Create or change the set-up of ``cyclus`` (and its verslag deadline); returns
    (opzet, changed). When the rules change, every approved aanbod is judged again."""
    if door is not None and not mag_opzet_bewerken(door):
        raise PermissionDenied("Alleen een beheerder stelt een cyclus in.")
    _spreidingswet(cyclus)
    onbekend = sorted(set(waarden) - set(OPZET_VELDEN))
    if onbekend:
        raise ValidationError(f"Onbekende velden van de opzet: {', '.join(onbekend)}.")
    besluit, volgende = waarden.get("besluit_uiterlijk"), waarden.get("volgende_raming")
    if besluit and volgende and volgende <= besluit:
        raise ValidationError(
            "De volgende capaciteitsraming ligt na het verdeelbesluit.", code="volgorde"
        )
    if isinstance(deadline_verslag, _Onveranderd):
        deadline_verslag = cyclus.deadline_verslag
    if deadline_verslag and besluit and besluit < deadline_verslag:
        raise ValidationError(
            "Het verdeelbesluit volgt op het verslag: de datum ervan ligt niet vóór de "
            "deadline van het verslag.",
            code="volgorde",
        )
    oud = opzet_van(cyclus)
    oude_regels = spelregels(cyclus, oud)
    opzet, veranderd = bewaar(
        CyclusOpzet, door=door, sleutel={"cyclus": cyclus}, waarden=waarden, bron="opzet cyclus"
    )
    if deadline_verslag != cyclus.deadline_verslag:
        cyclus, gewijzigd = zet_cyclus(
            door=door, code=cyclus.code, deadline_verslag=deadline_verslag
        )
        veranderd = veranderd or gewijzigd
    nieuwe_regels = spelregels(cyclus, opzet)
    if nieuwe_regels != oude_regels:
        werk_aanbod_opgaven_bij(door=door, cyclus=cyclus, regels=nieuwe_regels)
    return opzet, veranderd


# ---------------------------------------------------------------- the aanbod of a gemeente


def _mag_schrijven(door: Any, gemeente: Gemeente) -> None:
    if door is not None and not mag_aanbod_schrijven(door, gemeente):
        raise PermissionDenied(f"Alleen de gemeente {gemeente.naam} schrijft haar eigen aanbod.")


def _concept(door: Any, versie: AanbodVersie) -> AanbodVersie:
    """The version, locked and re-read; refuses anyone but its gemeente and a handed-in one."""
    vers = (
        AanbodVersie.objects.select_for_update()
        .select_related("gemeente", "cyclus")
        .get(pk=versie.pk)
    )
    _mag_schrijven(door, vers.gemeente)
    if not vers.bewerkbaar:
        raise ValidationError(
            f"Versie {vers.volgnummer} is {vers.get_status_display().lower()} en verandert niet "
            "meer. Begin een nieuwe versie om het aanbod te wijzigen.",
            code="niet_bewerkbaar",
        )
    return vers


@transaction.atomic
def nieuwe_versie(*, door: Any, cyclus: Cyclus, gemeente: Gemeente) -> AanbodVersie:
    """A new concept version of the gemeente's aanbod, with the lines of its previous
    (approved or returned) version; refused while a concept or a version under review exists."""
    _mag_schrijven(door, gemeente)
    _spreidingswet(cyclus)
    if not CyclusOpzet.objects.filter(cyclus=cyclus).exists():
        raise ValidationError(
            f"{cyclus.naam} is niet ingericht voor een aanbod per locatie: een beheerder stelt "
            "eerst de opzet van de cyclus in.",
            code="geen_opzet",
        )
    Gemeente.objects.select_for_update().filter(pk=gemeente.pk).first()
    bestaand = AanbodVersie.objects.filter(cyclus=cyclus, gemeente=gemeente)
    open_ = bestaand.filter(status__in=[AanbodStatus.CONCEPT, AanbodStatus.INGEDIEND]).first()
    if open_ is not None:
        raise ValidationError(
            f"Er is al een versie {open_.volgnummer} ({open_.get_status_display().lower()}): "
            "werk die bij, of wacht op de beoordeling.",
            code="open",
        )
    vorige = bestaand.order_by("-volgnummer").first()
    versie = AanbodVersie.objects.create(
        cyclus=cyclus,
        gemeente=gemeente,
        volgnummer=(vorige.volgnummer if vorige else 0) + 1,
        status=AanbodStatus.CONCEPT,
        toelichting=vorige.toelichting if vorige else "",
        aangemaakt_door=door if getattr(door, "pk", None) else None,
    )
    gekopieerd = 0
    if vorige is not None:
        for regel in regels_met_elementen().filter(versie=vorige):
            elementen = list(regel.elementen.all())
            regel.pk = None
            regel.versie = versie
            regel.save()
            KansrijkElement.objects.bulk_create(
                KansrijkElement(
                    regel=regel,
                    element=e.element,
                    toelichting=e.toelichting,
                    bestandsnaam=e.bestandsnaam,
                    checksum=e.checksum,
                )
                for e in elementen
            )
            gekopieerd += 1
    registreer(
        door=door,
        actie="aangemaakt",
        obj=versie,
        wijzigingen={
            "versie": [None, versie.volgnummer],
            "regels": [None, gekopieerd],
            **({"kopie van versie": [None, vorige.volgnummer]} if vorige else {}),
        },
        bron=f"Aanbod gemeente {gemeente.naam}",
    )
    return versie


LOCATIE_SOORT = {
    "plaatsen_regulier": AanbodSoort.REGULIER,
    "plaatsen_amv": AanbodSoort.AMV,
    "plaatsen_bijzonder": AanbodSoort.BIJZONDER,
}


@transaction.atomic
def voeg_locatie_toe(*, door: Any, versie: AanbodVersie, locatie: Locatie) -> list[AanbodRegel]:
    """A location of the register in the aanbod: a line per soort with places (regulier, AMV,
    bijzonder), with its contract dates; the gemeente can then change each line."""
    vers = _concept(door, versie)
    if locatie.gemeente_id != vers.gemeente_id:
        raise ValidationError(f"{locatie.naam} ligt niet in {vers.gemeente.naam}.")
    if locatie.status == LocatieStatus.BEEINDIGD:
        raise ValidationError(f"{locatie.naam} is beëindigd.")
    if vers.regels.filter(locatie=locatie).exists():
        raise ValidationError(f"{locatie.naam} staat al in dit aanbod.", code="dubbel")
    regels = []
    for veld, soort in LOCATIE_SOORT.items():
        plaatsen = getattr(locatie, veld)
        if not plaatsen:
            continue
        regels.append(
            AanbodRegel(
                versie=vers,
                locatie=locatie,
                naam=locatie.naam,
                soort=soort,
                plaatsen=plaatsen,
                beschikbaar_van=locatie.beschikbaar_van,
                beschikbaar_tot=None if locatie.onbepaalde_tijd else locatie.beschikbaar_tot,
                toelichting=locatie.bijzonderheden,
            )
        )
    if not regels:
        raise ValidationError(
            f"{locatie.naam} heeft geen plaatsen voor asielopvang (regulier, AMV of bijzonder)."
        )
    for regel in regels:
        regel.full_clean()
        regel.save()
        registreer(
            door=door,
            actie="aangemaakt",
            obj=regel,
            wijzigingen=verschillen(None, momentopname(regel, REGELVELDEN)),
            bron=f"Locatieregister: {locatie.naam}",
        )
    return regels


@dataclass(frozen=True)
class Bijlage:
    naam: str
    inhoud: bytes


@dataclass(frozen=True)
class ElementInvoer:
    """One kansrijk element as the gemeente enters it: a note and/or an attachment. Without
    either (and without keeping the stored attachment) the element is removed."""

    toelichting: str = ""
    bijlage: Bijlage | None = None
    bijlage_houden: bool = True


def _bewaar_bijlage(bijlage: Bijlage) -> tuple[str, str]:
    naam = bestandsnaam(bijlage.naam)
    ext = extensie(naam)
    if ext not in BIJLAGEN.extensies:
        raise ValidationError(
            f"Een bijlage van het type .{ext or '?'} kan niet worden bewaard; kies PDF, Word, "
            "Excel, OpenDocument, tekst, PNG, JPG of e-mail (.eml).",
            code="bijlage",
        )
    if not bijlage.inhoud:
        raise ValidationError(f"De bijlage {naam} is leeg.", code="bijlage")
    if len(bijlage.inhoud) > MAX_BIJLAGE:
        raise ValidationError(f"De bijlage {naam} is groter dan 20 MB.", code="bijlage")
    return naam, BIJLAGEN.bewaar(bijlage.inhoud, ext)


def _zet_elementen(
    door: Any, regel: AanbodRegel, elementen: Mapping[Element, ElementInvoer]
) -> dict[str, list[Any]]:
    huidig = {Element(e.element): e for e in regel.elementen.all()}
    wijzigingen: dict[str, list[Any]] = {}
    for element in Element:
        invoer = elementen.get(element, ElementInvoer(bijlage_houden=False))
        bestaand = huidig.get(element)
        toelichting = invoer.toelichting.strip()
        naam, som = "", ""
        if invoer.bijlage is not None:
            naam, som = _bewaar_bijlage(invoer.bijlage)
        elif invoer.bijlage_houden and bestaand is not None:
            naam, som = bestaand.bestandsnaam, bestaand.checksum
        oud = (bestaand.toelichting, bestaand.bestandsnaam) if bestaand else None
        if not toelichting and not som:
            if bestaand is not None:
                bestaand.delete()
                wijzigingen[f"element {element.value}"] = [list(oud or ()), None]
            continue
        if bestaand is None:
            bestaand = KansrijkElement(regel=regel, element=element.value)
        bestaand.toelichting, bestaand.bestandsnaam, bestaand.checksum = toelichting, naam, som
        if oud != (toelichting, naam):
            bestaand.full_clean()
            bestaand.save()
            wijzigingen[f"element {element.value}"] = [
                list(oud) if oud else None,
                [toelichting, naam],
            ]
    return wijzigingen


@transaction.atomic
def zet_regel(
    *,
    door: Any,
    versie: AanbodVersie,
    regel: AanbodRegel | None = None,
    naam: str,
    soort: str,
    plaatsen: int,
    beschikbaar_van: dt.date | None,
    beschikbaar_tot: dt.date | None,
    toelichting: str = "",
    elementen: Mapping[Element, ElementInvoer] | None = None,
    locatie: Locatie | None = None,
) -> AanbodRegel:
    """Add a line (``regel`` None: a new plan, or with ``locatie`` a location of the register)
    or change one, with its kansrijk elements."""
    vers = _concept(door, versie)
    if regel is not None and regel.versie_id != vers.pk:
        raise ValidationError("Deze regel hoort niet bij deze versie.")
    if locatie is not None and (regel is not None or locatie.gemeente_id != vers.gemeente_id):
        raise ValidationError(f"{locatie.naam} ligt niet in {vers.gemeente.naam}.")
    naam = naam.strip()
    if not naam:
        raise ValidationError("Geef de locatie of het plan een naam.", code="naam")
    if soort not in AanbodSoort.values:
        raise ValidationError(f"Onbekende soort {soort!r}.", code="soort")
    if isinstance(plaatsen, bool) or not isinstance(plaatsen, int) or plaatsen < 0:
        raise ValidationError("Het aantal plaatsen is een geheel getal van 0 of meer.")
    if beschikbaar_van and beschikbaar_tot and beschikbaar_tot < beschikbaar_van:
        raise ValidationError(
            f"Beschikbaar tot ({opmaak.datum(beschikbaar_tot)}) ligt vóór beschikbaar van "
            f"({opmaak.datum(beschikbaar_van)}).",
            code="volgorde",
        )
    waarden = {
        "naam": naam,
        "soort": soort,
        "plaatsen": plaatsen,
        "beschikbaar_van": beschikbaar_van,
        "beschikbaar_tot": beschikbaar_tot,
        "toelichting": toelichting.strip(),
    }
    nieuw = regel is None
    if regel is None:
        regel = AanbodRegel(versie=vers, locatie=locatie, **waarden)
        oud = None
    else:
        regel = AanbodRegel.objects.select_for_update().get(pk=regel.pk)
        oud = momentopname(regel, REGELVELDEN)
        for veld, waarde in waarden.items():
            setattr(regel, veld, waarde)
    regel.full_clean()
    regel.save()
    wijzigingen = verschillen(oud, momentopname(regel, REGELVELDEN))
    if elementen is not None:
        wijzigingen.update(_zet_elementen(door, regel, elementen))
    if nieuw or wijzigingen:
        registreer(
            door=door,
            actie="aangemaakt" if nieuw else "gewijzigd",
            obj=regel,
            wijzigingen=wijzigingen,
            bron=f"Aanbod gemeente {vers.gemeente.naam}, versie {vers.volgnummer}",
        )
    return regel


@transaction.atomic
def verwijder_regel(*, door: Any, regel: AanbodRegel) -> None:
    vers = _concept(door, regel.versie)
    registreer(
        door=door,
        actie="verwijderd",
        obj=regel,
        wijzigingen=verschillen(momentopname(regel, REGELVELDEN), {}),
        bron=f"Aanbod gemeente {vers.gemeente.naam}, versie {vers.volgnummer}",
    )
    regel.delete()


@transaction.atomic
def dien_in(*, door: Any, versie: AanbodVersie, toelichting: str = "") -> AanbodVersie:
    """The gemeente hands its concept in: from now on it does not change. An empty aanbod
    needs a word of explanation."""
    vers = _concept(door, versie)
    toelichting = toelichting.strip() or vers.toelichting
    regels = list(regels_met_elementen().filter(versie=vers))
    if not regels and not toelichting:
        raise ValidationError(
            "Dit aanbod heeft geen regels. Licht toe waarom de gemeente niets aanbiedt, of voeg "
            "een locatie of plan toe.",
            code="leeg",
        )
    for r in regels:
        try:
            regel_domein(r)
        except ValueError as exc:
            raise ValidationError(f"{r.naam}: {exc}") from exc
    vers.status = AanbodStatus.INGEDIEND
    vers.toelichting = toelichting
    vers.ingediend_door = door if getattr(door, "pk", None) else None
    vers.ingediend_op = klok.nu()
    vers.save(update_fields=["status", "toelichting", "ingediend_door", "ingediend_op"])
    registreer(
        door=door,
        actie="ingediend",
        obj=vers,
        wijzigingen={
            "status": [AanbodStatus.CONCEPT.value, vers.status],
            "regels": [None, len(regels)],
            "plaatsen": [None, sum(r.plaatsen for r in regels)],
        },
        bron=f"Aanbod gemeente {vers.gemeente.naam}",
    )
    return vers


def _te_beoordelen(door: Any, versie: AanbodVersie) -> AanbodVersie:
    vers = (
        AanbodVersie.objects.select_for_update()
        .select_related("gemeente", "cyclus")
        .get(pk=versie.pk)
    )
    if door is not None and not mag_beoordelen(door, vers.gemeente):
        raise PermissionDenied("U mag het aanbod van deze gemeente niet beoordelen.")
    if not vers.open:
        raise ValidationError(
            f"Versie {vers.volgnummer} wacht niet op een beoordeling "
            f"({vers.get_status_display().lower()}).",
            code="beoordeeld",
        )
    return vers


@transaction.atomic
def keur_goed(*, door: Any, versie: AanbodVersie) -> AanbodVersie:
    """Approve: this version becomes the gemeente's aanbod (and its aanbod opgave)."""
    vers = _te_beoordelen(door, versie)
    vers.status = AanbodStatus.GOEDGEKEURD
    vers.beoordeeld_door = door if getattr(door, "pk", None) else None
    vers.beoordeeld_op = klok.nu()
    vers.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op"])
    registreer(
        door=door,
        actie="goedgekeurd",
        obj=vers,
        wijzigingen={"status": [AanbodStatus.INGEDIEND.value, vers.status]},
        bron=f"Aanbod gemeente {vers.gemeente.naam}",
    )
    werk_aanbod_opgaven_bij(door=door, cyclus=vers.cyclus, gemeenten=[vers.gemeente])
    berichten.mail_goedgekeurd(door, vers)
    return vers


@transaction.atomic
def stuur_terug(*, door: Any, versie: AanbodVersie, opmerking: str) -> AanbodVersie:
    """Return with a remark (required); the gemeente starts a new version from this one."""
    opmerking = opmerking.strip()
    if not opmerking:
        raise ValidationError(
            "Schrijf bij het terugsturen op wat de gemeente moet verbeteren.", code="opmerking"
        )
    vers = _te_beoordelen(door, versie)
    vers.status = AanbodStatus.TERUGGESTUURD
    vers.beoordeeld_door = door if getattr(door, "pk", None) else None
    vers.beoordeeld_op = klok.nu()
    vers.opmerking = opmerking
    vers.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op", "opmerking"])
    registreer(
        door=door,
        actie="teruggestuurd",
        obj=vers,
        wijzigingen={
            "status": [AanbodStatus.INGEDIEND.value, vers.status],
            "opmerking": [None, opmerking],
        },
        bron=f"Aanbod gemeente {vers.gemeente.naam}",
    )
    berichten.mail_teruggestuurd(door, vers)
    return vers


def werk_aanbod_opgaven_bij(
    *,
    door: Any,
    cyclus: Cyclus,
    gemeenten: list[Gemeente] | None = None,
    regels: Spelregels | None = None,
) -> int:
    """The ``aanbod`` opgave (regulier, AMV) of every gemeente with an approved aanbod in
    ``cyclus``: what counts by the cyclus' rules (``regels``: the ones just set). Returns the
    number of opgaven changed."""
    if regels is None:
        regels = spelregels(cyclus, opzet_van(cyclus))
    versies = AanbodVersie.objects.filter(
        cyclus=cyclus, status=AanbodStatus.GOEDGEKEURD
    ).select_related("gemeente")
    if gemeenten is not None:
        versies = versies.filter(gemeente__in=gemeenten)
    nieuwste: dict[int, AanbodVersie] = {}
    for v in versies.order_by("volgnummer"):
        nieuwste[v.gemeente_id] = v
    telt: dict[int, dict[str, int]] = {g: {"regulier": 0, "amv": 0} for g in nieuwste}
    for r in regels_met_elementen().filter(versie__in=list(nieuwste.values())):
        b = beoordeel(regel_domein(r), regels)
        if b.categorie is Categorie.TELT:
            telt[r.versie.gemeente_id][opvangtype(r.soort)] += r.plaatsen  # type: ignore[arg-type]
    veranderd = 0
    for gemeente_id, versie in nieuwste.items():
        bron = (
            f"Aanbod gemeente {versie.gemeente.naam}, versie {versie.volgnummer}, goedgekeurd"
            + (
                f" {opmaak.datum(klok.lokaal(versie.beoordeeld_op))}"
                if versie.beoordeeld_op
                else ""
            )
        )
        for soort in (Soort.REGULIER, Soort.AMV):
            _, gewijzigd = zet_opgave(
                door=door,
                cyclus=cyclus,
                gemeente=versie.gemeente,
                soort=soort,
                stadium=Stadium.AANBOD,
                aantal=telt[gemeente_id][soort],
                bron=bron,
            )
            veranderd += int(gewijzigd)
    return veranderd
