"""The tables of the aanlevering pages as ``core.tabel.Tabel``: the page shows them through
``core/tabel.html``, the "Excel" link downloads the same objects."""

from __future__ import annotations

from regietafel.aanlevering.importeren import Samenvatting
from regietafel.aanlevering.models import Aanlevering
from regietafel.core import opmaak
from regietafel.core.tabel import Kolom, Ontbreekt, Tabel, Waarde


def aanleveringen_tabel(aanleveringen: list[Aanlevering]) -> Tabel:
    return Tabel(
        sleutel="Aanleveringen",
        titel="De laatste aanleveringen die cijfers hebben gewijzigd",
        bijschrift="Nieuw en gewijzigd: aantallen rijen.",
        kolommen=(
            Kolom("Moment", "tekst", breedte=16),
            Kolom("Soort", "tekst", breedte=24),
            Kolom("Bestand", "tekst", breedte=36),
            Kolom("Peildatum", "datum", breedte=12),
            Kolom("Nieuw", som=True, breedte=8),
            Kolom("Gewijzigd", som=True, breedte=8),
            Kolom("Door", "tekst", breedte=16),
            Kolom("SHA-256", "tekst", breedte=66),
        ),
        rijen=tuple(
            (
                opmaak.moment(a.moment),
                a.get_soort_display(),
                a.bestandsnaam,
                a.peildatum,
                a.nieuw,
                a.gewijzigd,
                str(a.door) if a.door else "opdrachtregel",
                a.checksum,
            )
            for a in aanleveringen
        ),
        klein=True,
    )


def _cijfer(waarde: int | None, telling: bool) -> Waarde:
    if waarde is None:
        return Ontbreekt("niets")
    return waarde if telling else str(waarde)


def veranderingen_tabel(
    samenvatting: Samenvatting, oud_kop: str, *, tot: int | None = None
) -> Tabel:
    """Every new or changed figure of the file, one line per figure; ``tot``: the page shows
    the first so many gemeenten (and says how many more there are)."""
    return Tabel(
        sleutel="Veranderingen",
        titel=f"{samenvatting.soort_label}: {samenvatting.bestandsnaam}",
        bijschrift=f"Per gemeente het {oud_kop.lower()} en het nieuwe cijfer.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=18),
            Kolom("Wat", "tekst", breedte=30),
            Kolom("Status", "tekst", breedte=12),
            Kolom("Gegeven", "tekst", breedte=24),
            Kolom(oud_kop),
            Kolom("Nieuw"),
        ),
        rijen=tuple(
            (
                r.gemeente,
                r.onderwerp or "—",
                r.status,
                v.veld,
                _cijfer(v.oud, v.telling),
                _cijfer(v.nieuw, v.telling),
            )
            for r in samenvatting.veranderingen[:tot]
            for v in r.veranderingen
        ),
        klein=True,
    )
