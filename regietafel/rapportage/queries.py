"""Read side of the reports: the figures of the provinciaal verslag of a cyclus (``verslag``
for a cyclus without a set-up, the first; ``cyclus_verslag`` for one with a set-up), the latest
text version, the house style, and the lookups the CLI and the views share (Dutch errors)."""

from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, QuerySet

from regietafel.core import opmaak
from regietafel.core.rapporten import GeenGegevens
from regietafel.cyclus.models import AanbodRegel, CyclusOpzet
from regietafel.cyclus.queries import PuzzelPagina, puzzel_van
from regietafel.domain.aanbod import Beoordeling, Categorie
from regietafel.domain.bonus import (
    BonusGemeente,
    BonusOverzicht,
    Bonusregeling,
    bonus_aanspraken,
    duurzaam,
)
from regietafel.domain.invulling import InvullingTotaal, invulling
from regietafel.domain.laatst_bekend import laatst_bekend
from regietafel.domain.validatie import Bevinding, Ernst, controleer_som
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.locaties.models import Locatie, LocatieStatus, LocatieType
from regietafel.monitoring.queries import (
    StandVanZaken,
    cyclus_voor,
    realisatie_cijfers,
    stand_van_zaken,
)
from regietafel.opgaven.controles import bron_bevindingen
from regietafel.opgaven.models import (
    Cyclus,
    CyclusSoort,
    Opgave,
    ProvincieOpgave,
    Soort,
    Stadium,
)
from regietafel.rapportage.document import Huisstijl
from regietafel.rapportage.models import BonusRegeling, Rapportsoort, RapportVersie

# ---------------------------------------------------------------- lookups (CLI and views)


def zoek_provincie(naam: str) -> Provincie:
    provincie = Provincie.objects.filter(naam__iexact=naam.strip()).first()
    if provincie is None:
        bekend = ", ".join(Provincie.objects.values_list("naam", flat=True)) or "geen"
        raise GeenGegevens(f"Onbekende provincie {naam!r}. Bekende provincies: {bekend}.")
    return provincie


def controleer_peildatum(
    provincie: Provincie,
    peildatum: dt.date,
    bekend_op: dt.date | None = None,
    cyclus: int | None = None,
) -> StandVanZaken:
    """The stand on ``peildatum`` (as known on ``bekend_op``, against the opgave of the
    Spreidingswet cyclus of year ``cyclus``); an error when no figures were stored for that
    month or that cyclus does not apply on it."""
    stand = stand_van_zaken(provincie, peildatum, bekend_op, cyclus)
    if stand.peildatum not in stand.peildata:
        bekend = ", ".join(f"{d:%Y-%m-%d}" for d in stand.peildata) or "geen"
        raise GeenGegevens(
            f"Voor {provincie} zijn geen cijfers opgeslagen met peildatum "
            f"{peildatum:%Y-%m-%d}. Peildata met cijfers: {bekend}."
        )
    if stand.cyclus_keuze and stand.cyclus_keuze.melding:
        keuzes = ", ".join(str(c.jaar) for c in stand.cyclus_keuze.keuzes) or "geen"
        raise GeenGegevens(
            f"De cyclus {cyclus} is voor {provincie} op {stand.peildatum:%Y-%m-%d} niet van "
            f"toepassing. Cycli van toepassing: {keuzes}."
        )
    return stand


def spreidingswet_cycli() -> list[Cyclus]:
    return list(Cyclus.objects.filter(soort=CyclusSoort.SPREIDINGSWET).order_by("jaar"))


def verslag_cycli(provincie: Provincie) -> tuple[list[Cyclus], list[Cyclus]]:
    """The cycli of the Spreidingswet split in two (one query): those with opgaven of
    ``provincie``, whose verslag can be made, and those without, which are not offered."""
    cycli = Cyclus.objects.filter(soort=CyclusSoort.SPREIDINGSWET).annotate(
        met_opgaven=Exists(
            Opgave.objects.filter(cyclus=OuterRef("pk"), gemeente__provincie=provincie)
        )
    )
    met: list[Cyclus] = []
    zonder: list[Cyclus] = []
    for c in cycli.order_by("jaar"):
        (met if c.met_opgaven else zonder).append(c)
    return met, zonder


def werkt_met_aanbod(cyclus: Cyclus) -> bool:
    """A cyclus run as a workflow: it has a set-up (``cyclus.CyclusOpzet``), and its verslag is
    built from the aanbod the gemeenten handed in. The first cyclus, set up before, has none."""
    return CyclusOpzet.objects.filter(cyclus=cyclus).exists()


def zoek_cyclus(provincie: Provincie, jaar: int) -> Cyclus:
    cyclus = Cyclus.objects.filter(soort=CyclusSoort.SPREIDINGSWET, jaar=jaar).first()
    if cyclus is None:
        bekend = ", ".join(str(c.jaar) for c in spreidingswet_cycli()) or "geen"
        raise GeenGegevens(f"Onbekende cyclus {jaar}. Cycli van de Spreidingswet: {bekend}.")
    if not Opgave.objects.filter(cyclus=cyclus, gemeente__provincie=provincie).exists():
        raise GeenGegevens(
            f"Voor {provincie} zijn in de cyclus {jaar} ({cyclus.naam}) nog geen opgaven vastgelegd."
        )
    return cyclus


# ---------------------------------------------------------------- texts and house style


def versies_van(
    soort: str,
    provincie: Provincie,
    *,
    peildatum: dt.date | None = None,
    cyclus: Cyclus | None = None,
) -> QuerySet[RapportVersie]:
    """The text versions of one report, oldest first: a Stand van zaken's by its peildatum, a
    verslag's by its cyclus."""
    qs = RapportVersie.objects.filter(soort=soort, provincie=provincie)
    if soort == Rapportsoort.STAND_VAN_ZAKEN:
        qs = qs.filter(peildatum=peildatum)
    else:
        qs = qs.filter(cyclus=cyclus)
    return qs.order_by("volgnummer")


def laatste_versie(
    soort: str,
    provincie: Provincie,
    *,
    peildatum: dt.date | None = None,
    cyclus: Cyclus | None = None,
) -> RapportVersie | None:
    """The newest text version of the report, if any."""
    versies = versies_van(soort, provincie, peildatum=peildatum, cyclus=cyclus)
    return versies.select_related("aangemaakt_door").last()


def heeft_nieuwere_versie(versie: RapportVersie) -> bool:
    """Whether the same report has a version after ``versie``."""
    return RapportVersie.objects.filter(
        soort=versie.soort,
        provincie=versie.provincie,
        cyclus=versie.cyclus,
        peildatum=versie.peildatum,
        volgnummer__gt=versie.volgnummer,
    ).exists()


def versies(provincie: Provincie) -> list[RapportVersie]:
    return list(
        RapportVersie.objects.filter(provincie=provincie)
        .select_related("cyclus", "aangemaakt_door")
        .order_by("soort", "-peildatum", "cyclus__jaar", "-volgnummer")
    )


LANDELIJK_ORGANISATIE = "Provinciale regietafels asiel, landelijk"
"""The organisation of the national Stand van zaken when none is configured."""


def huisstijl(provincie: Provincie | None) -> Huisstijl:
    """The configured organisation and logo; without one "Provincie X", or for the national
    report (``provincie`` None) ``LANDELIJK_ORGANISATIE``."""
    standaard = f"Provincie {provincie.naam}" if provincie else LANDELIJK_ORGANISATIE
    organisatie = settings.REGIETAFEL_ORGANISATIE or standaard
    pad = settings.REGIETAFEL_LOGO
    if not pad:
        return Huisstijl(organisatie)
    bestand = Path(pad)
    soort = mimetypes.guess_type(bestand.name)[0] or "application/octet-stream"
    return Huisstijl(organisatie, bestand.read_bytes(), soort)


# ---------------------------------------------------------------- the provinciaal verslag


def bonus_regeling(provincie: Provincie, cyclus: Cyclus) -> BonusRegeling | None:
    """The provincie's bonus schemes of ``cyclus`` with their SPUK 3 amounts (R6), if any."""
    return (
        BonusRegeling.objects.filter(cyclus=cyclus, provincie=provincie)
        .prefetch_related("spuk3_bedragen")
        .first()
    )


def _spuk3_per_gemeente(regeling: BonusRegeling | None) -> dict[int, int]:
    return {b.gemeente_id: b.bedrag for b in regeling.spuk3_bedragen.all()} if regeling else {}


# ---------------------------------------------------------------- of the first cyclus


@dataclass(frozen=True)
class PuzzelRij:
    """One gemeente in "de PUZZEL": every task, its realisation and the offer."""

    gemeente: Gemeente
    inwoners: int | None
    oek_opgave: int
    oek_realisatie: int | None
    oek_ambitie: int
    reg_opgave: int
    reg_realisatie: int | None
    reg_aanbod: int
    amv_opgave: int
    amv_realisatie: int | None
    amv_aanbod: int


@dataclass(frozen=True)
class LocatieRij:
    locatie: Locatie
    duurzaam: bool


@dataclass(frozen=True)
class Verslag:
    """Everything the verslag of a cyclus without a set-up (the first cyclus: its offer
    recorded as opgaven and locations) shows, computed once."""

    provincie: Provincie
    cyclus: Cyclus
    oekraine_cyclus: Cyclus | None
    peildatum: dt.date
    """The verslag's date: the cyclus deadline (or its begin)."""
    realisatie_peildatum: dt.date | None
    inwoners_jaar: int | None
    rijen: tuple[PuzzelRij, ...]
    opgave_regulier: int | None
    opgave_amv: int | None
    opgave_oekraine: int | None
    invulling: InvullingTotaal
    locaties: tuple[LocatieRij, ...]
    bonus: BonusOverzicht | None
    regeling: BonusRegeling | None
    bevindingen: tuple[Bevinding, ...]

    @property
    def jaren(self) -> tuple[int, int]:
        return self.cyclus.begin.year, self.cyclus.eind.year


@dataclass(frozen=True)
class _Opgaven:
    """The opgaven of a provincie in the verslag's cycli (gemeente and provincie), by key."""

    per_gemeente: dict[tuple[int, str, str, int], int]
    provinciaal: list[ProvincieOpgave]
    """By ``geldig_vanaf``, all before the verslag's date."""

    def aantal(self, c: Cyclus | None, soort: str, stadium: str, g: Gemeente) -> int:
        return self.per_gemeente.get((c.pk, soort, stadium, g.pk), 0) if c else 0

    def _van(self, cyclus: Cyclus | None, soort: str) -> list[ProvincieOpgave]:
        return [
            p for p in self.provinciaal if cyclus and p.cyclus_id == cyclus.pk and p.soort == soort
        ]

    def laatste(self, cyclus: Cyclus | None, soort: str) -> ProvincieOpgave | None:
        kandidaten = self._van(cyclus, soort)
        return kandidaten[-1] if kandidaten else None

    def eerste(self, cyclus: Cyclus | None, soort: str) -> ProvincieOpgave | None:
        kandidaten = self._van(cyclus, soort)
        return kandidaten[0] if kandidaten else None


def _opgaven(provincie: Provincie, cycli: list[Cyclus], peildatum: dt.date) -> _Opgaven:
    return _Opgaven(
        per_gemeente={
            (c, s, st, g): n
            for c, s, st, g, n in Opgave.objects.filter(
                gemeente__provincie=provincie, cyclus__in=cycli
            ).values_list("cyclus_id", "soort", "stadium", "gemeente_id", "aantal")
        },
        provinciaal=list(
            ProvincieOpgave.objects.filter(
                provincie=provincie, cyclus__in=cycli, geldig_vanaf__lt=peildatum
            ).order_by("geldig_vanaf")
        ),
    )


def _realisaties(
    provincie: Provincie, peildatum: dt.date
) -> tuple[dt.date | None, dict[tuple[str, int], int]]:
    """Each gemeente's latest figure before the verslag's date (domain.laatst_bekend), by
    (soort, gemeente id), and the latest peildatum among them."""
    cijfers = realisatie_cijfers(provincie, tot_en_met=peildatum - dt.timedelta(days=1))
    realisatie_peildatum = max((c.peildatum for c in cijfers), default=None)
    if not realisatie_peildatum:
        return None, {}
    return realisatie_peildatum, {
        (s, g): b.aantal
        for (g, s), b in laatst_bekend(cijfers, realisatie_peildatum).items()
        if b.aantal is not None
    }


def _inwoners(provincie: Provincie, cyclus: Cyclus) -> tuple[int | None, dict[int, int]]:
    """The latest inwonertallen before the cyclus' year, by gemeente id, and their year."""
    jaar = Inwonertal.objects.filter(gemeente__provincie=provincie, jaar__lt=cyclus.jaar).aggregate(
        m=Max("jaar")
    )["m"]
    if not jaar:
        return jaar, {}
    return jaar, dict(
        Inwonertal.objects.filter(gemeente__provincie=provincie, jaar=jaar).values_list(
            "gemeente_id", "aantal"
        )
    )


def _puzzel_rijen(
    gemeenten: list[Gemeente],
    cyclus: Cyclus,
    oekraine_cyclus: Cyclus | None,
    opgaven: _Opgaven,
    inwoners: dict[int, int],
    realisaties: dict[tuple[str, int], int],
) -> tuple[PuzzelRij, ...]:
    def opgave(c: Cyclus | None, soort: str, stadium: str, g: Gemeente) -> int:
        return opgaven.aantal(c, soort, stadium, g)

    return tuple(
        PuzzelRij(
            gemeente=g,
            inwoners=inwoners.get(g.pk),
            oek_opgave=opgave(oekraine_cyclus, Soort.OEKRAINE, Stadium.INDICATIEF, g),
            oek_realisatie=realisaties.get((Soort.OEKRAINE, g.pk)),
            oek_ambitie=opgave(oekraine_cyclus, Soort.OEKRAINE, Stadium.AMBITIE, g),
            reg_opgave=opgave(cyclus, Soort.REGULIER, Stadium.INDICATIEF, g),
            reg_realisatie=realisaties.get((Soort.REGULIER, g.pk)),
            reg_aanbod=opgave(cyclus, Soort.REGULIER, Stadium.AANBOD, g),
            amv_opgave=opgave(cyclus, Soort.AMV, Stadium.INDICATIEF, g),
            amv_realisatie=realisaties.get((Soort.AMV, g.pk)),
            amv_aanbod=opgave(cyclus, Soort.AMV, Stadium.AANBOD, g),
        )
        for g in gemeenten
    )


def _locatie_rijen(
    provincie: Provincie, cyclus: Cyclus, minimale_jaren: int
) -> tuple[LocatieRij, ...]:
    """The provincie's locations that did not end (Bijlage 1), by gemeente, type and name,
    each with whether it is duurzaam for SPUK 1 (R6)."""
    volgorde = {t: i for i, t in enumerate(LocatieType.values)}
    locaties = sorted(
        Locatie.objects.filter(gemeente__provincie=provincie)
        .exclude(status=LocatieStatus.BEEINDIGD)
        .select_related("gemeente"),
        key=lambda loc: (loc.gemeente.naam, volgorde.get(loc.type, 99), loc.naam.lower()),
    )
    return tuple(
        LocatieRij(
            loc,
            loc.type == LocatieType.REGULIER
            and duurzaam(
                loc.beschikbaar_van,
                loc.beschikbaar_tot,
                onbepaalde_tijd=loc.onbepaalde_tijd,
                begin_cyclus=cyclus.begin,
                minimale_jaren=minimale_jaren,
            ),
        )
        for loc in locaties
    )


def _bonus_van_verslag(
    regeling: BonusRegeling | None,
    rijen: tuple[PuzzelRij, ...],
    locaties: tuple[LocatieRij, ...],
    gevuld: InvullingTotaal,
) -> BonusOverzicht | None:
    """R6 with the provincie's bonus schemes of the cyclus; without them: not computed."""
    if regeling is None:
        return None
    spuk3 = _spuk3_per_gemeente(regeling)
    duurzaam_per_gemeente: dict[int, int] = {}
    for lr in locaties:
        if lr.duurzaam:
            g_id = lr.locatie.gemeente_id
            duurzaam_per_gemeente[g_id] = (
                duurzaam_per_gemeente.get(g_id, 0) + lr.locatie.plaatsen_regulier
            )
    return bonus_aanspraken(
        Bonusregeling(
            spuk1_per_plek=regeling.spuk1_per_plek,
            spuk2_per_plek=regeling.spuk2_per_plek,
            spuk3_drempel=Fraction(regeling.spuk3_drempel_procent, 100),
            spuk3_provincie=regeling.spuk3_provincie,
            spuk3_budget=regeling.spuk3_budget,
            minimale_jaren=regeling.spuk1_minimale_jaren,
        ),
        [
            BonusGemeente(
                naam=r.gemeente.naam,
                indicatief_regulier=r.reg_opgave,
                indicatief_amv=r.amv_opgave,
                duurzaam_regulier=duurzaam_per_gemeente.get(r.gemeente.pk, 0),
                amv_plekken=r.amv_aanbod,
                spuk3_bedrag=spuk3.get(r.gemeente.pk, 0),
            )
            for r in rijen
        ],
        provinciale_opgave=gevuld.opgave,
        ingevuld=gevuld.ingevuld,
    )


def _som_bevindingen(
    gemeenten: list[Gemeente],
    cyclus: Cyclus,
    oekraine_cyclus: Cyclus | None,
    opgaven: _Opgaven,
) -> list[Bevinding]:
    """R1: each indicative distribution against the first provincial opgave it came with."""
    bevindingen: list[Bevinding] = []
    for c, soort, stadium, titel in (
        (oekraine_cyclus, Soort.OEKRAINE, Stadium.INDICATIEF, "Oekraïne-opgave"),
        (cyclus, Soort.REGULIER, Stadium.INDICATIEF, "Asielopvang regulier"),
        (cyclus, Soort.AMV, Stadium.INDICATIEF, "Asielopvang AMV"),
    ):
        basis = opgaven.eerste(c, soort)
        if basis is None or c is None:
            continue
        bevindingen.extend(
            controleer_som(
                f"{titel}, indicatieve verdeling ({basis.bron or c.naam}), provinciale opgave "
                f"{opmaak.datum(basis.geldig_vanaf)}",
                {g.naam: opgaven.aantal(c, soort, stadium, g) for g in gemeenten},
                basis.aantal,
            )
        )
    return bevindingen


def verslag(provincie: Provincie, cyclus: Cyclus) -> Verslag:
    """Everything the provinciaal verslag of ``cyclus`` (without a set-up) shows, computed once
    (R1, R6, Bijlage 1)."""
    peildatum = cyclus.deadline_verslag or cyclus.begin
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    oekraine_cyclus = cyclus_voor(Cyclus.objects.all(), CyclusSoort.OEKRAINE, peildatum)
    opgaven = _opgaven(provincie, [c for c in (cyclus, oekraine_cyclus) if c], peildatum)
    realisatie_peildatum, realisaties = _realisaties(provincie, peildatum)
    inwoners_jaar, inwoners = _inwoners(provincie, cyclus)
    rijen = _puzzel_rijen(gemeenten, cyclus, oekraine_cyclus, opgaven, inwoners, realisaties)

    p_reg = opgaven.laatste(cyclus, Soort.REGULIER)
    p_amv = opgaven.laatste(cyclus, Soort.AMV)
    p_oek = opgaven.laatste(oekraine_cyclus, Soort.OEKRAINE)
    gevuld = invulling(
        {"regulier": p_reg.aantal if p_reg else 0, "amv": p_amv.aantal if p_amv else 0},
        [("regulier", r.reg_aanbod) for r in rijen] + [("amv", r.amv_aanbod) for r in rijen],
    )
    regeling = bonus_regeling(provincie, cyclus)
    locaties = _locatie_rijen(provincie, cyclus, regeling.spuk1_minimale_jaren if regeling else 5)
    bevindingen = [
        *_som_bevindingen(gemeenten, cyclus, oekraine_cyclus, opgaven),
        *bron_bevindingen(provincie, cyclus, gevuld),
        *_locaties_tegen_aanbod(rijen, locaties),
    ]
    return Verslag(
        provincie=provincie,
        cyclus=cyclus,
        oekraine_cyclus=oekraine_cyclus,
        peildatum=peildatum,
        realisatie_peildatum=realisatie_peildatum,
        inwoners_jaar=inwoners_jaar,
        rijen=rijen,
        opgave_regulier=p_reg.aantal if p_reg else None,
        opgave_amv=p_amv.aantal if p_amv else None,
        opgave_oekraine=p_oek.aantal if p_oek else None,
        invulling=gevuld,
        locaties=locaties,
        bonus=_bonus_van_verslag(regeling, rijen, locaties, gevuld),
        regeling=regeling,
        bevindingen=tuple(bevindingen),
    )


def _locaties_tegen_aanbod(
    rijen: tuple[PuzzelRij, ...], locaties: tuple[LocatieRij, ...]
) -> list[Bevinding]:
    """The location list (Bijlage 1) must carry the places offered per gemeente and type."""
    plekken: dict[int, list[int]] = {}
    for lr in locaties:
        loc = lr.locatie
        som = plekken.setdefault(loc.gemeente_id, [0, 0])
        som[0] += loc.plaatsen_regulier + loc.plaatsen_bijzonder
        som[1] += loc.plaatsen_amv
    uit = []
    for r in rijen:
        reg, amv = plekken.get(r.gemeente.pk, [0, 0])
        for titel, locatie_som, aanbod in (
            ("regulier", reg, r.reg_aanbod),
            ("AMV", amv, r.amv_aanbod),
        ):
            if locatie_som != aanbod:
                uit.append(
                    Bevinding(
                        "locaties_wijken_af",
                        Ernst.WAARSCHUWING,
                        f"{r.gemeente.naam}: de locaties tellen {locatie_som} plekken {titel}, "
                        f"het aanbod in het verslag is {aanbod}.",
                        "Locatielijst (Bijlage 1)",
                        r.gemeente.naam,
                    )
                )
    return uit


# ---------------------------------------------------------------- of a cyclus with a set-up


@dataclass(frozen=True)
class CyclusVerslag:
    """Everything the verslag of a cyclus run as a workflow (it has a ``cyclus.CyclusOpzet``)
    shows, computed once from its PUZZEL (``cyclus.queries.puzzel_van``) and R6 on top of it."""

    p: PuzzelPagina
    invulling: InvullingTotaal
    bonus: BonusOverzicht | None
    regeling: BonusRegeling | None
    bevindingen: tuple[Bevinding, ...]

    @property
    def provincie(self) -> Provincie:
        return self.p.provincie

    @property
    def cyclus(self) -> Cyclus:
        return self.p.cyclus

    @property
    def jaren(self) -> tuple[int, int]:
        return self.cyclus.begin.year, self.cyclus.eind.year

    @property
    def regels(self) -> list[tuple[str, AanbodRegel, Beoordeling]]:
        """Every approved line of the provincie: (gemeente, line, judgement), by gemeente."""
        return [(g.naam, r, b) for g in self.p.gemeenten for r, b in self.p.stand(g).regels]


def _bonus_van_puzzel(
    p: PuzzelPagina, gevuld: InvullingTotaal, regeling: BonusRegeling | None
) -> BonusOverzicht | None:
    """R6 with the cyclus' own amounts (its set-up), the provincie's SPUK 3 amounts when it has
    a bonus scheme of its own. Without an amount for SPUK 1 and 2: not computed."""
    opzet = p.opzet
    spuk1 = opzet.spuk1_per_plek if opzet and opzet.spuk1_per_plek is not None else None
    spuk2 = opzet.spuk2_per_plek if opzet and opzet.spuk2_per_plek is not None else None
    if regeling is not None:
        spuk1 = regeling.spuk1_per_plek if spuk1 is None else spuk1
        spuk2 = regeling.spuk2_per_plek if spuk2 is None else spuk2
    if spuk1 is None or spuk2 is None:
        return None
    drempel = (
        opzet.spuk3_drempel_procent
        if opzet is not None
        else (regeling.spuk3_drempel_procent if regeling else 75)
    )
    spuk3 = _spuk3_per_gemeente(regeling)
    duurzaam_per_gemeente = {
        g.naam: sum(
            r.plaatsen
            for r, b in p.stand(g).regels
            if r.soort == "regulier" and b.duurzaam and b.categorie is Categorie.TELT
        )
        for g in p.gemeenten
    }
    return bonus_aanspraken(
        Bonusregeling(
            spuk1_per_plek=spuk1,
            spuk2_per_plek=spuk2,
            spuk3_drempel=Fraction(drempel, 100),
            spuk3_provincie=regeling.spuk3_provincie if regeling else 0,
            spuk3_budget=regeling.spuk3_budget if regeling else None,
            minimale_jaren=p.regels.minimale_jaren,
        ),
        [
            BonusGemeente(
                naam=s.naam,
                indicatief_regulier=s.indicatief.regulier,
                indicatief_amv=s.indicatief.amv,
                duurzaam_regulier=duurzaam_per_gemeente[s.naam],
                amv_plekken=s.aanbod.telt.amv,
                spuk3_bedrag=spuk3.get(g.pk, 0),
            )
            for g, s in zip(p.gemeenten, p.puzzel.gemeenten, strict=True)
        ],
        provinciale_opgave=gevuld.opgave,
        ingevuld=gevuld.ingevuld,
    )


def _puzzel_bevindingen(p: PuzzelPagina) -> list[Bevinding]:
    """R1 for an opgave the minister stated (not the sum), and the PUZZEL's reasons."""
    bevindingen: list[Bevinding] = []
    for soort, titel in (("regulier", "Asielopvang regulier"), ("amv", "Asielopvang AMV")):
        bron = p.opgave[soort]
        if bron.tekst.startswith("de som"):
            continue
        bevindingen.extend(
            controleer_som(
                f"{titel}, indicatieve verdeling, provinciale opgave ({bron.tekst})",
                {s.naam: getattr(s.indicatief, soort) for s in p.puzzel.gemeenten},
                bron.aantal,
            )
        )
    for r in p.puzzel.redenen:
        bevindingen.append(Bevinding(r.code, Ernst.WAARSCHUWING, r.tekst, "PUZZEL van de cyclus"))
    return bevindingen


def cyclus_verslag(provincie: Provincie, cyclus: Cyclus) -> CyclusVerslag:
    """The verslag's figures of a cyclus with a set-up: its PUZZEL, the invulling per type and
    R6. The PUZZEL table, the letters, Bijlage 1 and 2 cannot contradict each other."""
    p = puzzel_van(provincie, cyclus)
    telt = p.puzzel.aanbod.telt
    gevuld = invulling(
        {"regulier": p.puzzel.opgave.regulier, "amv": p.puzzel.opgave.amv},
        [("regulier", telt.regulier), ("amv", telt.amv)],
    )
    regeling = bonus_regeling(p.provincie, p.cyclus)
    bonus = _bonus_van_puzzel(p, gevuld, regeling)
    return CyclusVerslag(p, gevuld, bonus, regeling, tuple(_puzzel_bevindingen(p)))
