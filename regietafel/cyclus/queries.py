"""Read side of the cycle: the PUZZEL of a provincie in a cyclus, computed once.

``puzzel_van`` gathers what is stored (the indicative distribution, the provincial opgave,
the newest approved aanbod of every gemeente, the cyclus' rules) in a constant number of
queries, however many gemeenten and locations, and lets the domain judge it
(``domain.aanbod``, ``domain.puzzel``) and complete it by R3 (``domain.restopgave``). The
page, the CLI (JSON and table), the verslag and its Bijlage 1 and 2 all render this one
result: no number is computed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from regietafel.core import opmaak
from regietafel.cyclus.models import (
    AanbodRegel,
    AanbodStatus,
    AanbodVersie,
    CyclusOpzet,
    KansrijkElement,
)
from regietafel.domain import notatie
from regietafel.domain.aanbod import Aanbodregel, Beoordeling, Element, Spelregels, beoordeel
from regietafel.domain.puzzel import (
    Puzzel,
    PuzzelGemeente,
    R3Gegevens,
    puzzel,
    restopgave_casus,
)
from regietafel.domain.restopgave import Casus, PerType, Uitkomst, procent, verdeel_restopgave
from regietafel.gemeenten.models import Gemeente, Inwonertal, Provincie
from regietafel.opgaven.models import Cyclus, CyclusSoort, Opgave, ProvincieOpgave, Soort, Stadium
from regietafel.verdeling.queries import laatste_inwonertallen, oekraine_voor_r3

ILLUSTRATIEF = "De cijfers van deze cyclus zijn afgeleid (demo), niet die van de minister."


class CyclusOnbekend(Exception):
    """The message is Dutch, for the user."""


def spreidingswet_cycli() -> list[Cyclus]:
    return list(
        Cyclus.objects.filter(soort=CyclusSoort.SPREIDINGSWET)
        .select_related("opzet")
        .order_by("jaar")
    )


def zoek_cyclus(jaar: int) -> Cyclus:
    """The Spreidingswet cyclus of ``jaar`` (the year of its raming)."""
    cyclus = (
        Cyclus.objects.filter(soort=CyclusSoort.SPREIDINGSWET, jaar=jaar)
        .select_related("opzet")
        .first()
    )
    if cyclus is None:
        bekend = ", ".join(str(c.jaar) for c in spreidingswet_cycli()) or "geen"
        raise CyclusOnbekend(f"Onbekende cyclus {jaar}. Cycli van de Spreidingswet: {bekend}.")
    return cyclus


def opzet_van(cyclus: Cyclus) -> CyclusOpzet | None:
    """The set-up of ``cyclus`` (use ``select_related("opzet")`` to save the query)."""
    try:
        return cyclus.opzet  # type: ignore[no-any-return]
    except CyclusOpzet.DoesNotExist:
        return None


def spelregels(cyclus: Cyclus, opzet: CyclusOpzet | None) -> Spelregels:
    """The rules of the cyclus for its aanbod; the defaults when it has no set-up yet."""
    if opzet is None:
        return Spelregels(begin=cyclus.begin)
    return Spelregels(
        begin=cyclus.begin,
        besluit=opzet.besluit_uiterlijk,
        volgende_raming=opzet.volgende_raming,
        minimale_jaren=opzet.minimale_jaren,
        alleen_duurzaam=opzet.alleen_duurzaam,
        termijn_maanden=opzet.termijn_maanden,
    )


def regel_domein(regel: AanbodRegel) -> Aanbodregel:
    """The domain's line; ``regel.elementen`` should be prefetched."""
    return Aanbodregel(
        naam=regel.naam,
        soort=regel.soort,  # type: ignore[arg-type]
        plaatsen=regel.plaatsen,
        beschikbaar_van=regel.beschikbaar_van,
        beschikbaar_tot=regel.beschikbaar_tot,
        plan=regel.plan,
        elementen=frozenset(Element(e.element) for e in regel.elementen.all()),
    )


def regels_met_elementen() -> QuerySet[AanbodRegel]:
    return AanbodRegel.objects.select_related("locatie").prefetch_related(
        Prefetch("elementen", queryset=KansrijkElement.objects.order_by("element"))
    )


def beoordeelde_regels(
    versie: AanbodVersie, regels: Spelregels
) -> list[tuple[AanbodRegel, Beoordeling]]:
    """Every line of a version with its judgement (two queries)."""
    return [
        (r, beoordeel(regel_domein(r), regels))
        for r in regels_met_elementen().filter(versie=versie)
    ]


# ---------------------------------------------------------------- the provincial opgave


@dataclass(frozen=True)
class Opgavebron:
    soort: str
    aantal: int
    tekst: str
    """Where the number comes from: the minister's ProvincieOpgave, or the sum of the rows."""


def provinciale_opgave(
    cyclus: Cyclus,
    provinciaal: list[ProvincieOpgave],
    indicatief: dict[tuple[int, str], int],
) -> dict[str, Opgavebron]:
    """Per soort the provincial opgave of the verslag: the latest number valid on the verslag's
    deadline (the earliest when the cyclus has no deadline); without one, the sum of the
    indicative numbers per gemeente."""
    uit: dict[str, Opgavebron] = {}
    for soort in (Soort.REGULIER, Soort.AMV):
        kandidaten = sorted(
            (p for p in provinciaal if p.soort == soort), key=lambda p: (p.geldig_vanaf, p.pk)
        )
        if cyclus.deadline_verslag:
            voor = [p for p in kandidaten if p.geldig_vanaf <= cyclus.deadline_verslag]
            gekozen = voor[-1] if voor else (kandidaten[0] if kandidaten else None)
        else:
            gekozen = kandidaten[0] if kandidaten else None
        if gekozen is not None:
            uit[soort] = Opgavebron(
                soort,
                gekozen.aantal,
                f"vanaf {opmaak.datum(gekozen.geldig_vanaf)}"
                + (f", {gekozen.bron}" if gekozen.bron else ""),
            )
        else:
            som = sum(n for (_, s), n in indicatief.items() if s == soort)
            uit[soort] = Opgavebron(soort, som, "de som van de indicatieve verdeling per gemeente")
    return uit


# ---------------------------------------------------------------- the PUZZEL


@dataclass(frozen=True)
class Versiestand:
    """The versions of one gemeente as the PUZZEL sees them."""

    goedgekeurd: AanbodVersie | None
    """The newest approved version: the gemeente's aanbod."""
    open: AanbodVersie | None
    """A version handed in and waiting for review."""
    regels: tuple[tuple[AanbodRegel, Beoordeling], ...] = ()


@dataclass(frozen=True)
class PuzzelPagina:
    provincie: Provincie
    cyclus: Cyclus
    opzet: CyclusOpzet | None
    regels: Spelregels
    gemeenten: tuple[Gemeente, ...]
    opgave: dict[str, Opgavebron]
    puzzel: Puzzel
    versies: dict[int, Versiestand]
    casus: Casus
    aanvulling: Uitkomst
    """What the minister would add by R3 if the verslag went out as it stands."""
    r3_bronnen: tuple[str, ...] = field(default_factory=tuple)
    uit_verslag: bool = False
    """A cyclus without a set-up and without aanbod versions (the first cyclus): the aanbod is
    the 'aanbod in het verslag' stored as opgaven, one figure per gemeente and type."""

    @property
    def illustratief(self) -> bool:
        return bool(self.opzet and self.opzet.illustratief)

    @property
    def heeft_indicatief(self) -> bool:
        ind = self.puzzel.indicatief
        return ind.regulier + ind.amv > 0

    @property
    def dekking_tekst(self) -> PerType[str]:
        """The coverage per type as the pages print it: "47,9 %" (n.v.t. without opgave)."""
        d = self.puzzel.dekking
        return PerType(
            "n.v.t." if d.regulier is None else procent(d.regulier, 1),
            "n.v.t." if d.amv is None else procent(d.amv, 1),
        )

    @property
    def aantal_ingediend(self) -> int:
        return sum(1 for g in self.puzzel.gemeenten if g.ingediend)

    def stand(self, gemeente: Gemeente) -> Versiestand:
        return self.versies.get(gemeente.pk, Versiestand(None, None))

    @property
    def per_gemeente(self) -> list[tuple[Gemeente, object, Versiestand]]:
        """(gemeente, its line of the PUZZEL, its versions), in the register's order."""
        return [
            (g, s, self.stand(g))
            for g, s in zip(self.gemeenten, self.puzzel.gemeenten, strict=True)
        ]


def _versies(
    cyclus: Cyclus, gemeenten: list[Gemeente]
) -> dict[int, tuple[AanbodVersie | None, AanbodVersie | None]]:
    """Per gemeente id (newest approved, open) — one query."""
    uit: dict[int, tuple[AanbodVersie | None, AanbodVersie | None]] = {}
    for v in (
        AanbodVersie.objects.filter(cyclus=cyclus, gemeente__in=gemeenten)
        .exclude(status=AanbodStatus.CONCEPT)
        .order_by("gemeente_id", "volgnummer")
    ):
        goed, open_ = uit.get(v.gemeente_id, (None, None))
        if v.status == AanbodStatus.GOEDGEKEURD:
            goed = v
            if open_ is not None and open_.volgnummer < v.volgnummer:
                open_ = None
        elif v.status == AanbodStatus.INGEDIEND:
            open_ = v
        uit[v.gemeente_id] = (goed, open_)
    return uit


def _indicatief_en_verslag(
    cyclus: Cyclus, provincie: Provincie
) -> tuple[dict[tuple[int, str], int], dict[tuple[int, str], int]]:
    """The indicative and the verslag's (aanbod) opgaven, by (gemeente id, soort); one query."""
    indicatief: dict[tuple[int, str], int] = {}
    verslag: dict[tuple[int, str], int] = {}
    for gemeente_id, soort, stadium, n in Opgave.objects.filter(
        cyclus=cyclus,
        gemeente__provincie=provincie,
        soort__in=[Soort.REGULIER, Soort.AMV],
        stadium__in=[Stadium.INDICATIEF, Stadium.AANBOD],
    ).values_list("gemeente_id", "soort", "stadium", "aantal"):
        (indicatief if stadium == Stadium.INDICATIEF else verslag)[(gemeente_id, soort)] = n
    return indicatief, verslag


def _puzzel_gemeente(
    g: Gemeente,
    stand: Versiestand,
    indicatief: dict[tuple[int, str], int],
    verslag: dict[tuple[int, str], int] | None,
    regels: Spelregels,
) -> PuzzelGemeente:
    """A gemeente's line of the PUZZEL: its approved aanbod judged by the rules, or (``verslag``
    given: a cyclus without aanbod per location) the aanbod of the verslag as one line a soort."""
    beoordelingen = tuple(b for _, b in stand.regels)
    ingediend = stand.goedgekeurd is not None
    if verslag is not None:
        beoordelingen = tuple(
            beoordeel(Aanbodregel("Aanbod in het verslag", soort, verslag[(g.pk, soort)]), regels)
            for soort in ("regulier", "amv")
            if (g.pk, soort) in verslag
        )
        ingediend = bool(beoordelingen)
    return PuzzelGemeente(
        naam=g.naam,
        cbs_code=g.cbs_code,
        indicatief=PerType(
            indicatief.get((g.pk, Soort.REGULIER), 0), indicatief.get((g.pk, Soort.AMV), 0)
        ),
        ingediend=ingediend,
        beoordelingen=beoordelingen,
        ter_beoordeling=stand.open is not None,
    )


def _r3_bronnen(
    uit_verslag: bool, inwoners: dict[int, Inwonertal], oekraine_totaal: ProvincieOpgave | None
) -> list[str]:
    """Where R3's completion took its numbers from; ``oekraine_totaal`` None: not applied."""
    bronnen = [
        "Overgenomen uit het verslag: het aanbod per gemeente zoals het in de opgaven staat "
        "(deze cyclus heeft geen aanbod per locatie)."
        if uit_verslag
        else "Overgenomen uit het verslag: de plaatsen die meetellen; toegevoegd: de kansrijke "
        "plaatsen (stap 1 en 2).",
        "Historisch gemiddelde (2014–2024): niet opgeslagen, 0 gebruikt.",
        "Uitruilafspraken: geen vastgelegd.",
    ]
    if inwoners:
        jaren = sorted({r.jaar for r in inwoners.values()})
        bronnen.append(f"Inwoners op 1 januari {', '.join(map(str, jaren))}.")
    if oekraine_totaal is not None:
        bronnen.append(
            f"Oekraïne-totaal {notatie.getal(oekraine_totaal.aantal)} (vanaf "
            f"{opmaak.datum(oekraine_totaal.geldig_vanaf)}) en de gerealiseerde Oekraïne-plaatsen "
            "vóór de deadline van het verslag."
        )
    else:
        bronnen.append("Geen Oekraïne-totaal of inwonertallen: dat criterium is niet toegepast.")
    return bronnen


def puzzel_van(provincie: Provincie, cyclus: Cyclus) -> PuzzelPagina:
    """The PUZZEL of ``provincie`` in ``cyclus`` with R3's completion, in ten queries."""
    opzet = opzet_van(cyclus)
    regels = spelregels(cyclus, opzet)
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    indicatief, verslag = _indicatief_en_verslag(cyclus, provincie)
    provinciaal = list(
        ProvincieOpgave.objects.filter(
            cyclus=cyclus, provincie=provincie, soort__in=[Soort.REGULIER, Soort.AMV]
        )
    )
    opgave = provinciale_opgave(cyclus, provinciaal, indicatief)

    versies = _versies(cyclus, gemeenten)
    goedgekeurd = [g for g, _ in versies.values() if g is not None]
    per_versie: dict[int, list[tuple[AanbodRegel, Beoordeling]]] = {}
    for r in regels_met_elementen().filter(versie__in=goedgekeurd).order_by("versie_id", "id"):
        per_versie.setdefault(r.versie_id, []).append((r, beoordeel(regel_domein(r), regels)))
    uit_verslag = opzet is None and not versies
    standen: dict[int, Versiestand] = {}
    invoer = []
    for g in gemeenten:
        goed, open_ = versies.get(g.pk, (None, None))
        lijnen = tuple(per_versie.get(goed.pk, [])) if goed else ()
        standen[g.pk] = Versiestand(goed, open_, lijnen)
        invoer.append(
            _puzzel_gemeente(g, standen[g.pk], indicatief, verslag if uit_verslag else None, regels)
        )
    uitkomst = puzzel(
        PerType(opgave[Soort.REGULIER].aantal, opgave[Soort.AMV].aantal), invoer, regels
    )

    inwoners = laatste_inwonertallen(gemeenten)
    oekraine_totaal, oekraine_plaatsen = oekraine_voor_r3(provincie, cyclus)
    gegevens = {
        g.naam: R3Gegevens(
            inwoners=inwoners[g.pk].aantal if g.pk in inwoners else 0,
            oekraine_plaatsen=oekraine_plaatsen[g.pk].aantal if g.pk in oekraine_plaatsen else 0,
        )
        for g in gemeenten
    }
    casus = restopgave_casus(
        provincie.naam, uitkomst, gegevens, oekraine_totaal.aantal if oekraine_totaal else None
    )
    return PuzzelPagina(
        provincie=provincie,
        cyclus=cyclus,
        opzet=opzet,
        regels=regels,
        gemeenten=tuple(gemeenten),
        opgave=opgave,
        puzzel=uitkomst,
        versies=standen,
        casus=casus,
        aanvulling=verdeel_restopgave(casus),
        r3_bronnen=tuple(
            _r3_bronnen(
                uit_verslag,
                inwoners,
                oekraine_totaal if casus.oekraine_totaal is not None else None,
            )
        ),
        uit_verslag=uit_verslag,
    )


# ---------------------------------------------------------------- versions of a gemeente


def versies_van(cyclus: Cyclus, gemeente: Gemeente) -> list[AanbodVersie]:
    """Every version of the gemeente's aanbod in the cyclus, newest first (one query)."""
    return list(
        AanbodVersie.objects.filter(cyclus=cyclus, gemeente=gemeente)
        .select_related("ingediend_door", "beoordeeld_door", "aangemaakt_door")
        .order_by("-volgnummer")
    )


def te_beoordelen(cyclus: Cyclus, provincie: Provincie) -> list[AanbodVersie]:
    return list(
        AanbodVersie.objects.filter(
            cyclus=cyclus, gemeente__provincie=provincie, status=AanbodStatus.INGEDIEND
        )
        .select_related("gemeente", "ingediend_door")
        .order_by("ingediend_op")
    )


def verdeelbesluit_verschillen(
    cyclus: Cyclus, provincie: Provincie
) -> list[tuple[Gemeente, PerType[int | None], PerType[int | None]]]:
    """Per gemeente (aanbod in het verslag, vastgesteld in het verdeelbesluit), per type: the
    stored AANBOD and VASTGESTELD opgaven (None where there is none). Two queries."""
    gemeenten = list(Gemeente.objects.filter(provincie=provincie).order_by("naam"))
    rijen: dict[tuple[int, str, str], int] = {
        (g, s, st): n
        for g, s, st, n in Opgave.objects.filter(
            cyclus=cyclus,
            gemeente__provincie=provincie,
            soort__in=[Soort.REGULIER, Soort.AMV],
            stadium__in=[Stadium.AANBOD, Stadium.VASTGESTELD],
        ).values_list("gemeente_id", "soort", "stadium", "aantal")
    }
    return [
        (
            g,
            PerType(
                rijen.get((g.pk, Soort.REGULIER, Stadium.AANBOD)),
                rijen.get((g.pk, Soort.AMV, Stadium.AANBOD)),
            ),
            PerType(
                rijen.get((g.pk, Soort.REGULIER, Stadium.VASTGESTELD)),
                rijen.get((g.pk, Soort.AMV, Stadium.VASTGESTELD)),
            ),
        )
        for g in gemeenten
    ]
