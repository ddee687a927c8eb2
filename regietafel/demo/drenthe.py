"""The Drenthe demo, transcribed from the seed documents (every number is test data).

Rows only: no totals are stored. The totals the documents print are kept in
``BRONTOTALEN`` so the validation report can compare them with the sums of the rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

PROVINCIE = "Drenthe"

# Seed 001, "de Drentse PUZZEL voor Nieuwkomers", opgave 2025 per 25-10-2024.
# gemeente: (inwoners 2023, oek_opgave_2025, oek_realisatie_2024, oek_ambitie_2025,
#            reg_indicatief, reg_realisatie, reg_aanbod_2025, reg_aanbod_2026,
#            amv_indicatief, amv_realisatie_2024, amv_aanbod_2025, amv_aanbod_2026)
# Blank cells and "-" are 0.
PUZZEL: dict[str, tuple[int, ...]] = {
    "Aa en Hunze": (25724, 293, 403, 430, 143, 66, 87, 87, 13, 0, 0, 0),
    "Assen": (69414, 791, 792, 792, 329, 1645, 1000, 1000, 31, 0, 0, 0),
    "Borger-Odoorn": (25919, 295, 246, 385, 128, 69, 0, 0, 12, 0, 50, 50),
    "Coevorden": (35700, 407, 220, 220, 172, 500, 430, 430, 16, 20, 20, 20),
    "De Wolden": (24602, 280, 112, 382, 139, 43, 0, 0, 13, 0, 50, 50),
    "Emmen": (108765, 1240, 996, 996, 453, 725, 675, 675, 42, 0, 50, 50),
    "Hoogeveen": (56433, 643, 500, 506, 256, 952, 940, 940, 24, 0, 0, 0),
    "Meppel": (35464, 404, 455, 455, 177, 184, 192, 192, 16, 0, 0, 0),
    "Midden-Drenthe": (33987, 387, 264, 537, 181, 0, 0, 0, 17, 0, 50, 50),
    "Noordenveld": (31591, 360, 200, 503, 170, 67, 0, 0, 16, 43, 43, 43),
    "Tynaarlo": (34592, 394, 290, 340, 205, 334, 250, 250, 19, 28, 28, 28),
    "Westerveld": (19860, 226, 125, 102, 109, 208, 240, 240, 10, 50, 50, 50),
}
PUZZEL_BRON = "Provinciaal verslag Drenthe 31-10-2024, PUZZEL per 25-10-2024"
PUZZEL_PEILDATUM = dt.date(2024, 10, 1)
INWONERS_JAAR = 2023

# Seed 000, "Stand van zaken realisatie opgaven", realisatie per 1-11-2025.
# gemeente: (oekraine, regulier, amv); a blank AMV cell is no figure (None).
STAND_PEILDATUM = dt.date(2025, 11, 1)
STAND_BRON = "Stand van zaken realisatie opgaven, versie 14-11-2025"
REALISATIE_2025_11: dict[str, tuple[int, int, int | None]] = {
    "Aa en Hunze": (431, 80, None),
    "Assen": (822, 1000, None),
    "Borger-Odoorn": (310, 22, 0),
    "Coevorden": (220, 430, 20),
    "De Wolden": (212, 43, 0),
    "Emmen": (1004, 675, 50),
    "Hoogeveen": (430, 952, None),
    "Meppel": (600, 192, None),
    "Midden-Drenthe": (369, 0, 0),
    "Noordenveld": (181, 32, 43),
    "Tynaarlo": (344, 150, 28),
    "Westerveld": (55, 243, 50),
}

# Seed 000, COA "Overzicht huisvesting vergunninghouders", peildatum 01-11-2025.
# gemeente: (stand 1 jan, taakstelling H1, realisatie H1, taakstelling H2, correcties,
#            realisatie jul, aug, sep, okt, nov, dec)
COA_PEILDATUM = dt.date(2025, 11, 1)
COA_JAAR = 2025
COA_BRON = "COA, Overzicht huisvesting vergunninghouders, peildatum 01-11-2025"
COA_2025_11: dict[str, tuple[int, ...]] = {
    "Aa en Hunze": (32, 22, 12, 19, 0, 9, 10, 3, 4, 0, 0),
    "Assen": (13, 58, 34, 50, 0, 9, 3, 25, 2, 0, 0),
    "Borger-Odoorn": (25, 22, 11, 19, 0, 1, 4, 3, 2, 0, 0),
    "Coevorden": (31, 30, 33, 26, 0, 3, 0, 1, 1, 0, 0),
    "De Wolden": (22, 21, 15, 18, 0, 4, 0, 0, 0, 0, 0),
    "Emmen": (59, 91, 63, 79, 0, 17, 35, 6, 27, 0, 0),
    "Hoogeveen": (57, 47, 40, 41, 0, 0, 9, 5, 11, 0, 0),
    "Meppel": (4, 30, 12, 26, 0, 4, 5, 3, 6, 0, 0),
    "Midden-Drenthe": (40, 29, 26, 25, 0, 3, 12, 8, 0, 0, 0),
    "Noordenveld": (2, 27, 23, 23, 0, 1, 0, 0, 4, 0, 0),
    "Tynaarlo": (30, 29, 19, 25, 0, 3, 5, 6, 5, 0, 0),
    "Westerveld": (6, 17, 2, 14, 0, 10, 22, 7, 0, 0, 0),
}
# The derived columns as COA printed them, checked against R4 by the validation report.
COA_GERAPPORTEERD: dict[str, dict[str, int]] = {
    "Aa en Hunze": {
        "stand_1_jul": 42,
        "taakstelling_incl": 61,
        "realisatie_totaal": 26,
        "achter_voor": 35,
    },
    "Assen": {
        "stand_1_jul": 37,
        "taakstelling_incl": 87,
        "realisatie_totaal": 39,
        "achter_voor": 48,
    },
    "Borger-Odoorn": {
        "stand_1_jul": 36,
        "taakstelling_incl": 55,
        "realisatie_totaal": 10,
        "achter_voor": 45,
    },
    "Coevorden": {
        "stand_1_jul": 28,
        "taakstelling_incl": 54,
        "realisatie_totaal": 5,
        "achter_voor": 49,
    },
    "De Wolden": {
        "stand_1_jul": 28,
        "taakstelling_incl": 46,
        "realisatie_totaal": 4,
        "achter_voor": 42,
    },
    "Emmen": {
        "stand_1_jul": 87,
        "taakstelling_incl": 166,
        "realisatie_totaal": 85,
        "achter_voor": 81,
    },
    "Hoogeveen": {
        "stand_1_jul": 64,
        "taakstelling_incl": 105,
        "realisatie_totaal": 25,
        "achter_voor": 80,
    },
    "Meppel": {
        "stand_1_jul": 22,
        "taakstelling_incl": 48,
        "realisatie_totaal": 18,
        "achter_voor": 30,
    },
    "Midden-Drenthe": {
        "stand_1_jul": 43,
        "taakstelling_incl": 68,
        "realisatie_totaal": 23,
        "achter_voor": 45,
    },
    "Noordenveld": {
        "stand_1_jul": 6,
        "taakstelling_incl": 29,
        "realisatie_totaal": 5,
        "achter_voor": 24,
    },
    "Tynaarlo": {
        "stand_1_jul": 40,
        "taakstelling_incl": 65,
        "realisatie_totaal": 19,
        "achter_voor": 46,
    },
    "Westerveld": {
        "stand_1_jul": 21,
        "taakstelling_incl": 35,
        "realisatie_totaal": 39,
        "achter_voor": -4,
    },
}

# Seed 000, Nidos "Factsheet opvang", update van maandag 3 november 2025.
# Names as Nidos writes them (upper case, "HOOGVEEN"): matched against the register.
NIDOS_PEILDATUM = dt.date(2025, 11, 3)
NIDOS_BRON = "Nidos, Factsheet opvang, update van 03-11-2025"
NIDOS_2025_11: dict[str, tuple[int, int]] = {  # gerealiseerd, totaal taakstelling
    "AA EN HUNZE": (0, 5),
    "ASSEN": (33, 14),
    "BORGER-ODOORN": (0, 5),
    "COEVORDEN": (0, 7),
    "DE WOLDEN": (0, 5),
    "EMMEN": (8, 21),
    "HOOGVEEN": (0, 11),
    "MEPPEL": (0, 7),
    "MIDDEN-DRENTHE": (6, 7),
    "NOORDENVELD": (12, 6),
    "TYNAARLO": (0, 7),
    "WESTERVELD": (14, 0),
}

# Provincial numbers (domain.md; seeds 000, 001).
PROVINCIE_OPGAVEN = [
    # (cyclus code, soort, aantal, geldig vanaf, bron)
    (
        "spreidingswet-2024",
        "regulier",
        2462,
        dt.date(2024, 1, 31),
        "Capaciteitsraming 2024, Stcrt. 2024, 3320",
    ),
    (
        "spreidingswet-2024",
        "amv",
        229,
        dt.date(2024, 1, 31),
        "Capaciteitsraming 2024, Stcrt. 2024, 3320",
    ),
    ("oekraine-2025", "oekraine", 5722, dt.date(2024, 10, 25), PUZZEL_BRON),
    (
        "oekraine-2025",
        "oekraine",
        5138,
        dt.date(2025, 7, 1),
        "Brief minister van A&M van 17 april 2025",
    ),
]
# Totals as the documents print them; compared with the sums of the rows, never displayed as data.
BRONTOTALEN = {"oekraine_opgave_2025": 5722}

# Seed 001, Bijlage 1 "Format provinciale verslag Drenthe", the figures as printed, per type:
# (provinciale opgave, ingevuld, nog in te vullen). Stored as the source's own figures
# (opgaven.BronInvulling) to be checked, never shown as data: "2691" as the regular opgave and
# "4155" as the regular places filled are regular and AMV together (2.462 + 229, 3.814 + 341);
# "141 ingevuld / 200 nog in te vullen" contradicts the AMV opgave of 229 and the 341 offered.
BIJLAGE1_BRON = "Provinciaal verslag Drenthe 31-10-2024, Bijlage 1"
BIJLAGE1: dict[str, tuple[int | None, int | None, int | None]] = {
    "regulier": (2691, 4155, 0),
    "amv": (229, 141, 200),
}

CYCLI: list[dict[str, Any]] = [
    {
        "code": "spreidingswet-2024",
        "naam": "Spreidingswet 2025–2026 (eerste cyclus)",
        "soort": "spreidingswet",
        "jaar": 2024,
        "begin": dt.date(2025, 1, 1),
        "eind": dt.date(2026, 12, 31),
        "deadline_verslag": dt.date(2024, 11, 1),
        "kolomkop": "25/26",
    },
    {
        "code": "spreidingswet-2026",
        "naam": "Spreidingswet 2027–2028 (tweede cyclus)",
        "soort": "spreidingswet",
        "jaar": 2026,
        "begin": dt.date(2027, 1, 1),
        "eind": dt.date(2028, 12, 31),
        "deadline_verslag": dt.date(2026, 12, 1),
        "kolomkop": "27/28",
    },
    {
        "code": "oekraine-2025",
        "naam": "Opvang Oekraïense ontheemden 2025–2026",
        "soort": "oekraine",
        "jaar": 2025,
        "begin": dt.date(2025, 1, 1),
        "eind": dt.date(2026, 12, 31),
        "deadline_verslag": None,
        "kolomkop": "25/26",
    },
    {
        "code": "statushouders-2025-1",
        "naam": "Statushouders 1e helft 2025",
        "soort": "statushouders",
        "jaar": 2025,
        "begin": dt.date(2025, 1, 1),
        "eind": dt.date(2025, 6, 30),
        "deadline_verslag": None,
        "kolomkop": "2025-1",
    },
    {
        "code": "statushouders-2025-2",
        "naam": "Statushouders 2e helft 2025",
        "soort": "statushouders",
        "jaar": 2025,
        "begin": dt.date(2025, 7, 1),
        "eind": dt.date(2025, 12, 31),
        "deadline_verslag": None,
        "kolomkop": "2025-2",
    },
]

# Seed 001, Bijlage 1: locations offered in the provinciaal verslag.
# Columns mapped as: "Aantal regulier" → plaatsen_regulier, "AMV" → plaatsen_amv, "Aantal
# Bijzonder" → plaatsen_bijzonder (the projection's "overig"; the markers TGO/NO in the AMV column
# are the type); no Bijlage 1 location has Oekraïne places (plaatsen_oekraine stays 0).
# Checked against the seed row by row (4.155 places: 3.185 regulier + 629 bijzonder + 341 AMV).
# Two sub-rows are merged into their location: Coevorden's 20 AMV places (same contract, "onbep.
# tijd") and Tynaarlo's 28 AMV (printed in the "Beschikbaar van" column: 250 + 28 = 278).
# "Beschikbaar tot" is the day the contract ends (R7; regietafel.domain.capaciteit).
LOCATIES_BRON = BIJLAGE1_BRON
LOCATIES: list[dict[str, object]] = [
    {
        "gemeente": "Aa en Hunze",
        "naam": "TGO Aa en Hunze",
        "type": "tgo",
        "plaatsen_bijzonder": 87,
        "beschikbaar_van": dt.date(2022, 10, 13),
        "status": "gerealiseerd",
        "bijzonderheden": "geen einddatum",
    },
    {
        "gemeente": "Assen",
        "naam": "azc Assen",
        "type": "regulier",
        "plaatsen_regulier": 1000,
        "beschikbaar_van": dt.date(2017, 3, 1),
        "beschikbaar_tot": dt.date(2026, 4, 1),
        "status": "gerealiseerd",
    },
    {
        "gemeente": "Borger-Odoorn",
        "naam": "AMV-locatie Borger-Odoorn",
        "type": "amv",
        "plaatsen_amv": 50,
        "status": "gepland",
        "bijzonderheden": "nog te realiseren",
    },
    {
        "gemeente": "Coevorden",
        "naam": "azc Coevorden",
        "type": "regulier",
        "plaatsen_regulier": 430,
        "plaatsen_amv": 20,
        "beschikbaar_van": dt.date(1993, 9, 1),
        "onbepaalde_tijd": True,
        "status": "gerealiseerd",
        "bijzonderheden": "20 AMV-plekken, onbepaalde tijd",
    },
    {
        "gemeente": "De Wolden",
        "naam": "AMV-locatie De Wolden",
        "type": "amv",
        "plaatsen_amv": 50,
        "status": "gepland",
        "bijzonderheden": "nog te realiseren",
    },
    {
        "gemeente": "Emmen",
        "naam": "azc Emmen",
        "type": "regulier",
        "plaatsen_regulier": 675,
        "plaatsen_amv": 50,
        "beschikbaar_van": dt.date(2000, 5, 1),
        "beschikbaar_tot": dt.date(2031, 10, 19),
        "status": "gerealiseerd",
        "bijzonderheden": "gezinslocatie voor uitgeprocedeerde asielzoekers",
    },
    {
        "gemeente": "Hoogeveen",
        "naam": "azc Hoogeveen",
        "type": "regulier",
        "plaatsen_regulier": 940,
        "beschikbaar_van": dt.date(2014, 12, 24),
        "beschikbaar_tot": dt.date(2028, 2, 9),
        "status": "gerealiseerd",
        "bijzonderheden": "HTL (60 plekken)",
    },
    {
        "gemeente": "Meppel",
        "naam": "Noodopvang Meppel",
        "type": "noodopvang",
        "plaatsen_bijzonder": 192,
        "beschikbaar_van": dt.date(2022, 11, 1),
        "beschikbaar_tot": dt.date(2026, 3, 31),
        "status": "gerealiseerd",
    },
    {
        "gemeente": "Midden-Drenthe",
        "naam": "AMV-locatie Midden-Drenthe",
        "type": "amv",
        "plaatsen_amv": 50,
        "status": "gepland",
        "bijzonderheden": "nog te realiseren",
    },
    {
        "gemeente": "Noordenveld",
        "naam": "AMV-locatie Noordenveld",
        "type": "amv",
        "plaatsen_amv": 43,
        "beschikbaar_van": dt.date(2022, 8, 30),
        "beschikbaar_tot": dt.date(2026, 3, 1),
        "status": "gerealiseerd",
        "bijzonderheden": "intentie om overeenkomst te verlengen",
    },
    {
        "gemeente": "Westerveld",
        "naam": "azc Westerveld",
        "type": "regulier",
        "plaatsen_regulier": 140,
        "beschikbaar_tot": dt.date(2030, 3, 24),
        "status": "gerealiseerd",
    },
    {
        "gemeente": "Westerveld",
        "naam": "AMV-locatie Westerveld",
        "type": "amv",
        "plaatsen_amv": 50,
        "beschikbaar_tot": dt.date(2030, 4, 13),
        "status": "gerealiseerd",
    },
    {
        "gemeente": "Westerveld",
        "naam": "Noodopvang Westerveld",
        "type": "noodopvang",
        "plaatsen_bijzonder": 75,
        "beschikbaar_tot": dt.date(2024, 12, 31),
        "status": "gerealiseerd",
        "bijzonderheden": "verlenging wordt besproken",
    },
    {
        "gemeente": "Westerveld",
        "naam": "TGO Westerveld",
        "type": "tgo",
        "plaatsen_bijzonder": 25,
        "beschikbaar_tot": dt.date(2024, 12, 31),
        "status": "gerealiseerd",
        "bijzonderheden": "verlenging wordt besproken",
    },
    {
        "gemeente": "Tynaarlo",
        "naam": "Noodopvang Tynaarlo",
        "type": "noodopvang",
        "plaatsen_bijzonder": 250,
        "plaatsen_amv": 28,
        "beschikbaar_tot": dt.date(2026, 12, 31),
        "status": "gerealiseerd",
        "bijzonderheden": "ontwikkelt nieuw AZC ter vervanging huidige plekken",
    },
]

DEMO_WACHTWOORD = "regietafel-demo"
# The demo's delivery deadline (herinneringen): the 5th working day of the peildatum's month,
# reminders three days before. Not from a seed: an example a secretariaat changes on its page.
AANLEVERTERMIJN: dict[str, Any] = {
    "soort": "werkdag",
    "dag": 5,
    "maanden_na_peildatum": 0,
    "dagen_vooraf": 3,
}
# New demo accounts get an address here (a reserved name: mail to it goes nowhere); `make run`
# writes the mail to var/mail/ (EMAIL_BACKEND=bestand).
DEMO_MAILDOMEIN = "demo.regietafel.example"

DEMO_ACCOUNTS = [
    # (gebruikersnaam, rol, gemeente, organisatie, omschrijving)
    (
        "secretariaat",
        "secretariaat",
        None,
        "Provincie Drenthe",
        "secretariaat PRT: alles in Drenthe",
    ),
    ("gemeente-assen", "gemeente", "Assen", "Gemeente Assen", "gemeente Assen"),
    ("gemeente-emmen", "gemeente", "Emmen", "Gemeente Emmen", "gemeente Emmen"),
    ("coa", "aanleverancier", None, "COA", "COA: aanleveren"),
    ("lezer", "lezer", None, "Provincie Drenthe", "alleen lezen"),
]

# Seed 001, "Financiële regelingen" and Bijlage 2 (domain.md R6): the amounts of the first cycle.
# The verslag prints only totals. The SPUK 3 amount per gemeente is a demo assumption: the
# € 983.686 for the gemeenten spread over the nine that choose SPUK 3 in proportion to their
# offer (largest remainder), and the same rate per place for Assen, Coevorden and Hoogeveen.
BONUS_BRON = "Provinciaal verslag Drenthe 31-10-2024, Financiële regelingen en Bijlage 2"
BONUSREGELINGEN: list[dict[str, Any]] = [
    {
        "cyclus": "spreidingswet-2024",
        "spuk1_per_plek": 2000,
        "spuk2_per_plek": 2000,
        "spuk3_drempel_procent": 75,
        "spuk3_budget": 983686,
        "spuk3_provincie": 408653,
        "spuk3_per_gemeente": {
            "Aa en Hunze": 48488,
            "Assen": 557329,
            "Borger-Odoorn": 27866,
            "Coevorden": 250798,
            "De Wolden": 27866,
            "Emmen": 404064,
            "Hoogeveen": 523889,
            "Meppel": 107007,
            "Midden-Drenthe": 27866,
            "Noordenveld": 23965,
            "Tynaarlo": 154938,
            "Westerveld": 161626,
        },
    }
]

# The editable texts of the two reports as the seeds have them (seed 000 of 14-11-2025,
# seed 001 of 31-10-2024); the numbers in the reports are computed, these are the free texts.
RAPPORTVERSIES: list[dict[str, Any]] = [
    {
        "soort": "stand_van_zaken",
        "peildatum": STAND_PEILDATUM,
        "versie_datum": dt.date(2025, 11, 14),
        "adressering": "Bestuurlijke PRT Drenthe d.d. 19 november 2025",
        "teksten": {
            "oekraine": (
                "Dit leidt ook in Drenthe tot weigeringen aan de deur bij de GOO's vanwege "
                "gebrek aan beschikbare plekken."
            ),
            "spreidingswet": (
                "In de praktijk blijkt dat de minimale omvang van 50 plekken per locatie een "
                "obstakel vormt voor het draagvlak in verschillende gemeenten. Vanuit de PRT "
                "Drenthe is dit bij het ministerie onder de aandacht gebracht. Onder regie van het "
                "ministerie is vervolgens gesproken met de betrokken gemeenten, het COA en de "
                "provincie, en zijn mogelijke oplossingsrichtingen verkend. Deze zijn vertaald in "
                "een brief aan de voorzitter van de PRT."
            ),
        },
    },
    {
        "soort": "verslag",
        "cyclus": "spreidingswet-2024",
        "versie_datum": dt.date(2024, 10, 31),
        "adressering": "De minister van Asiel en Migratie",
        "teksten": {
            "huidige_situatie": (
                "De afgelopen tijd is er vooral gewerkt aan de invulling en verdeling van "
                "opvangplekken voor 2025 en 2026. Tegelijkertijd hebben veel Drentse gemeenten zich "
                "ingespannen om noodopvang te organiseren voor asielzoekers die vanwege de situatie "
                "in het aanmeldcentrum in Ter Apel geen onderdak konden krijgen. Vanuit "
                "collegialiteit en solidariteit hebben de gemeenten gezamenlijk ervoor gezorgd dat "
                "deze mensen onderdak kregen.\n\n"
                "Alle Drentse gemeenten nemen op dit moment hun verantwoordelijkheid in de opvang "
                "van zowel asielzoekers als Oekraïense ontheemden."
            ),
            "verdeling": (
                "De Spreidingswet is op 1 februari 2024 in werking getreden. In de brief van de "
                "Staatssecretaris van Justitie en Veiligheid zijn de gemeenten geïnformeerd over de "
                "inwerkingtreding van deze wet en de gevolgen voor de gemeenten. In de brief van de "
                "staatssecretaris is tevens aangegeven dat de provinciale regietafels aan zet zijn "
                "om te komen tot een passende invulling van de provinciale opgave.\n\n"
                "Op 2 februari 2024 hebben we aan onze provinciale regietafel Drenthe hierover "
                "gesproken. Kort samengevat is afgesproken dat:\n\n"
                "- we voortbouwen op hetgeen we in Drenthe al hebben gerealiseerd;\n"
                "- alle gemeenten een evenredige bijdrage leveren in de realisatie van de (Drentse) "
                "opgaven binnen de asiel- en vluchtelingenketen en;\n"
                "- we eerst op basis van vrijwilligheid willen komen tot een passende verdeling van "
                "de diverse opgaven over de verschillende gemeenten.\n\n"
                "Alle 12 gemeenten hebben hun inzet voor de opgaven voor 2025 en 2026 doorgegeven. "
                "Deze verdeling is in de vergadering van de PRT op 17 juli besproken en op 4 "
                "oktober 2024 'bekrachtigd'."
            ),
            "conclusie": (
                "We hebben in Drenthe de opgaven als totaal benaderd en elke gemeente draagt "
                "daarin, binnen haar mogelijkheden, op een passende manier bij. Dit leidt er toe "
                "dat we in Drenthe de wettelijke asielopgaven voor 2025 en 2026 gaan realiseren en "
                "de Oekraïneopgave fors uitbreiden.\n\n"
                "Uit de gespreksrondes met de gemeenten is gebleken dat er geen basis is om tot een "
                "uitwisseling van de (taakstelling) van de statushouders in relatie tot de andere "
                "opvangopgaven te komen."
            ),
            "verzoeken": (
                "Om de voorzieningen voor asielzoekers, statushouders en Oekraïense ontheemden "
                "passend en duurzaam te kunnen realiseren, vragen we de minister aandacht te geven "
                "aan de volgende punten:\n\n"
                "- Drenthe is een provincie met kleine kernen en relatief weinig stedelijke "
                "gebieden. We verzoeken om meer flexibiliteit in regelgeving en financiering om "
                "kleinere eenheden te kunnen realiseren.\n"
                "- Er is een structurele oplossing nodig voor de overlast in de gemeenten rondom "
                "het aanmeldcentrum in Ter Apel.\n"
                "- Een (wettelijke) verdeling van de opvangopgave voor asielzoekers over de "
                "gemeenten draagt bij aan een evenwichtige spreiding van de opvanglocaties.\n"
                "- Er zijn grote zorgen over het voornemen van het kabinet om statushouders geen "
                "voorrang meer te geven bij sociale huurwoningen.\n"
                "- Ondersteuning bij de bouwopgave is essentieel."
            ),
        },
    },
]
