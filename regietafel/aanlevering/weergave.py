"""A ``Samenvatting`` as the lines the CLI prints (the upload page renders the same object)."""

from __future__ import annotations

from regietafel.aanlevering.importeren import NIEUW, Regel, Samenvatting
from regietafel.core import opmaak
from regietafel.domain import notatie

MAX_REGELS = 15
MAX_FOUTEN = 50


def _getal(n: int | None, telling: bool = True) -> str:
    if n is None:
        return "–"
    return notatie.getal(n) if telling else str(n)


def regel_tekst(regel: Regel) -> str:
    if regel.status == NIEUW:
        waarden = ", ".join(f"{v.veld} {_getal(v.nieuw, v.telling)}" for v in regel.veranderingen)
        return f"{regel.omschrijving}: nieuw ({waarden})"
    wijzigingen = ", ".join(
        f"{v.veld} {_getal(v.oud, v.telling)} → {_getal(v.nieuw, v.telling)}"
        for v in regel.veranderingen
    )
    return f"{regel.omschrijving}: {wijzigingen}"


def samenvatting_regels(s: Samenvatting) -> list[str]:
    peildata = ", ".join(opmaak.datum(d) for d in s.peildata[:6])
    if len(s.peildata) > 6:
        peildata += f" en {len(s.peildata) - 6} meer"
    regels = [f"{s.soort_label}: {s.bestandsnaam}", f"SHA-256 {s.checksum}"]
    if s.peildata:
        regels.append(f"Peildatum {peildata}" if len(s.peildata) == 1 else f"Peildata {peildata}")
    regels.append(
        f"{len(s.regels)} rijen: {s.nieuw} nieuw, {s.gewijzigd} gewijzigd, "
        f"{s.ongewijzigd} ongewijzigd."
    )
    if s.opgaven:
        regels.append(
            f"Opgaven (taakstelling): {s.aantal(NIEUW, opgaven=True)} nieuw, "
            f"{s.aantal('gewijzigd', opgaven=True)} gewijzigd, "
            f"{s.aantal('ongewijzigd', opgaven=True)} ongewijzigd."
        )
    veranderingen = s.veranderingen
    for regel in veranderingen[:MAX_REGELS]:
        regels.append("  " + regel_tekst(regel))
    if len(veranderingen) > MAX_REGELS:
        regels.append(f"  … en {len(veranderingen) - MAX_REGELS} wijzigingen meer.")
    regels.extend(f"Let op: {n}" for n in s.notities)
    if s.dry_run:
        regels.append("Proefimport (--dry-run): er is niets opgeslagen.")
    elif s.geschreven:
        regels.append("Opgeslagen.")
    else:
        regels.append("Niets gewijzigd: alle cijfers waren al opgeslagen.")
    return regels


def fout_regels(s: Samenvatting) -> list[str]:
    regels = [str(f) for f in s.fouten[:MAX_FOUTEN]]
    if len(s.fouten) > MAX_FOUTEN:
        regels.append(f"… en {len(s.fouten) - MAX_FOUTEN} fouten meer.")
    aantal = len(s.fouten)
    regels.append(
        f"Niets opgeslagen: {aantal} {'fout' if aantal == 1 else 'fouten'} in {s.bestandsnaam}."
    )
    return regels
