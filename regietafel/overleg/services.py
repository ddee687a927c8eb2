"""Writes for meetings, agenda items, attachments, the actie- en besluitenlijst and the letters
register: the only way views, commands, the demo and tests change them.

Each function takes the acting user as ``door=``, checks that the user may write for the
provincie (``permissions.mag_schrijven``), validates, writes in one transaction and records
an audit entry (``regietafel.services.bewaar`` or ``audit.services.registreer``).
``door=None`` is the system itself (the demo loader, a management command): not checked,
as in ``locaties`` and ``verzoeken``. Views always pass ``request.user``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.audit.services import momentopname, registreer, verschillen
from regietafel.core import klok, rapporten
from regietafel.gemeenten.models import Provincie
from regietafel.overleg import opslag
from regietafel.overleg.models import (
    Actie,
    ActieStatus,
    Agendapunt,
    Besluit,
    Bijlage,
    BijlageSoort,
    Brief,
    Overleg,
)
from regietafel.overleg.permissions import mag_schrijven
from regietafel.overleg.queries import Opschoning, bewaartermijn_dagen, stand_titel, vorig_overleg
from regietafel.overleg.tekst import tekst_van
from regietafel.services import bewaar

OVERLEG_VELDEN = (
    "soort",
    "datum",
    "begintijd",
    "eindtijd",
    "tijd_toelichting",
    "locatie",
    "online",
    "voorzitter",
)
AGENDAPUNT_VELDEN = (
    "nummer",
    "letter",
    "titel",
    "toelichting",
    "doel",
    "presentator",
    "vaststelling_vorige_lijst",
    "aantekeningen",
    "persoonlijke_aantekeningen",
)
ACTIE_VELDEN = ("omschrijving", "door_wie", "deadline")
BRIEF_VELDEN = (
    "afzender",
    "ontvangen",
    "onderwerp",
    "soort",
    "tekst",
    "persoonsgegevens",
    "opvolging",
    "opvolging_status",
    "opvolging_deadline",
)


def _momentopname(obj: Any, velden: Iterable[str]) -> dict[str, Any]:
    """``audit.momentopname`` with times as text (the audit helper knows dates, not times)."""
    velden = list(velden)
    tijden = {v: getattr(obj, v) for v in velden if isinstance(getattr(obj, v), dt.time)}
    rest = momentopname(obj, [v for v in velden if v not in tijden])
    return {v: tijden[v].isoformat() if v in tijden else rest[v] for v in velden}


def _controleer(door: Any, provincie: Provincie) -> None:
    if door is None:
        return
    if not mag_schrijven(door, provincie):
        raise PermissionDenied("Alleen het secretariaat van de provincie mag overleggen wijzigen.")


def volgorde(nummer: int, letter: str) -> int:
    """Items sort by number, then letter: 5, 5a, 5b, 6."""
    return nummer * 100 + (ord(letter[0].lower()) - ord("a") + 1 if letter else 0)


# ------------------------------------------------------------------ meetings


def bewaar_overleg(
    *,
    door: Any,
    provincie: Provincie,
    waarden: dict[str, Any],
    overleg: Overleg | None = None,
    alleen_nieuw: bool = False,
) -> Overleg:
    """Create a meeting (``overleg`` None) or change one; a meeting is unique per provincie,
    soort and date. Without ``overleg`` an existing meeting with that key is updated (the
    demo's idempotency), unless ``alleen_nieuw`` (the form): then it is an error."""
    _controleer(door, provincie)
    waarden = {k: v for k, v in waarden.items() if k in OVERLEG_VELDEN}
    with transaction.atomic():
        if overleg is None:
            sleutel = {
                "provincie": provincie,
                "soort": waarden.pop("soort"),
                "datum": waarden.pop("datum"),
            }
            bestaand = Overleg.objects.filter(**sleutel).first()
            if bestaand is not None and alleen_nieuw:
                raise ValidationError(
                    {"datum": "Er is al een overleg van deze soort op die datum."}
                )
            if bestaand is None:
                nieuw = Overleg(**sleutel, **waarden)
                nieuw.full_clean()
                nieuw.save()
                registreer(
                    door=door,
                    actie="aangemaakt",
                    obj=nieuw,
                    wijzigingen=verschillen(
                        None, _momentopname(nieuw, ["soort", "datum", *waarden])
                    ),
                )
                return nieuw
            overleg = bestaand
        else:
            # The stored meeting, not the caller's instance: a ModelForm has already put the
            # new values on that one, and nothing would seem to change.
            overleg = Overleg.objects.select_for_update().get(pk=overleg.pk)
            if overleg.provincie_id != provincie.pk:
                raise PermissionDenied("Dit overleg hoort bij een andere provincie.")
        oud = _momentopname(overleg, list(waarden))
        for veld, waarde in waarden.items():
            setattr(overleg, veld, waarde)
        diff = verschillen(oud, _momentopname(overleg, list(waarden)))
        if diff:
            overleg.full_clean(validate_unique=False)
            if (
                Overleg.objects.filter(
                    provincie=provincie, soort=overleg.soort, datum=overleg.datum
                )
                .exclude(pk=overleg.pk)
                .exists()
            ):
                raise ValidationError(
                    {"datum": "Er is al een overleg van deze soort op die datum."}
                )
            overleg.save()
            registreer(door=door, actie="gewijzigd", obj=overleg, wijzigingen=diff)
        return overleg


def voeg_overleg_toe_als_ontbreekt(
    *, door: Any, provincie: Provincie, waarden: dict[str, Any]
) -> Overleg | None:
    """The demo's way in: create the meeting unless the provincie has one of that soort on that
    date; then None, and nothing is written (that meeting and all in it stay as they are)."""
    _controleer(door, provincie)
    with transaction.atomic():
        if Overleg.objects.filter(
            provincie=provincie, soort=waarden["soort"], datum=waarden["datum"]
        ).exists():
            return None
        return bewaar_overleg(door=door, provincie=provincie, waarden=waarden, alleen_nieuw=True)


def stem_in(*, door: Any, overleg: Overleg) -> Overleg:
    """``overleg`` approves the actie- en besluitenlijst of the meeting before it ("Ingestemd").

    Returns the approved meeting. Raises ValidationError when there is no earlier meeting or
    when its list was already approved by another meeting.
    """
    _controleer(door, overleg.provincie)
    with transaction.atomic():
        vorig = vorig_overleg(overleg)
        if vorig is None:
            raise ValidationError(
                "Er is geen eerder overleg waarvan de lijst kan worden vastgesteld."
            )
        vorig = Overleg.objects.select_for_update().get(pk=vorig.pk)
        if vorig.vastgesteld_in_id == overleg.pk:
            return vorig
        if vorig.vastgesteld_in_id is not None:
            raise ValidationError("De lijst van het vorige overleg is al vastgesteld.")
        vorig.vastgesteld_in = overleg
        vorig.save(update_fields=["vastgesteld_in"])
        registreer(
            door=door,
            actie="ingestemd",
            obj=vorig,
            wijzigingen={"vastgesteld_in": [None, str(overleg)]},
        )
        return vorig


def trek_instemming_in(*, door: Any, overleg: Overleg) -> None:
    """Undo an approval by mistake: the list of ``overleg`` is CONCEPT again."""
    _controleer(door, overleg.provincie)
    with transaction.atomic():
        if overleg.vastgesteld_in_id is None:
            return
        oud = str(overleg.vastgesteld_in)
        overleg.vastgesteld_in = None
        overleg.save(update_fields=["vastgesteld_in"])
        registreer(
            door=door,
            actie="instemming ingetrokken",
            obj=overleg,
            wijzigingen={"vastgesteld_in": [oud, None]},
        )


# ------------------------------------------------------------------ agenda items


def bewaar_agendapunt(
    *,
    door: Any,
    overleg: Overleg,
    waarden: dict[str, Any],
    punt: Agendapunt | None = None,
    alleen_nieuw: bool = False,
) -> Agendapunt:
    """Create an item (``punt`` None; unique by number and letter within the meeting) or change
    one. Without ``punt`` an existing item with that number is updated, unless ``alleen_nieuw``."""
    _controleer(door, overleg.provincie)
    waarden = {k: v for k, v in waarden.items() if k in AGENDAPUNT_VELDEN}
    if "letter" in waarden:
        waarden["letter"] = (waarden["letter"] or "").strip().lower()
    with transaction.atomic():
        if punt is not None and punt.overleg_id != overleg.pk:
            raise PermissionDenied("Dit agendapunt hoort bij een ander overleg.")
        nummer = waarden.get("nummer", punt.nummer if punt else None)
        letter = waarden.get("letter", punt.letter if punt else "")
        if nummer is None:
            raise ValidationError({"nummer": "Geef het nummer van het agendapunt."})
        dubbel = Agendapunt.objects.filter(overleg=overleg, nummer=nummer, letter=letter)
        if punt is not None:
            dubbel = dubbel.exclude(pk=punt.pk)
        if punt is None and dubbel.exists() and not alleen_nieuw:
            bestaand = dubbel.get()
            return _wijzig_punt(door, bestaand, waarden)
        if dubbel.exists():
            raise ValidationError({"nummer": f"Er is al een agendapunt {nummer}{letter}."})
        if punt is None:
            punt = Agendapunt(overleg=overleg, volgorde=volgorde(nummer, letter), **waarden)
            punt.full_clean()
            punt.save()
            registreer(
                door=door,
                actie="aangemaakt",
                obj=punt,
                wijzigingen=verschillen(None, momentopname(punt, list(waarden))),
            )
            return punt
        return _wijzig_punt(door, punt, waarden)


def _wijzig_punt(door: Any, punt: Agendapunt, waarden: dict[str, Any]) -> Agendapunt:
    punt = Agendapunt.objects.select_for_update().get(pk=punt.pk)  # the stored one
    oud = momentopname(punt, list(waarden))
    for veld, waarde in waarden.items():
        setattr(punt, veld, waarde)
    punt.volgorde = volgorde(punt.nummer, punt.letter)
    diff = verschillen(oud, momentopname(punt, list(waarden)))
    if diff:
        punt.full_clean()
        punt.save()
        registreer(door=door, actie="gewijzigd", obj=punt, wijzigingen=diff)
    return punt


def verwijder_agendapunt(*, door: Any, punt: Agendapunt) -> None:
    """Remove an item without actions (an agreed action is history, it stays)."""
    _controleer(door, punt.overleg.provincie)
    with transaction.atomic():
        if punt.acties.exists():
            raise ValidationError("Dit agendapunt heeft acties; verwijder het niet.")
        registreer(
            door=door,
            actie="verwijderd",
            obj=punt,
            wijzigingen=verschillen(momentopname(punt, AGENDAPUNT_VELDEN), {}),
        )
        punt.delete()


# ------------------------------------------------------------------ attachments


def voeg_bijlage_toe(
    *,
    door: Any,
    punt: Agendapunt,
    bestandsnaam: str,
    data: bytes,
    titel: str = "",
    persoonsgegevens: bool = False,
) -> Bijlage:
    """Store an uploaded file with the item (overleg/<sha256>.<ext>); the same file
    twice on one item is stored once."""
    _controleer(door, punt.overleg.provincie)
    ext = opslag.extensie(bestandsnaam)
    if ext not in opslag.EXTENSIES:
        toegestaan = ", ".join(sorted(opslag.EXTENSIES))
        raise ValidationError(
            {"bestand": f"Bestanden van dit soort worden niet bewaard (toegestaan: {toegestaan})."}
        )
    if not data:
        raise ValidationError({"bestand": "Het bestand is leeg."})
    if len(data) > opslag.MAX_GROOTTE:
        raise ValidationError({"bestand": "Het bestand is groter dan 25 MB."})
    som = opslag.checksum(data)
    with transaction.atomic():
        bestaand = Bijlage.objects.filter(agendapunt=punt, checksum=som).first()
        if bestaand is not None:
            return bestaand
        opslag.bewaar(data, ext)
        bijlage = Bijlage.objects.create(
            agendapunt=punt,
            soort=BijlageSoort.UPLOAD,
            titel=(titel or bestandsnaam)[:300],
            bestandsnaam=bestandsnaam[-200:],
            checksum=som,
            grootte=len(data),
            tekst=tekst_van(data, ext),
            persoonsgegevens=persoonsgegevens,
        )
        registreer(
            door=door,
            actie="bijlage toegevoegd",
            obj=bijlage,
            wijzigingen=verschillen(
                None, momentopname(bijlage, ("agendapunt", "titel", "bestandsnaam", "grootte"))
            ),
            bron=bestandsnaam,
            checksum=som,
        )
        return bijlage


def controleer_stand_van_zaken(*, door: Any, punt: Agendapunt, peildatum: dt.date) -> None:
    """The quick checks of ``voeg_stand_van_zaken_toe`` before a job makes the report: the
    user may write this meeting, and the provincie has figures on ``peildatum``."""
    from regietafel.core import opmaak

    provincie = punt.overleg.provincie
    _controleer(door, provincie)
    maker = rapporten.stand_van_zaken()
    if maker.heeft_cijfers is not None and not maker.heeft_cijfers(provincie, peildatum):
        raise ValidationError(
            {
                "peildatum": f"Voor {provincie} zijn geen cijfers opgeslagen met peildatum "
                f"{opmaak.datum(peildatum)}."
            }
        )


def voeg_stand_van_zaken_toe(*, door: Any, punt: Agendapunt, peildatum: dt.date) -> Bijlage:
    """Generate the Stand van zaken of the meeting's provincie on ``peildatum`` as PDF (the
    ``rapport`` CLI's code, registered by rapportage in core.rapporten) and store it with the
    item, so it does not change later.

    Raises ValidationError (Dutch) when there are no figures for that peildatum.
    """
    from regietafel.core import opmaak

    provincie = punt.overleg.provincie
    _controleer(door, provincie)
    bestaand = Bijlage.objects.filter(
        agendapunt=punt, soort=BijlageSoort.STAND_VAN_ZAKEN, peildatum=peildatum
    ).first()
    if bestaand is not None:
        return bestaand
    # Another item of the same meeting may already hold this report: reuse its file.
    zelfde = Bijlage.objects.filter(
        agendapunt__overleg=punt.overleg,
        soort=BijlageSoort.STAND_VAN_ZAKEN,
        peildatum=peildatum,
        verwijderd_op__isnull=True,
    ).first()
    if zelfde is not None and opslag.lees(zelfde.checksum, "pdf") is not None:
        data = None
        som, grootte, tekst = zelfde.checksum, zelfde.grootte, zelfde.tekst
    else:
        maker = rapporten.stand_van_zaken()
        try:
            document = maker.document(provincie, peildatum)
        except rapporten.GeenGegevens as exc:
            raise ValidationError({"peildatum": str(exc)}) from exc
        data = maker.pdf(document)
        som, grootte, tekst = opslag.checksum(data), len(data), tekst_van(data, "pdf")
    with transaction.atomic():
        if data is not None:
            opslag.bewaar(data, "pdf")
        bijlage = Bijlage.objects.create(
            agendapunt=punt,
            soort=BijlageSoort.STAND_VAN_ZAKEN,
            titel=f"{stand_titel(provincie)} (peildatum {opmaak.datum(peildatum)})",
            bestandsnaam=f"stand-van-zaken-{provincie.naam.lower()}-{peildatum:%Y-%m-%d}.pdf",
            checksum=som,
            grootte=grootte,
            peildatum=peildatum,
            tekst=tekst,
        )
        registreer(
            door=door,
            actie="rapport toegevoegd",
            obj=bijlage,
            wijzigingen=verschillen(
                None, momentopname(bijlage, ("agendapunt", "titel", "peildatum"))
            ),
            bron="rapportage stand-van-zaken",
            checksum=som,
        )
        return bijlage


def verwijder_bijlage(*, door: Any, bijlage: Bijlage) -> None:
    _controleer(door, bijlage.agendapunt.overleg.provincie)
    with transaction.atomic():
        som, ext = bijlage.checksum, bijlage.extensie
        registreer(
            door=door,
            actie="bijlage verwijderd",
            obj=bijlage,
            wijzigingen={"titel": [bijlage.titel, None]},
            checksum=som,
        )
        bijlage.delete()
        in_gebruik = (
            Bijlage.objects.filter(checksum=som).exists()
            or Brief.objects.filter(checksum=som).exists()
        )
        if not in_gebruik:
            transaction.on_commit(lambda: opslag.verwijder(som, ext))


# ------------------------------------------------------------------ the list


def bewaar_besluit(*, door: Any, punt: Agendapunt, tekst: str) -> Besluit:
    _controleer(door, punt.overleg.provincie)
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError({"tekst": "Geef het besluit."})
    with transaction.atomic():
        besluit, _ = bewaar(
            Besluit, door=door, sleutel={"agendapunt": punt, "tekst": tekst}, waarden={}
        )
        return besluit


def verwijder_besluit(*, door: Any, besluit: Besluit) -> None:
    _controleer(door, besluit.agendapunt.overleg.provincie)
    with transaction.atomic():
        registreer(
            door=door, actie="verwijderd", obj=besluit, wijzigingen={"tekst": [besluit.tekst, None]}
        )
        besluit.delete()


def bewaar_actie(
    *,
    door: Any,
    punt: Agendapunt,
    waarden: dict[str, Any],
    actie: Actie | None = None,
) -> Actie:
    """Agree an action at ``punt`` (unique by its description there) or change one."""
    _controleer(door, punt.overleg.provincie)
    waarden = {k: v for k, v in waarden.items() if k in ACTIE_VELDEN}
    if not (waarden.get("omschrijving") or (actie and actie.omschrijving)):
        raise ValidationError({"omschrijving": "Beschrijf de actie."})
    with transaction.atomic():
        if actie is None:
            omschrijving = waarden.pop("omschrijving").strip()
            obj, _ = bewaar(
                Actie,
                door=door,
                sleutel={"agendapunt": punt, "omschrijving": omschrijving},
                waarden=waarden,
            )
            return obj
        if actie.agendapunt_id != punt.pk:
            raise PermissionDenied("Deze actie hoort bij een ander agendapunt.")
        oud = momentopname(actie, list(waarden))
        for veld, waarde in waarden.items():
            setattr(actie, veld, waarde)
        diff = verschillen(oud, momentopname(actie, list(waarden)))
        if diff:
            actie.full_clean()
            actie.save()
            registreer(door=door, actie="gewijzigd", obj=actie, wijzigingen=diff)
        return actie


def zet_actie_status(
    *, door: Any, actie: Actie, status: str, overleg: Overleg | None = None
) -> Actie:
    """Close or reopen an action. Closed "in" ``overleg`` (the meeting whose list shows it as
    afgerond last); without one, the latest meeting of the chain up to today."""
    oorsprong = actie.agendapunt.overleg
    _controleer(door, oorsprong.provincie)
    if status not in ActieStatus.values:
        raise ValidationError({"status": "Onbekende status."})
    with transaction.atomic():
        actie = Actie.objects.select_for_update().get(pk=actie.pk)
        if status == actie.status:
            return actie
        oud = momentopname(actie, ("status", "afgerond_in"))
        if status == ActieStatus.AFGEROND:
            if overleg is None:
                overleg = (
                    Overleg.objects.filter(
                        provincie_id=oorsprong.provincie_id,
                        soort=oorsprong.soort,
                        datum__gte=oorsprong.datum,
                        datum__lte=klok.vandaag(),
                    )
                    .order_by("-datum")
                    .first()
                ) or oorsprong
            if overleg.provincie_id != oorsprong.provincie_id or overleg.datum < oorsprong.datum:
                raise ValidationError(
                    "Een actie wordt afgerond in een overleg op of na het overleg waarin zij is afgesproken."
                )
            actie.afgerond_in = overleg
        else:
            actie.afgerond_in = None
        actie.status = status
        actie.save(update_fields=["status", "afgerond_in"])
        registreer(
            door=door,
            actie="status gewijzigd",
            obj=actie,
            wijzigingen=verschillen(oud, momentopname(actie, ("status", "afgerond_in"))),
        )
        return actie


# ------------------------------------------------------------------ letters


def bewaar_brief(
    *,
    door: Any,
    provincie: Provincie,
    waarden: dict[str, Any],
    agendapunten: Iterable[Agendapunt] | None = None,
    bestand: tuple[str, bytes] | None = None,
    brief: Brief | None = None,
    alleen_als_ontbreekt: bool = False,
) -> Brief:
    """Register a letter (unique by afzender, date and subject) or change one; link agenda items
    of the same provincie; keep an attachment like the meetings' files. With
    ``alleen_als_ontbreekt`` (the demo) a registered letter with that key is returned as it
    is, its agenda items included: only a missing letter is added."""
    _controleer(door, provincie)
    waarden = {k: v for k, v in waarden.items() if k in BRIEF_VELDEN}
    punten = list(agendapunten) if agendapunten is not None else None
    if punten and any(p.overleg.provincie_id != provincie.pk for p in punten):
        raise PermissionDenied("Een agendapunt van een andere provincie.")
    extra: dict[str, Any] = {}
    if bestand is not None:
        naam, data = bestand
        ext = opslag.extensie(naam)
        if ext not in opslag.EXTENSIES:
            raise ValidationError({"bestand": "Bestanden van dit soort worden niet bewaard."})
        if len(data) > opslag.MAX_GROOTTE:
            raise ValidationError({"bestand": "Het bestand is groter dan 25 MB."})
        extra = {
            "bestandsnaam": naam[-200:],
            "checksum": opslag.checksum(data),
            "bestand_tekst": tekst_van(data, ext),
            "verwijderd_op": None,
        }
    with transaction.atomic():
        if brief is None and alleen_als_ontbreekt:
            bestaand = Brief.objects.filter(
                provincie=provincie,
                afzender=waarden["afzender"],
                ontvangen=waarden["ontvangen"],
                onderwerp=waarden["onderwerp"],
            ).first()
            if bestaand is not None:
                return bestaand
        if bestand is not None:
            opslag.bewaar(bestand[1], opslag.extensie(bestand[0]))
        if brief is None:
            sleutel = {
                "provincie": provincie,
                "afzender": waarden.pop("afzender"),
                "ontvangen": waarden.pop("ontvangen"),
                "onderwerp": waarden.pop("onderwerp"),
            }
            brief, _ = bewaar(Brief, door=door, sleutel=sleutel, waarden={**waarden, **extra})
            if brief.geregistreerd_door_id is None and getattr(door, "pk", None):
                Brief.objects.filter(pk=brief.pk).update(geregistreerd_door=door)
        else:
            brief = Brief.objects.select_for_update().get(pk=brief.pk)  # the stored one
            if brief.provincie_id != provincie.pk:
                raise PermissionDenied("Deze brief hoort bij een andere provincie.")
            alles = {**waarden, **extra}
            oud = momentopname(brief, list(alles))
            for veld, waarde in alles.items():
                setattr(brief, veld, waarde)
            diff = verschillen(oud, momentopname(brief, list(alles)))
            if diff:
                brief.full_clean()
                brief.save()
                registreer(door=door, actie="gewijzigd", obj=brief, wijzigingen=diff)
        if punten is not None:
            oud_ids = sorted(brief.agendapunten.values_list("pk", flat=True))
            nieuw_ids = sorted(p.pk for p in punten)
            if oud_ids != nieuw_ids:
                brief.agendapunten.set(punten)
                registreer(
                    door=door,
                    actie="agendapunten gekoppeld",
                    obj=brief,
                    wijzigingen={"agendapunten": [oud_ids, nieuw_ids]},
                )
        return brief


# ------------------------------------------------------------------ retention (issue 7.7)


def schoon_op(*, door: Any, opschoning: Opschoning, vandaag: dt.date | None = None) -> int:
    """Remove what ``te_schonen`` found, one audit entry per record; files are deleted after
    the commit when no other record refers to them. Returns the number of records changed."""
    vandaag = vandaag or klok.vandaag()
    bron = f"bewaartermijn overleg ({bewaartermijn_dagen()} dagen)"
    te_verwijderen: list[tuple[str, str]] = []
    with transaction.atomic():
        for punt in opschoning.aantekeningen:
            Agendapunt.objects.filter(pk=punt.pk).update(persoonlijke_aantekeningen="")
            registreer(
                door=door,
                actie="opgeschoond",
                obj=punt,
                wijzigingen={"persoonlijke_aantekeningen": ["(verwijderd)", ""]},
                bron=bron,
            )
        for bijlage in opschoning.bijlagen:
            Bijlage.objects.filter(pk=bijlage.pk).update(verwijderd_op=vandaag, tekst="")
            te_verwijderen.append((bijlage.checksum, bijlage.extensie))
            registreer(
                door=door,
                actie="opgeschoond",
                obj=bijlage,
                wijzigingen={"bestand": [bijlage.bestandsnaam, None]},
                bron=bron,
                checksum=bijlage.checksum,
            )
        for brief in opschoning.brieven:
            Brief.objects.filter(pk=brief.pk).update(
                verwijderd_op=vandaag, tekst="", bestand_tekst=""
            )
            if brief.checksum:
                te_verwijderen.append((brief.checksum, opslag.extensie(brief.bestandsnaam)))
            registreer(
                door=door,
                actie="opgeschoond",
                obj=brief,
                wijzigingen={"tekst en bijlage": [brief.bestandsnaam or "(tekst)", None]},
                bron=bron,
                checksum=brief.checksum,
            )

        def _bestanden() -> None:
            for som, ext in te_verwijderen:
                nog = (
                    Bijlage.objects.filter(checksum=som, verwijderd_op__isnull=True).exists()
                    or Brief.objects.filter(checksum=som, verwijderd_op__isnull=True).exists()
                )
                if not nog:
                    opslag.verwijder(som, ext)

        transaction.on_commit(_bestanden)
    return opschoning.aantal
