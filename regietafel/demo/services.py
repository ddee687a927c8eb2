"""Load the Drenthe demo through the apps' services (so it is audited like any other write).

The demo only adds what is missing: every service is called with ``alleen_als_ontbreekt``, so
a record that exists stays as it is, whoever wrote it (a user, an inzending, an import). What
"already there" means per kind of record:

- register, cycli, inwonertallen, opgaven, provinciale opgaven, Bijlage 1 as the source printed
  it: the same natural key (CBS code; code; gemeente and jaar; cyclus, gemeente, soort and
  stadium; cyclus, provincie, soort and geldig vanaf; cyclus, provincie and soort);
- realisatie, COA- and Nidos-standen (append-only figures): any current figure for that
  gemeente, soort and peildatum (gemeente and peildatum), whoever wrote it;
- locaties: a location of the gemeente with that name (in any case), or one the history shows
  was created under it (renamed since: ``bestaand.eerder_aangemaakt``);
- bonusregelingen: the regeling of the cyclus and provincie, with its SPUK 3 amounts;
  rapportversies: any version of that report;
- demo accounts: the user name; an existing account keeps its password, role and provincie.

A second load writes nothing at all: no row, no history entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from regietafel.accounts.models import Gebruiker
from regietafel.accounts.services import bewaar_groep, maak_gebruiker
from regietafel.demo import drenthe as bron
from regietafel.demo.bestaand import eerder_aangemaakt
from regietafel.demo.queries import gemeenten_van, zoek
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.gemeenten.services import laad_register, zet_inwonertal
from regietafel.herinneringen.services import zet_termijn
from regietafel.locaties.models import Locatie
from regietafel.locaties.services import zet_locatie
from regietafel.monitoring.services import (
    registreer_nidos,
    registreer_realisatie,
    registreer_vergunninghouders,
)
from regietafel.opgaven.models import Cyclus, Soort, Stadium
from regietafel.opgaven.services import (
    zet_bron_invulling,
    zet_cyclus,
    zet_opgave,
    zet_provincie_opgave,
)
from regietafel.rapportage.services import bewaar_eerste_versie, zet_bonusregeling


@dataclass
class Resultaat:
    wijzigingen: dict[str, int] = field(default_factory=dict)

    def tel(self, wat: str, veranderd: bool) -> None:
        self.wijzigingen[wat] = self.wijzigingen.get(wat, 0) + int(veranderd)

    @property
    def totaal(self) -> int:
        return sum(self.wijzigingen.values())


@dataclass
class _Drenthe:
    """What every step of ``laad_drenthe`` shares: who writes, the provincie and its gemeenten,
    the cycli by code, and the count of what changed."""

    door: Any
    provincie: Provincie
    gemeenten: dict[str, Gemeente]
    r: Resultaat
    cycli: dict[str, Cyclus] = field(default_factory=dict)

    def opgave(
        self, cyclus: Cyclus, gemeente: Gemeente, soort: str, stadium: str, aantal: int, bron: str
    ) -> None:
        """The gemeente's opgave, unless it has one of that cyclus, soort and stadium."""
        self.r.tel(
            "opgaven",
            zet_opgave(
                door=self.door,
                cyclus=cyclus,
                gemeente=gemeente,
                soort=soort,
                stadium=stadium,
                aantal=aantal,
                bron=bron,
                alleen_als_ontbreekt=True,
            )[1],
        )

    def realisatie(
        self, gemeente: Gemeente, soort: str, peildatum: dt.date, aantal: int, bron: str
    ) -> None:
        """The realisation, unless a current figure of that soort and peildatum exists."""
        self.r.tel(
            "realisaties",
            registreer_realisatie(
                door=self.door,
                gemeente=gemeente,
                soort=soort,
                peildatum=peildatum,
                aantal=aantal,
                bron=bron,
                alleen_als_ontbreekt=True,
            )[1],
        )


@transaction.atomic
def laad_drenthe(*, door: Any = None) -> Resultaat:
    """Add what is missing of the Drenthe demo; a second run writes nothing. The steps run in
    the order of the sources (the history's order depends on it)."""
    r = Resultaat()
    r.tel("register", laad_register(door=door, alleen_als_ontbreekt=True) > 0)
    provincie = Provincie.objects.get(naam=bron.PROVINCIE)
    d = _Drenthe(door, provincie, gemeenten_van(provincie), r)
    for stap in (
        _cycli,
        _bijlage1,
        _puzzel,
        _verdeelbesluit,
        _realisatie,
        _coa,
        _nidos,
        _locaties,
        _regelingen,
    ):
        stap(d)
    return r


def _cycli(d: _Drenthe) -> None:
    """The cycli of the sources and the provincial opgaven per cyclus."""
    r, door, provincie, cycli = d.r, d.door, d.provincie, d.cycli
    for velden in bron.CYCLI:
        velden = dict(velden)
        cycli[str(velden["code"])], veranderd = zet_cyclus(
            door=door, alleen_als_ontbreekt=True, **velden
        )
        r.tel("cycli", veranderd)
    for code, soort, aantal, vanaf, tekst in bron.PROVINCIE_OPGAVEN:
        r.tel(
            "provinciale opgaven",
            zet_provincie_opgave(
                door=door,
                cyclus=cycli[code],
                provincie=provincie,
                soort=soort,
                aantal=aantal,
                geldig_vanaf=vanaf,
                bron=tekst,
                alleen_als_ontbreekt=True,
            )[1],
        )


def _bijlage1(d: _Drenthe) -> None:
    """Bijlage 1 of the verslag as the source printed it."""
    r, door, provincie, cycli = d.r, d.door, d.provincie, d.cycli
    spreiding = cycli["spreidingswet-2024"]
    for soort, (opgave, ingevuld, nog) in bron.BIJLAGE1.items():
        r.tel(
            "invullingen volgens de bron",
            zet_bron_invulling(
                door=door,
                cyclus=spreiding,
                provincie=provincie,
                soort=soort,
                opgave=opgave,
                ingevuld=ingevuld,
                nog_in_te_vullen=nog,
                bron=bron.BIJLAGE1_BRON,
                alleen_als_ontbreekt=True,
            )[1],
        )


def _puzzel(d: _Drenthe) -> None:
    """The PUZZEL per gemeente: inhabitants, indicative opgaven and aanbod, realisation."""
    r, door, gemeenten, cycli = d.r, d.door, d.gemeenten, d.cycli
    spreiding = cycli["spreidingswet-2024"]
    oekraine = cycli["oekraine-2025"]
    for naam, rij in bron.PUZZEL.items():
        (
            inwoners,
            oek_opgave,
            oek_real,
            oek_ambitie,
            reg_ind,
            reg_real,
            reg_aanbod,
            _reg_2026,
            amv_ind,
            amv_real,
            amv_aanbod,
            _amv_2026,
        ) = rij
        g = zoek(gemeenten, naam)
        r.tel(
            "inwonertallen",
            zet_inwonertal(
                door=door,
                gemeente=g,
                jaar=bron.INWONERS_JAAR,
                aantal=inwoners,
                bron=bron.PUZZEL_BRON,
                alleen_als_ontbreekt=True,
            )[1],
        )
        opgaven = [
            (oekraine, Soort.OEKRAINE, Stadium.INDICATIEF, oek_opgave),
            (oekraine, Soort.OEKRAINE, Stadium.AMBITIE, oek_ambitie),
            (spreiding, Soort.REGULIER, Stadium.INDICATIEF, reg_ind),
            (spreiding, Soort.REGULIER, Stadium.AANBOD, reg_aanbod),
            (spreiding, Soort.AMV, Stadium.INDICATIEF, amv_ind),
            (spreiding, Soort.AMV, Stadium.AANBOD, amv_aanbod),
        ]
        for cyclus, soort, stadium, aantal in opgaven:
            d.opgave(cyclus, g, soort, stadium, aantal, bron.PUZZEL_BRON)
        for soort, aantal in (
            (Soort.OEKRAINE, oek_real),
            (Soort.REGULIER, reg_real),
            (Soort.AMV, amv_real),
        ):
            d.realisatie(g, soort, bron.PUZZEL_PEILDATUM, aantal, bron.PUZZEL_BRON)


def _verdeelbesluit(d: _Drenthe) -> None:
    """The vastgestelde opgaven of the verdeelbesluit of 20 December 2024."""
    spreiding = d.cycli["spreidingswet-2024"]
    # The verdeelbesluit of 20 December 2024 (seed 003) took the verslag over 1:1.
    besluit = "Verdeelbesluit Drenthe 2024, 20-12-2024, nr. 6015725"
    for naam, rij in bron.PUZZEL.items():
        g = zoek(d.gemeenten, naam)
        for soort, aantal in ((Soort.REGULIER, rij[6]), (Soort.AMV, rij[10])):
            d.opgave(spreiding, g, soort, Stadium.VASTGESTELD, aantal, besluit)


def _realisatie(d: _Drenthe) -> None:
    """The realisation per soort on the stand's peildatum (a missing figure stays missing)."""
    for naam, (oek, reg, amv) in bron.REALISATIE_2025_11.items():
        g = zoek(d.gemeenten, naam)
        cijfers: tuple[tuple[str, int | None], ...] = (
            (Soort.OEKRAINE, oek),
            (Soort.REGULIER, reg),
            (Soort.AMV, amv),
        )
        for soort, cijfer in cijfers:
            if cijfer is not None:
                d.realisatie(g, soort, bron.STAND_PEILDATUM, cijfer, bron.STAND_BRON)


def _coa(d: _Drenthe) -> None:
    """COA's standen of vergunninghouders and the taakstelling per half year."""
    r, door, gemeenten, cycli = d.r, d.door, d.gemeenten, d.cycli
    statushouders = cycli["statushouders-2025-2"], cycli["statushouders-2025-1"]
    for naam, rij in bron.COA_2025_11.items():
        g = zoek(gemeenten, naam)
        stand_1_jan, taak_h1, real_h1, taak_h2, correcties, *maanden = rij
        r.tel(
            "standen vergunninghouders",
            registreer_vergunninghouders(
                door=door,
                gemeente=g,
                peildatum=bron.COA_PEILDATUM,
                jaar=bron.COA_JAAR,
                stand_1_jan=stand_1_jan,
                taakstelling_h1=taak_h1,
                realisatie_h1=real_h1,
                taakstelling_h2=taak_h2,
                correcties=correcties,
                realisatie_maanden=tuple(maanden),
                bron=bron.COA_BRON,
                alleen_als_ontbreekt=True,
            )[1],
        )
        for cyclus, taak in zip(statushouders, (taak_h2, taak_h1), strict=True):
            d.opgave(cyclus, g, Soort.VERGUNNINGHOUDERS, Stadium.VASTGESTELD, taak, bron.COA_BRON)


def _nidos(d: _Drenthe) -> None:
    """Nidos' standen and the taakstelling of the minderjarigen."""
    r, door, gemeenten, cycli = d.r, d.door, d.gemeenten, d.cycli
    statushouders = cycli["statushouders-2025-2"], cycli["statushouders-2025-1"]
    for naam, (gerealiseerd, taakstelling) in bron.NIDOS_2025_11.items():
        g = zoek(gemeenten, naam)
        r.tel(
            "standen Nidos",
            registreer_nidos(
                door=door,
                gemeente=g,
                peildatum=bron.NIDOS_PEILDATUM,
                gerealiseerd=gerealiseerd,
                taakstelling=taakstelling,
                bron=bron.NIDOS_BRON,
                alleen_als_ontbreekt=True,
            )[1],
        )
        d.opgave(
            statushouders[0],
            g,
            Soort.MINDERJARIGEN,
            Stadium.VASTGESTELD,
            taakstelling,
            bron.NIDOS_BRON,
        )


def _locaties(d: _Drenthe) -> None:
    """The locations (one a user renamed is not brought back)."""
    r, door, gemeenten = d.r, d.door, d.gemeenten
    for velden in bron.LOCATIES:
        velden = dict(velden)
        g = zoek(gemeenten, str(velden.pop("gemeente")))
        naam = str(velden.pop("naam"))
        if eerder_aangemaakt(Locatie(gemeente=g, naam=naam)):
            continue  # made before (a user may have renamed it): not brought back
        r.tel(
            "locaties",
            zet_locatie(
                door=door,
                gemeente=g,
                naam=naam,
                bron=bron.LOCATIES_BRON,
                alleen_als_ontbreekt=True,
                **velden,
            )[1],
        )


def _regelingen(d: _Drenthe) -> None:
    """The bonus schemes, the deadline for deliveries and the first report versions."""
    r, door, provincie, gemeenten, cycli = d.r, d.door, d.provincie, d.gemeenten, d.cycli
    for velden in bron.BONUSREGELINGEN:
        velden = dict(velden)
        per_gemeente = {zoek(gemeenten, n): b for n, b in velden.pop("spuk3_per_gemeente").items()}
        r.tel(
            "bonusregelingen",
            zet_bonusregeling(
                door=door,
                cyclus=cycli[velden.pop("cyclus")],
                provincie=provincie,
                spuk3_per_gemeente=per_gemeente,
                bron=bron.BONUS_BRON,
                alleen_als_ontbreekt=True,
                **velden,
            )[1],
        )
    r.tel(
        "aanlevertermijn",
        zet_termijn(
            door=door, provincie=provincie, alleen_als_ontbreekt=True, **bron.AANLEVERTERMIJN
        )[1],
    )
    for velden in bron.RAPPORTVERSIES:
        velden = dict(velden)
        if "cyclus" in velden:
            velden["cyclus"] = cycli[velden["cyclus"]]
        r.tel(
            "rapportversies",
            bewaar_eerste_versie(door=door, provincie=provincie, bron="demo", **velden)[1],
        )


# The secretariat keeps the register, opgaven and locations in the (Dutch) admin screens;
# realisation figures and the history are read-only there (they change through imports).
SECRETARIAAT_RECHTEN = {
    "gemeenten": ("view", "add", "change"),
    "opgaven": ("view", "add", "change"),
    "locaties": ("view", "add", "change"),
    "monitoring": ("view",),
    "rapportage": ("view", "add", "change"),
    "audit": ("view",),
}


GROEP_SECRETARIAAT = "Secretariaat PRT"


def _groep_secretariaat(door: Any) -> Group:
    """The group "Secretariaat PRT", with its rights when the demo creates it (through the
    accounts service); a group that exists keeps the rights an administrator gave or took."""
    bestaand = Group.objects.filter(name=GROEP_SECRETARIAAT).first()
    if bestaand is not None:
        return bestaand
    gewenst = [
        p
        for p in Permission.objects.filter(
            content_type__app_label__in=SECRETARIAAT_RECHTEN
        ).select_related("content_type")
        if p.codename.split("_", 1)[0] in SECRETARIAAT_RECHTEN[p.content_type.app_label]
    ]
    groep, _ = bewaar_groep(
        door=door, groep=None, naam=GROEP_SECRETARIAAT, rechten=set(gewenst), bron="demo-accounts"
    )
    return groep


@transaction.atomic
def maak_demo_accounts(*, door: Any = None) -> list[str]:
    """Create the demo accounts that do not exist yet; returns the names created. An account
    that exists (by user name) is left as it is: its password, role, provincie, gemeente and
    groups stay what a user or an administrator made them."""
    groep = _groep_secretariaat(door)
    provincie = Provincie.objects.get(naam=bron.PROVINCIE)
    gemeenten = gemeenten_van(provincie)
    aangemaakt = []
    for naam, rol, gemeente, organisatie, _ in bron.DEMO_ACCOUNTS:
        if Gebruiker.objects.filter(username=naam).exists():
            continue
        staf = rol == "secretariaat"
        maak_gebruiker(
            door=door,
            gebruikersnaam=naam,
            wachtwoord=bron.DEMO_WACHTWOORD,
            rol=rol,
            provincie=provincie,
            organisatie=organisatie,
            gemeente=zoek(gemeenten, gemeente) if gemeente else None,
            email=f"{naam}@{bron.DEMO_MAILDOMEIN}",
            is_staff=staf,
            groups=[groep] if staf else [],
            bron="demo-accounts",
        )
        aangemaakt.append(naam)
    return aangemaakt
