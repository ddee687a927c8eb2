"""The tables of the overleg pages as ``core.tabel.Tabel``: the page shows the rows, the
"Excel" link downloads the same object (``core.xlsx``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.urls import reverse

from regietafel.core import opmaak
from regietafel.core.tabel import Html, Kolom, Lijst, Link, Noot, Tabel, Waarde
from regietafel.overleg.models import Actie, Brief


def acties_tabel(acties: Iterable[Actie], *, titel: str, bijschrift: str = "") -> Tabel:
    rijen = tuple(
        (
            a.omschrijving,
            a.door_wie,
            a.deadline,
            a.get_status_display(),
            a.agendapunt.overleg.datum,
            f"{a.agendapunt.nummer}{a.agendapunt.letter} {a.agendapunt.titel}",
            a.afgerond_in.datum if a.afgerond_in else None,
        )
        for a in acties
    )
    return Tabel(
        sleutel="acties",
        titel=titel,
        bijschrift=bijschrift,
        kolommen=(
            Kolom("Actie", soort="tekst", breedte=50),
            Kolom("Door wie", soort="tekst", breedte=20),
            Kolom("Deadline", soort="datum"),
            Kolom("Status", soort="tekst", breedte=10),
            Kolom("Afgesproken in PRT", soort="datum", breedte=14),
            Kolom("Agendapunt", soort="tekst", breedte=40),
            Kolom("Afgerond in PRT", soort="datum", breedte=14),
        ),
        rijen=rijen,
        breed=True,
    )


def acties_pagina_tabel(
    acties: Sequence[Actie], *, verlopen: set[int], schrijven: bool, request: Any
) -> Tabel:
    """The actions page: per action its deadline ("verlopen" when past), its status with an
    Afronden/Heropenen form for a writer, and a link to the agendapunt it came from."""

    def deadline(a: Actie) -> Waarde:
        if a.deadline and a.pk in verlopen:
            return Html.opmaak(
                '{} <strong class="verschil--tekort">verlopen</strong>',
                opmaak.datum(a.deadline),
                tekst=f"{opmaak.datum(a.deadline)} verlopen",
            )
        return a.deadline

    def punt(a: Actie) -> Link:
        p = a.agendapunt
        return Link(
            f"PRT {opmaak.datum(p.overleg.datum)}, punt {p.nummer}{p.letter}",
            f"{reverse('overleg:overleg', args=[p.overleg_id])}#punt-{a.agendapunt_id}",
        )

    return Tabel(
        sleutel="acties",
        titel="Alle acties uit de actie- en besluitenlijsten; open acties bovenaan",
        bijschrift="",
        kolommen=(
            Kolom("Actie", "tekst"),
            Kolom("Door wie", "tekst"),
            Kolom("Deadline", "datum"),
            Kolom("Status", "tekst"),
            Kolom("Afgesproken in", "tekst"),
            Kolom("Afgerond in", "tekst"),
        ),
        rijen=tuple(
            (
                a.omschrijving,
                a.door_wie,
                deadline(a),
                Html.sjabloon(
                    "overleg/_actie_status.html",
                    {"a": a, "schrijven": schrijven},
                    request=request,
                    tekst=a.get_status_display(),
                ),
                punt(a),
                f"PRT {opmaak.datum(a.afgerond_in.datum)}" if a.afgerond_in else "",
            )
            for a in acties
        ),
        rijkop=False,
        rij_ids=tuple(f"actie-{a.pk}" for a in acties),
    )


def meegenomen_pagina_tabel(lijst: Any, *, overleg: Any, schrijven: bool, request: Any) -> Tabel:
    """The open actions of earlier meetings on the overleg's page, each with its
    Afronden/Heropenen form for a writer."""
    return Tabel(
        sleutel="meegenomen",
        titel="Open acties (of in dit overleg afgerond) uit eerdere overleggen",
        bijschrift="",
        kolommen=(
            Kolom("Actie", "tekst"),
            Kolom("Door wie?", "tekst"),
            Kolom("Deadline", "datum"),
            Kolom("Afgesproken", "tekst"),
            Kolom("Status", "tekst"),
        ),
        rijen=tuple(
            (
                a.actie.omschrijving,
                a.actie.door_wie,
                a.actie.deadline,
                Link(
                    f"PRT {opmaak.datum(a.actie.agendapunt.overleg.datum)}",
                    reverse("overleg:overleg", args=[a.actie.agendapunt.overleg_id]),
                ),
                Html.sjabloon(
                    "overleg/_meegenomen_status.html",
                    {"a": a, "overleg": overleg, "schrijven": schrijven},
                    request=request,
                    tekst=a.status_tekst,
                ),
            )
            for a in lijst.meegenomen
        ),
        rijkop=False,
        rij_ids=tuple(f"actie-{a.actie.pk}" for a in lijst.meegenomen),
    )


def brieven_tabel(brieven: Iterable[Brief], *, titel: str) -> Tabel:
    rijen = tuple(
        (
            b.ontvangen,
            b.afzender,
            b.onderwerp,
            b.get_soort_display(),
            b.bestandsnaam or "",
            "; ".join(
                f"PRT {opmaak.datum(p.overleg.datum)} punt {p.nummer}{p.letter}"
                for p in b.agendapunten.all()
            ),
            b.opvolging,
            b.get_opvolging_status_display(),
            b.opvolging_deadline,
        )
        for b in brieven
    )
    return Tabel(
        sleutel="brieven",
        titel=titel,
        bijschrift="Register van inkomende brieven en verzoeken, laatst ontvangen bovenaan.",
        kolommen=(
            Kolom("Ontvangen", soort="datum"),
            Kolom("Afzender", soort="tekst", breedte=30),
            Kolom("Onderwerp", soort="tekst", breedte=40),
            Kolom("Soort", soort="tekst", breedte=10),
            Kolom("Bijlage", soort="tekst", breedte=20),
            Kolom("Agendapunten", soort="tekst", breedte=30),
            Kolom("Opvolging", soort="tekst", breedte=40),
            Kolom("Status opvolging", soort="tekst", breedte=14),
            Kolom("Deadline opvolging", soort="datum", breedte=14),
        ),
        rijen=rijen,
        breed=True,
    )


def overleggen_tabel(overleggen: Iterable[Any], *, titel: str) -> Tabel:
    return Tabel(
        sleutel="overleggen",
        titel=titel,
        bijschrift="Overleggen van de PRT, laatste bovenaan.",
        kolommen=(
            Kolom("Datum", soort="datum"),
            Kolom("Soort", soort="tekst", breedte=16),
            Kolom("Begintijd", soort="tekst", breedte=10),
            Kolom("Eindtijd", soort="tekst", breedte=10),
            Kolom("Locatie", soort="tekst", breedte=40),
            Kolom("Online", soort="tekst", breedte=8),
            Kolom("Actie- en besluitenlijst", soort="tekst", breedte=22),
        ),
        rijen=tuple(
            (
                o.datum,
                o.get_soort_display(),
                opmaak.tijd(o.begintijd),
                opmaak.tijd(o.eindtijd),
                o.locatie,
                "ja" if o.online else "nee",
                o.lijststatus.kort,
            )
            for o in sorted(overleggen, key=lambda o: o.datum, reverse=True)
        ),
        breed=True,
    )


def _tijd(o: Any) -> str:
    """ "10.00 – 12.00 uur"; nothing without a begintijd."""
    if not o.begintijd:
        return ""
    eind = f" – {opmaak.tijd(o.eindtijd)}" if o.eindtijd else ""
    return f"{opmaak.tijd(o.begintijd)}{eind} uur"


def _locatie(o: Any) -> str:
    return " en ".join(d for d in (o.locatie, "online" if o.online else "") if d)


def _lijststatus(o: Any) -> Waarde:
    """The list's status; a CONCEPT list stands out (``overleg-concept``)."""
    s = o.lijststatus
    return Noot(s.kort, "", klasse="overleg-concept") if s.concept else s.kort


def overleggen_pagina_tabel(overleggen: Iterable[Any], *, sleutel: str, titel: str) -> Tabel:
    """The overleggen page's table (komend or voorbij): each date links to its overleg."""
    return Tabel(
        sleutel=sleutel,
        titel=titel,
        bijschrift="",
        kolommen=(
            Kolom("Datum", "tekst"),
            Kolom("Soort", "tekst"),
            Kolom("Tijd", "tekst"),
            Kolom("Locatie", "tekst"),
            Kolom("Actie- en besluitenlijst", "tekst"),
        ),
        rijen=tuple(
            (
                Link(opmaak.datum(o.datum), reverse("overleg:overleg", args=[o.pk])),
                o.get_soort_display(),
                _tijd(o),
                _locatie(o),
                _lijststatus(o),
            )
            for o in overleggen
        ),
    )


def _status(waarde: str, label: str) -> Noot:
    """A status in its colour (``overleg-actiestatus--<status>``)."""
    return Noot(label, "", klasse=f"overleg-actiestatus overleg-actiestatus--{waarde}")


def brieven_pagina_tabel(brieven: Iterable[Brief]) -> Tabel:
    """The register on the page: the subject links to the letter, each agendapunt to its
    overleg; the opvolging with its status, deadline and (shortened) text."""

    def punt(p: Any) -> Link:
        return Link(
            f"PRT {opmaak.datum(p.overleg.datum)}, punt {p.nummer}{p.letter}",
            f"{reverse('overleg:overleg', args=[p.overleg_id])}#punt-{p.pk}",
        )

    def opvolging(b: Brief) -> Noot:
        status = b.get_opvolging_status_display()
        if b.opvolging_deadline:
            status += f", deadline {opmaak.datum(b.opvolging_deadline)}"
        tekst = b.opvolging if len(b.opvolging) <= 120 else f"{b.opvolging[:119]}…"
        klasse = f"overleg-actiestatus overleg-actiestatus--{b.opvolging_status}"
        return Noot(status, tekst, klasse=klasse)

    return Tabel(
        sleutel="brieven",
        titel="Register van inkomende brieven en verzoeken, laatst ontvangen bovenaan",
        bijschrift="",
        kolommen=(
            Kolom("Onderwerp", "tekst"),
            Kolom("Ontvangen", "datum"),
            Kolom("Afzender", "tekst"),
            Kolom("Soort", "tekst"),
            Kolom("Agendapunten", "tekst"),
            Kolom("Opvolging", "tekst"),
        ),
        rijen=tuple(
            (
                Link(b.onderwerp, reverse("overleg:brief", args=[b.pk])),
                b.ontvangen,
                b.afzender,
                b.get_soort_display(),
                Lijst(tuple(punt(p) for p in b.agendapunten.all())),
                opvolging(b),
            )
            for b in brieven
        ),
    )


def _bijlage(b: Any, persoonlijk: bool) -> str | Link:
    if b.verwijderd_op:
        return f"{b.titel} (verwijderd {opmaak.datum(b.verwijderd_op)})"
    if b.persoonsgegevens and not persoonlijk:
        return f"{b.titel} (bevat persoonsgegevens)"
    return Link(b.titel, reverse("overleg:bijlage", args=[b.pk]))


def _afzender(tekst: str) -> str:
    return tekst if len(tekst) <= 40 else f"{tekst[:39]}…"


def agendapunten_tabel(
    punten: Sequence[Any], *, vorig: Any, persoonlijk: bool, schrijven: bool
) -> Tabel:
    """An overleg's agenda on its page: per punt the doel and the bijlagen (the previous
    list, uploads, letters), each row an anchor ("punt-<pk>") for links from elsewhere."""
    rijen: list[tuple[Waarde, ...]] = []
    for p in punten:
        nummer = f"{p.nummer}{p.letter}"
        noot = " ".join(
            d
            for d in (p.toelichting, f"Presentator: {p.presentator}" if p.presentator else "")
            if d
        )
        klasse = "overleg-sub__titel" if p.letter else ""
        titel: Waarde = Noot(p.titel, noot, klasse=klasse) if noot or klasse else p.titel
        bijlagen: list[str | Link] = []
        if p.vaststelling_vorige_lijst and vorig:
            bijlagen.append(
                Link(
                    f"Actie- en besluitenlijst {opmaak.datum_lang(vorig.datum)} (PDF)",
                    reverse("overleg:actielijst", args=[vorig.pk, "pdf"]),
                )
            )
        bijlagen += [_bijlage(b, persoonlijk) for b in p.bijlagen.all()]
        bijlagen += [
            Link(
                f"{br.get_soort_display()} {_afzender(br.afzender)}, ontvangen "
                f"{opmaak.datum(br.ontvangen)}",
                reverse("overleg:brief", args=[br.pk]),
            )
            for br in p.brieven.all()
        ]
        rij: tuple[Waarde, ...] = (
            nummer,
            titel,
            p.get_doel_display(),
            Lijst(tuple(bijlagen), klasse="overleg-bijlagen", leeg=""),
        )
        if schrijven:
            bewerk = Link(
                "Bewerken", reverse("overleg:punt", args=[p.pk]), uitleg=f"agendapunt {nummer}"
            )
            rij = (*rij, bewerk)
        rijen.append(rij)
    kolommen = (
        Kolom("Nr.", "tekst"),
        Kolom("Agendapunt", "tekst"),
        Kolom("Doel", "tekst"),
        Kolom("Bijlagen", "tekst"),
    )
    return Tabel(
        sleutel="agenda",
        titel="Agendapunten met doel en bijlagen",
        bijschrift="",
        kolommen=(*kolommen, Kolom("Bewerken", "tekst")) if schrijven else kolommen,
        rijen=tuple(rijen),
        klasse="overleg-agenda",
        rij_ids=tuple(f"punt-{p.pk}" for p in punten),
        rijklassen=tuple("overleg-sub" if p.letter else "" for p in punten),
    )


def agenda_tabel(agenda: Any) -> Tabel:
    return Tabel(
        sleutel="agenda",
        titel=f"Agenda {agenda.titel} {agenda.datum}",
        bijschrift=agenda.voetnoot,
        kolommen=(
            Kolom("Nr.", soort="tekst", breedte=6),
            Kolom("Agendapunt", soort="tekst", breedte=60),
            Kolom("Doel", soort="tekst", breedte=24),
            Kolom("Bijlage", soort="tekst", breedte=10),
        ),
        rijen=tuple((r.nummer, r.titel, r.doel, r.bijlage) for r in agenda.rijen),
        breed=True,
    )
