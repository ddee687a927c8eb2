"""The Drenthe PRT meetings of 19 november 2025 and 5 februari 2026 (seeds 002 and 004) and the
two letters on the agenda of 5 februari, loaded through ``overleg.services``.

Only adds what is missing, and a meeting is loaded whole or not at all: a meeting that is there
(the provincie has one of that soort on that date, or the history shows it was made and a
user moved it since) keeps its items, notes, decisions, actions, attachments and approval as
they are; the letters come with the meeting of 5-2-2026 and a registered letter stays as it
is. A second ``laad`` writes nothing.

From the seeds: the agenda of 5-2-2026 (items, doel, time, place), the two letters (text as
in seed 002, names redacted there), the actie- en besluitenlijst of 19-11-2025 (notes, the
decisions and the work it assigns "Door wie?": Secretaris). Not in the seeds and therefore
chosen here: the agenda numbering of 19-11 (its list's headings in order), which actions of
19-11 were done by 5-2, and the follow-up of the two letters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from regietafel.demo.bestaand import eerder_aangemaakt
from regietafel.gemeenten.models import Provincie
from regietafel.overleg import services
from regietafel.overleg.models import (
    ActieStatus,
    Agendapunt,
    BriefSoort,
    Doel,
    OpvolgingStatus,
    Overleg,
    OverlegSoort,
)

PROVINCIE = "Drenthe"
NOVEMBER = dt.date(2025, 11, 19)
FEBRUARI = dt.date(2026, 2, 5)
STAND_PEILDATUM = dt.date(2025, 11, 1)
"""The Stand van zaken attached to 5-2-2026 (items 5a, 6a, 7a): the latest peildatum with figures."""

# ---------------------------------------------------------------- 19 november 2025 (seed 004)

MEDEDELINGEN = """De Doelgroep-flexibele regeling ligt op 21 november in de ministerraad (MR). Kanttekening: de uitvoeringsscan van de VNG wordt niet meegenomen. De VNG heeft herhaaldelijk zorgen geuit, ook bij andere dossiers in de asielketen. De tijdelijke VNG-commissie Asiel en Migratie onderschrijft deze zorgen, vooral rond de huisvesting van statushouders en het huidige beleid. In de MR wordt een mandatering gevraagd t.a.v. de DFR om de opbrengsten uit de uitvoeringsscan en de uitvoeringstoetsen van NOO en COA alsnog in de regeling te verwerken zonder dat er een tweede gang langs de MR nodig is.
Ook de financiering van Oek-locaties staat op de agenda van de ministerraad. Kern van de wijziging: gemeenten krijgen vergoed op basis van daadwerkelijk gemaakte kosten. Gemeenten roepen het ministerie op tot structurele financiering. De huidige toezeggingen zijn beperkt; continuïteit vraagt om een stabiel, meerjarig perspectief.
Per 1 januari gaat een nieuwe financiële regeling in. Centrale vraag: is het voor gemeenten gunstiger om aanvragen nog vóór 1 januari in te dienen of juist daarna? Dit wordt onderzocht.
De nationale aanpak van 'veiligelanders' loopt langs meerdere sporen. De opvang zit vol, waardoor uitplaatsing vrijwel stilvalt en de manoeuvreerruimte minimaal is. De roep om een concrete aanpak zowel preventief als repressief wordt urgenter. Vanuit Ter Apel klinkt het verzoek om stevig in te zetten op de veiligelandersaanpak. De plannen liggen klaar; politieke wil lijkt de ontbrekende schakel. Dit onderwerp wordt meegenomen in het gesprek met de minister van A&M op 15 december.
Bij de provincie is een Woo-verzoek ingediend over documenten rond de verdeling en realisatie van Oekraïne-opvanglocaties. Er ligt een conceptbesluit dat nu voor zienswijze bij alle PRT-leden is uitgezet. Wordt vervolgd."""

ASIELOPVANG = """De asielopvang zit in een complexe fase: alle locaties zijn vol en de uitstroom stokt.
Door de voortdurende focus op de aantallen in Ter Apel blijven afspraken elders liggen. Dit ondermijnt draagvlak.
Ter Apel loopt verder op. De vraag is wanneer de kritische (gras)grens wordt bereikt en welke maatregelen het COA dan neemt? De inzet is vooral gericht op het verlengen van bestaande opvanglocaties en de uitstroom van nareizigers.
Drenthe heeft in het recente verleden samen met de Groningse gemeenten de nachtopvang gefaciliteerd om Ter Apel te ondersteunen. Het COA ziet voornamelijk geen reden dit instrument opnieuw in te zetten, omdat het geen verlichting biedt voor de dagelijkse situatie.
Rond de uitvoering van de verdelingsbesluiten zet de minister, conform de wet, de eerste stappen binnen het interbestuurlijk toezicht. Het gaat hierbij om het ophalen van informatie en duiding bij gemeenten over de redenen waarom het verdelingsbesluit nog niet is gerealiseerd.
De reactiebrief van het ministerie van A&M op de brief van de PRT over verruiming van de kaders voor AMV-opvang is nog niet gereed. De verwachting is dat deze binnenkort wordt verstuurd. De brief wordt geagendeerd voor bespreking in het overleg van 15 december."""

OEKRAINE = """De opgave voor 2025 rond de opvang van Oekraïense ontheemden vraagt van enkele gemeenten nog extra inzet. Zij hebben toegelicht welke stappen momenteel worden gezet om de realisatie te halen.
Eén gemeente verwacht volgend jaar een vervangingsvraagstuk. Het college neemt hierover binnenkort een besluit. De intentie is om de huidige aantallen te blijven leveren. Lastig punt: de benodigde capaciteit kan botsen met de leefbaarheid in de opvang.
Met het voorstel Buurthuis is ingestemd. Daarbij is benadrukt dat bij de uitrol goed moet worden gekeken naar gelijkwaardigheid tussen de Oek-opvang en de gemeentelijke asielopvang. Het college van GS wordt nu geadviseerd om met dit voorstel in te stemmen."""

STATUSHOUDERS = """Gemeenten zetten zich actief in om de taakstelling te realiseren, maar er zijn wel achterstanden in de uitvoering.
De provinciale toezichtlijn is terughoudend: niet escaleren, maar gemeenten praktisch ondersteunen.
Het COA heeft de 'nareismaatregel' toegelicht. In Drenthe zijn ervaringen waarbij deze regel ongunstig uitpakte en gemeenten pas op het laatste moment werden geïnformeerd. Afgesproken is dat gemeenten tijdig bericht krijgen bij plaatsingen en hiermee moeten instemmen. Bij knelpunten kan contact worden opgenomen met onze bestuurlijk vertegenwoordiger in de PRT.
Een gemeente geeft aan dat de huidige landelijke politieke koers en de beperkte instrumenten het bijna onmogelijk maken om de huisvesting van statushouders goed uit te voeren. Afgesproken is om hierover op 15 december, vanuit een gezamenlijke lijn, het gesprek met de minister te voeren. Een notitie hierover wordt door de gemeente gedeeld met de leden van de PRT."""

VOLGENDE = """Agendapunten die vanuit de PRT worden ingebracht voor dit overleg:
De Oekraïne-aanpak voor de langere termijn (na de RTB-periode)
De uitvoerbaarheid van kleinschalige AMV-opvang
De aanpak van overlastgevers
De doelgroep-flexibele regeling als casus om de onderlinge omgang tussen overheden te bespreken
De (bijna) onmogelijke opgave voor gemeenten rond de huisvesting van statushouders"""

# (nummer, letter, titel, doel, aantekeningen, vaststelling)
NOVEMBER_PUNTEN: tuple[tuple[int, str, str, str, str, bool], ...] = (
    (1, "", "Opening", "", "", False),
    (2, "", "Actie- en besluitenlijst 11 april 2025", Doel.INSTEMMING, "Ingestemd.", True),
    (3, "", "Mededelingen en korte bespreekpunten", Doel.INFORMATIE, MEDEDELINGEN, False),
    (4, "", "Asielopvang en opvang Oekraïense ontheemden", Doel.BESPREKING, ASIELOPVANG, False),
    (5, "", "Oekraïneopvang", Doel.BESPREKING, OEKRAINE, False),
    (6, "", "Huisvesting statushouders", Doel.BESPREKING, STATUSHOUDERS, False),
    (7, "", "Volgende PRT 15 december", "", VOLGENDE, False),
    (
        8,
        "",
        "Rondvraag",
        "",
        "Een dankwoord aan de commissaris voor haar inzet in de afgelopen periode.",
        False,
    ),
)

NOVEMBER_BESLUITEN: tuple[tuple[int, str], ...] = (
    (
        5,
        "Met het voorstel Buurthuis is ingestemd; bij de uitrol wordt gekeken naar gelijkwaardigheid tussen de Oek-opvang en de gemeentelijke asielopvang.",
    ),
    (
        6,
        "Gemeenten krijgen tijdig bericht bij plaatsingen van nareizigers en moeten hiermee instemmen.",
    ),
    (
        6,
        "Op 15 december wordt vanuit een gezamenlijke lijn het gesprek met de minister gevoerd over de huisvesting van statushouders.",
    ),
)

VEILIGELANDERS = (
    "De veiligelandersaanpak meenemen in het gesprek met de minister van A&M op 15 december."
)
WOO_ZIENSWIJZE = "Woo-verzoek Oekraïne-opvanglocaties: zienswijzen van de PRT-leden op het conceptbesluit verzamelen en verwerken."
GS_BUURTHUIS = "Het college van GS adviseren in te stemmen met het voorstel Buurthuis."
NOTITIE = "Notitie over de (bijna) onmogelijke opgave huisvesting statushouders delen met de leden van de PRT."

# (nummer, omschrijving, door wie, deadline, afgerond op 5-2-2026)
NOVEMBER_ACTIES: tuple[tuple[int, str, str, dt.date | None, bool], ...] = (
    (3, VEILIGELANDERS, "Secretaris", dt.date(2025, 12, 15), True),
    (3, WOO_ZIENSWIJZE, "Secretaris", None, False),
    (5, GS_BUURTHUIS, "Secretaris", None, True),
    (6, NOTITIE, "Indienende gemeente", dt.date(2025, 12, 15), False),
)

# ---------------------------------------------------------------- 5 februari 2026 (seed 002)

FEBRUARI_PUNTEN: tuple[tuple[int, str, str, str, str, bool], ...] = (
    (1, "", "Opening", "", "", False),
    (2, "", "Actie- en besluitenlijst PRT 19 november 2025", Doel.INSTEMMING, "", True),
    (
        3,
        "",
        "Langetermijn beleid Oekraïneopvang",
        Doel.INFORMATIE_BESPREKING,
        "",
        False,
    ),
    (4, "", "Mededelingen & korte bespreekpunten", Doel.INFORMATIE, "", False),
    (5, "", "Asielopvang", "", "", False),
    (5, "a", "Stand van zaken realisatie asielopvang", Doel.INFORMATIE, "", False),
    (
        5,
        "b",
        "Reactie ministerie op verzoek PRT Drenthe om verruiming kaders AMV opvang.",
        Doel.BESPREKING,
        "",
        False,
    ),
    (
        5,
        "c",
        "Verzoek ministerie A&M realisatie noodopvang aan PRT Drenthe",
        Doel.BESPREKING,
        "",
        False,
    ),
    (5, "d", "Procesaanpak tweede cyclus Spreidingswet", Doel.INSTEMMING, "", False),
    (
        5,
        "e",
        "Drentse reactie op verzoek ministerie invoeringstoets Spreidingswet",
        Doel.INSTEMMING,
        "",
        False,
    ),
    (6, "", "Opvang Oekraïense ontheemden", "", "", False),
    (6, "a", "Stand van zaken realisatie Oekraïneopgaven in Drenthe", Doel.BESPREKING, "", False),
    (6, "b", "Stand van zaken realisatie project 'Buurthuis'.", Doel.INFORMATIE, "", False),
    (7, "", "Huisvesting/taakstelling statushouders", "", "", False),
    (
        7,
        "a",
        "Stand van zaken realisatie taakstelling huisvesting statushouders",
        Doel.INFORMATIE,
        "",
        False,
    ),
    (7, "b", "Versnelling huisvesting nareizigers.", Doel.INFORMATIE, "", False),
    (8, "", "Volgend overleg", "", "", False),
    (9, "", "Rondvraag & sluiting", "", "", False),
)
TOELICHTING = {
    (
        3,
        "",
    ): "Een vertegenwoordiger van het programmadirectoraat-generaal Oekraïense Ontheemden geeft een toelichting op de aanpak vanuit de Rijksoverheid en gaat hierover met u in gesprek.",
    (4, ""): "- Stand van zaken aanpak veiligelanders",
}
PRESENTATOR = {(3, ""): "Programmadirectoraat-generaal Oekraïense Ontheemden"}
STAND_PUNTEN = ((5, "a"), (6, "a"), (7, "a"))
"""Seed 002: "Ja*" — one document, the Stand van zaken, attached to three items."""

FEBRUARI_ACTIES: tuple[tuple[int, str, str, str, dt.date | None], ...] = (
    (
        5,
        "c",
        "Kandidaat-locaties voor 100 reserveplaatsen noodopvang (eerste half jaar 2026) inventariseren en terugkoppelen aan het ministerie.",
        "Secretaris",
        dt.date(2026, 3, 1),
    ),
)

# ---------------------------------------------------------------- the letters (seed 002)

NOODOPVANG_TEKST = """Beste [REDACTED]

In vervolg op ons telefoongesprek doe ik je hierbij het verzoek toekomen om in de provincie Drenthe 100 plekken voor asielzoekers achter de hand te houden voor het geval Ter Apel de mensen niet meer zou kunnen herbergen. Een dergelijk verzoek is onlangs ook via de PRT Groningen ingediend; zij hebben echter te kennen gegeven hieraan thans geen invulling te willen geven. De provincie Friesland, i.c.de gemeente Leeuwarden onderzoekt op dit moment eenzelfde vraag.

Concreet gaat het erom of jullie gedurende het eerste half jaar een locatie voor 100 personen, dan wel meerdere locaties voor in totaal 100 personen, kunnen "reserveren" voor het geval dat Ter Apel niet meer in staat is de mensen op te kunnen vangen. Deze locatie dient zodanig te zijn toegerust dat de mensen er ook 's nachts kunnen verblijven. Het gaat dus niet om een locatie die van tevoren geheel ingericht moet zijn met personeel en al, maar om een leegstaande ruimte die in case of snel in gebruik kan worden genomen (binnen een tijds-venster van zeg 3 dagen). Het Rode Kruis kan de locatie c.q. de locaties bemensen.

Kunnen en willen jullie in PRT verband naar deze vraag kijken?

Met hartelijke groet,

[REDACTED]
Directeur Programmadirectie Realisatie Onderdak (PRO)
Ministerie van Asiel en Migratie
Telefoonnummer 06 [REDACTED]"""

NAREIS_TEKST = """Geacht college van burgemeester en wethouders,

De druk op de asielopvang van het COA blijft onverminderd hoog. De afgelopen dagen is het aanmeldcentrum in Ter Apel meermaals boven de maximaal afgesproken capaciteit van 2000 personen gekomen. Het is de verwachting dat de bezetting verder zal stijgen. De oplopende bezetting wordt voor een belangrijk deel verklaard door de aanhoudende instroom van nareizigers van gemiddeld circa 400 personen per week. Inmiddels zitten er circa 18.000 statushouders in de opvang, waarvan ongeveer 8000 via de gezinsherenigingsprocedure naar Nederland zijn gekomen. De huisvesting van statushouders is een wettelijke taak van gemeenten. De totale taakstelling voor 2025 is behaald. Niettemin heeft nog niet elke gemeente de taakstelling voor 2025 gerealiseerd en ligt er nog een opgave de achterstand op de taakstelling verder in te lopen. Daardoor loopt de druk bij het COA op.

Om deze druk te verminderen is met het COA afgesproken nareizigers in een hotel te plaatsen in of nabij de koppelgemeente, nadat zij het aanmeldproces in Zevenaar hebben doorlopen. Dit voorkomt dat deze nareizigers onverwacht arriveren in de gemeente waar zij aan zijn gekoppeld.

Het COA plaatst de nareizigers in een hotel en draagt in eerste instantie voor maximaal 6 maanden de kosten van het hotel en verzoekt gemeenten de verantwoordelijkheid voor het huisvesten van de nareizigers over te nemen. Gemeenten kunnen hiervoor tot 1 juli 2026 een aanvraag doen voor de HAR+ regeling. In afstemming met de VNG zal de HAR+ regeling tot 1 juli 2026 worden verlengd.

Voor de uitvoering van de maatregel om geregistreerde nareizigers tijdelijk te plaatsen in hotels in of nabij de gekoppelde gemeente, gaat het COA uit van de volgende uitgangspunten:
- De nareizigers die onder deze maatregel vallen, passen binnen de geldende taakstelling huisvesting vergunningshouders die gemeenten hebben. Het betreft dus geen extra opgave;
- COA zal in de individuele gevallen gemeenten zo vroeg mogelijk, maar in ieder geval twee dagen voorafgaand aan de voorgenomen plaatsing informeren;
- COA informeert gemeenten over de duur van de opvang (maximaal 6 maanden) en onderzoekt in samenspraak met gemeenten of uitstroom richting huisvesting in die gemeente haalbaar is.

Nareizigers stromen gemiddeld binnen 166 dagen uit bij het COA naar een woning. Het is derhalve de verwachting dat het overgrote deel van de nareizigers binnen een periode van 6 maanden gehuisvest kan worden.

Voor het beantwoorden van vragen van gemeenten over de nareismaatregel vindt op 6 januari van 10 tot 11 een webinar met uitleg van COA en het departement online plaats via het Forum van de VNG.

Ministerie van Asiel en Migratie"""

BRIEVEN: tuple[dict[str, Any], ...] = (
    {
        "afzender": "Directeur Programmadirectie Realisatie Onderdak (PRO), Ministerie van Asiel en Migratie",
        "ontvangen": dt.date(2026, 1, 12),
        "onderwerp": "Verzoek tot noodopvang",
        "soort": BriefSoort.VERZOEK,
        "tekst": NOODOPVANG_TEKST,
        "persoonsgegevens": True,
        "opvolging": "Geagendeerd voor het PRT van 5 februari 2026 (punt 5c). Het secretariaat inventariseert kandidaat-locaties voor 100 reserveplaatsen en koppelt terug aan het ministerie.",
        "opvolging_status": OpvolgingStatus.IN_BEHANDELING,
        "opvolging_deadline": dt.date(2026, 3, 1),
        "punt": (5, "c"),
    },
    {
        "afzender": "Ministerie van Asiel en Migratie",
        "ontvangen": dt.date(2025, 12, 19),
        "onderwerp": "Versnelling huisvesting nareizigers",
        "soort": BriefSoort.BRIEF,
        "tekst": NAREIS_TEKST,
        "persoonsgegevens": False,
        "opvolging": "Ter informatie geagendeerd voor het PRT van 5 februari 2026 (punt 7b).",
        "opvolging_status": OpvolgingStatus.AFGEHANDELD,
        "opvolging_deadline": None,
        "punt": (7, "b"),
    },
)


def _punten(
    door: Any, overleg: Overleg, rijen: tuple[tuple[int, str, str, str, str, bool], ...]
) -> dict[tuple[int, str], Agendapunt]:
    uit = {}
    for nummer, letter, titel, doel, aantekeningen, vaststelling in rijen:
        uit[(nummer, letter)] = services.bewaar_agendapunt(
            door=door,
            overleg=overleg,
            alleen_nieuw=True,
            waarden={
                "nummer": nummer,
                "letter": letter,
                "titel": titel,
                "doel": doel,
                "aantekeningen": aantekeningen,
                "vaststelling_vorige_lijst": vaststelling,
                "toelichting": TOELICHTING.get((nummer, letter), "")
                if overleg.datum == FEBRUARI
                else "",
                "presentator": PRESENTATOR.get((nummer, letter), "")
                if overleg.datum == FEBRUARI
                else "",
            },
        )
    return uit


def _nieuw_overleg(door: Any, provincie: Provincie, waarden: dict[str, Any]) -> Overleg | None:
    """The meeting, created now; None when it is there (by its key, or made before and moved
    to another date by a user since): then nothing of it is loaded."""
    if eerder_aangemaakt(
        Overleg(provincie=provincie, soort=waarden["soort"], datum=waarden["datum"])
    ):
        return None
    return services.voeg_overleg_toe_als_ontbreekt(door=door, provincie=provincie, waarden=waarden)


@transaction.atomic
def laad(door: Any = None) -> None:
    """Add the two meetings, their lists and the letters, where missing; ``door`` is None (the
    system) or a user allowed to write for Drenthe (the secretariaat, or a staff user)."""
    provincie = Provincie.objects.get(naam=PROVINCIE)
    november = _nieuw_overleg(
        door,
        provincie,
        {
            "soort": OverlegSoort.BESTUURLIJK,
            "datum": NOVEMBER,
            "voorzitter": "Commissaris van de Koning",
        },
    )
    februari = _nieuw_overleg(
        door,
        provincie,
        {
            "soort": OverlegSoort.BESTUURLIJK,
            "datum": FEBRUARI,
            "begintijd": dt.time(12, 0),
            "eindtijd": dt.time(13, 30),
            "tijd_toelichting": "inclusief lunch",
            "locatie": "Provinciehuis Assen, Westerbrink 1 te Assen, kamer E0.67",
            "voorzitter": "Commissaris van de Koning",
        },
    )
    nov_acties = {}
    if november is not None:
        nov = _punten(door, november, NOVEMBER_PUNTEN)
        for nummer, tekst in NOVEMBER_BESLUITEN:
            services.bewaar_besluit(door=door, punt=nov[(nummer, "")], tekst=tekst)
        for nummer, omschrijving, wie, deadline, afgerond in NOVEMBER_ACTIES:
            nov_acties[omschrijving] = (
                services.bewaar_actie(
                    door=door,
                    punt=nov[(nummer, "")],
                    waarden={"omschrijving": omschrijving, "door_wie": wie, "deadline": deadline},
                ),
                afgerond,
            )
    if februari is None:
        return

    feb = _punten(door, februari, FEBRUARI_PUNTEN)
    for sleutel in STAND_PUNTEN:
        services.voeg_stand_van_zaken_toe(door=door, punt=feb[sleutel], peildatum=STAND_PEILDATUM)
    for nummer, letter, omschrijving, wie, deadline in FEBRUARI_ACTIES:
        services.bewaar_actie(
            door=door,
            punt=feb[(nummer, letter)],
            waarden={"omschrijving": omschrijving, "door_wie": wie, "deadline": deadline},
        )
    services.bewaar_besluit(
        door=door,
        punt=feb[(5, "d")],
        tekst="Ingestemd met de procesaanpak tweede cyclus Spreidingswet.",
    )
    if november is not None:
        # 5-2-2026 approves the list of 19-11-2025; the actions done by then are closed there.
        services.stem_in(door=door, overleg=februari)
        for actie, afgerond in nov_acties.values():
            if afgerond:
                services.zet_actie_status(
                    door=door, actie=actie, status=ActieStatus.AFGEROND, overleg=februari
                )

    for gegevens in BRIEVEN:
        waarden = dict(gegevens)
        punt = feb[waarden.pop("punt")]
        services.bewaar_brief(
            door=door,
            provincie=provincie,
            waarden=waarden,
            agendapunten=[punt],
            alleen_als_ontbreekt=True,
        )
