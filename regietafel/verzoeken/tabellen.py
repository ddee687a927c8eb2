"""The tables of the verzoeken pages, built once: the page renders them and the Excel
export writes the same objects."""

from __future__ import annotations

from regietafel.core import opmaak
from regietafel.core.tabel import Aandeel, Kolom, Tabel
from regietafel.verzoeken.models import Activering, Kandidaatlocatie
from regietafel.verzoeken.queries import Nareizigers, Reserve


def reserves_tabel(rijen: list[Reserve]) -> Tabel:
    return Tabel(
        sleutel="noodopvangverzoeken",
        titel="Noodopvangverzoeken",
        bijschrift="Per verzoek de gevraagde plaatsen en wat de kandidaatlocaties aanhouden "
        "(gereed of geactiveerd).",
        kolommen=(
            Kolom("Verzoek", "tekst", breedte=30),
            Kolom("Van", "tekst", breedte=26),
            Kolom("Ontvangen", "datum"),
            Kolom("Periode van", "datum"),
            Kolom("Periode tot en met", "datum"),
            Kolom("Gevraagd", som=True),
            Kolom("Kandidaten", som=True),
            Kolom("Verkend", som=True),
            Kolom("Gereed", som=True),
            Kolom("Geactiveerd", som=True),
            Kolom("Aangehouden", som=True),
        ),
        rijen=tuple(
            (
                str(r.verzoek),
                r.verzoek.van_wie,
                r.verzoek.ontvangen_op,
                r.verzoek.periode_van,
                r.verzoek.periode_tot,
                r.verzoek.plaatsen,
                r.kandidaten,
                r.verkend,
                r.gereed,
                r.geactiveerd,
                r.aangehouden,
            )
            for r in rijen
        ),
        breed=True,
    )


def kandidaten_tabel(r: Reserve, kandidaten: list[Kandidaatlocatie]) -> Tabel:
    return Tabel(
        sleutel="kandidaatlocaties",
        titel="Kandidaatlocaties",
        bijschrift=f"Locaties voor het {str(r.verzoek).lower()}, met hun gereedheid.",
        kolommen=(
            Kolom("Locatie", "tekst", breedte=30),
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Plaatsen", som=True),
            Kolom("Gereedheid", "tekst"),
            Kolom("Per", "datum"),
            Kolom("Notities", "tekst", breedte=40),
        ),
        rijen=tuple(
            (
                k.weergavenaam + (" (locatieregister)" if k.locatie_id and not k.naam else ""),
                k.gemeente.naam,
                k.plaatsen,
                k.get_gereedheid_display(),
                k.gereedheid_op,
                k.notities,
            )
            for k in kandidaten
        ),
        totaal=(
            ("Totaal", "", sum(k.plaatsen for k in kandidaten), "", None, "")
            if kandidaten
            else None
        ),
        voetregels=(
            ("Aangehouden (gereed of geactiveerd)", "", r.aangehouden, "", None, ""),
            ("Gevraagd", "", r.verzoek.plaatsen, "", None, ""),
        ),
        breed=True,
    )


def activeringen_tabel(activeringen: list[Activering]) -> Tabel:
    return Tabel(
        sleutel="activeringen",
        titel="Activeringslogboek",
        bijschrift="Wanneer welke locatie in gebruik werd genomen, door wie en tot wanneer.",
        kolommen=(
            Kolom("Locatie", "tekst", breedte=30),
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Geactiveerd op", "datum"),
            Kolom("Plaatsen", som=True),
            Kolom("Door", "tekst", breedte=20),
            Kolom("Beëindigd op", "datum"),
            Kolom("Notities", "tekst", breedte=36),
        ),
        rijen=tuple(
            (
                a.kandidaat.weergavenaam,
                a.kandidaat.gemeente.naam,
                a.geactiveerd_op,
                a.plaatsen,
                a.door_wie,
                a.beeindigd_op,
                a.notities,
            )
            for a in activeringen
        ),
        breed=True,
    )


def plaatsingen_tabel(n: Nareizigers) -> Tabel:
    return Tabel(
        sleutel="nareizigers",
        titel="Plaatsingen van nareizigers",
        bijschrift=f"Per plaatsing: wanneer de gemeente is geïnformeerd, tot wanneer het COA "
        f"het hotel betaalt en de signalen op {opmaak.datum(n.datum)}.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Hotel", "tekst", breedte=26),
            Kolom("Personen", som=True),
            Kolom("Gemeente geïnformeerd", "datum"),
            Kolom("Geplaatst", "datum"),
            Kolom("Dagen vooraf geïnformeerd"),
            Kolom("COA betaalt tot", "datum"),
            Kolom("Einddatum verblijf", "datum"),
            Kolom("Signalen", "tekst", breedte=50),
        ),
        rijen=tuple(
            (
                r.plaatsing.gemeente.naam,
                r.plaatsing.hotelnaam,
                r.plaatsing.personen,
                r.plaatsing.geinformeerd_op,
                r.plaatsing.geplaatst_op,
                r.dagen_vooraf,
                r.coa_betaalt_tot,
                r.plaatsing.einddatum,
                " ".join(m.tekst for m in r.meldingen),
            )
            for r in n.rijen
        ),
        totaal=(
            (
                "Totaal",
                "",
                sum(r.plaatsing.personen for r in n.rijen),
                None,
                None,
                None,
                None,
                None,
                "",
            )
            if n.rijen
            else None
        ),
        breed=True,
    )


def taakstelling_tabel(n: Nareizigers) -> Tabel:
    return Tabel(
        sleutel="nareizigers_taakstelling",
        titel="Nareizigers binnen de taakstelling",
        bijschrift="Geplaatste nareizigers tellen mee in de taakstelling huisvesting "
        "vergunninghouders van het halfjaar van plaatsing (geen extra opgave). "
        "Leeg: geen vastgestelde taakstelling opgeslagen voor dat halfjaar.",
        kolommen=(
            Kolom("Gemeente", "tekst", breedte=16),
            Kolom("Halfjaar", "tekst", breedte=16),
            Kolom("Nareizigers geplaatst", som=True),
            Kolom("Taakstelling halfjaar"),
            Kolom("Aandeel nareizigers", "procent"),
        ),
        rijen=tuple(
            (
                r.gemeente,
                r.halfjaar,
                r.nareizigers,
                r.taakstelling,
                Aandeel(r.nareizigers, r.taakstelling) if r.taakstelling is not None else None,
            )
            for r in n.taakstelling
        ),
    )
