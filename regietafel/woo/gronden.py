"""The Woo grounds for withholding information, with the letter each gets in a publication.

Source: Wet open overheid, artikelen 5.1 en 5.2 (wetten.overheid.nl, BWBR0045754). The letters
follow the seeds: seed 001 and 002 mark privacy with **J** = "Art. 5.1 lid 2 sub e". That is the
lettering many Dutch governments use in their Woo-besluiten: the grounds of article 5.1 in order
of the law, lid 1 sub a–e = A–E, lid 2 sub a–i = F–N; then O = art. 5.1 lid 5 (onevenredige
benadeling), P = art. 5.2 lid 1 (persoonlijke beleidsopvattingen) and Q = art. 5.2 lid 3
(niet geanonimiseerde beleidsopvattingen bij formele bestuurlijke besluitvorming).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grond:
    letter: str
    artikel: str
    belang: str
    toelichting: str


GRONDEN: tuple[Grond, ...] = (
    Grond(
        "A",
        "Art. 5.1 lid 1 sub a",
        "eenheid van de Kroon",
        "Openbaarmaking van deze informatie zou de eenheid van de Kroon in gevaar kunnen brengen.",
    ),
    Grond(
        "B",
        "Art. 5.1 lid 1 sub b",
        "veiligheid van de Staat",
        "Openbaarmaking van deze informatie zou de veiligheid van de Staat kunnen schaden.",
    ),
    Grond(
        "C",
        "Art. 5.1 lid 1 sub c",
        "vertrouwelijk verstrekte bedrijfs- en fabricagegegevens",
        "Het betreft bedrijfs- en fabricagegegevens die vertrouwelijk aan de overheid zijn meegedeeld.",
    ),
    Grond(
        "D",
        "Art. 5.1 lid 1 sub d",
        "bijzondere persoonsgegevens",
        "Het betreft bijzondere persoonsgegevens als bedoeld in paragraaf 3.1 van de Algemene "
        "verordening gegevensbescherming.",
    ),
    Grond(
        "E",
        "Art. 5.1 lid 1 sub e",
        "identificatienummers",
        "Het betreft identificatienummers als bedoeld in artikel 46 van de Uitvoeringswet "
        "Algemene verordening gegevensbescherming, zoals het burgerservicenummer.",
    ),
    Grond(
        "F",
        "Art. 5.1 lid 2 sub a",
        "betrekkingen met andere staten en internationale organisaties",
        "Het belang van openbaarmaking weegt niet op tegen het belang van de betrekkingen van "
        "Nederland met andere staten en internationale organisaties.",
    ),
    Grond(
        "G",
        "Art. 5.1 lid 2 sub b",
        "economische of financiële belangen van de Staat",
        "Het belang van openbaarmaking weegt niet op tegen de economische of financiële belangen "
        "van de Staat, andere publiekrechtelijke lichamen of bestuursorganen.",
    ),
    Grond(
        "H",
        "Art. 5.1 lid 2 sub c",
        "opsporing en vervolging van strafbare feiten",
        "Het belang van openbaarmaking weegt niet op tegen het belang van de opsporing en "
        "vervolging van strafbare feiten.",
    ),
    Grond(
        "I",
        "Art. 5.1 lid 2 sub d",
        "inspectie, controle en toezicht",
        "Het belang van openbaarmaking weegt niet op tegen het belang van inspectie, controle en "
        "toezicht door bestuursorganen.",
    ),
    Grond(
        "J",
        "Art. 5.1 lid 2 sub e",
        "eerbiediging van de persoonlijke levenssfeer",
        "Het belang van de openbaarmaking van deze informatie weegt niet op tegen het belang van "
        "de eerbiediging van de persoonlijke levenssfeer van betrokkenen",
    ),
    Grond(
        "K",
        "Art. 5.1 lid 2 sub f",
        "concurrentiegevoelige bedrijfs- en fabricagegegevens",
        "Het belang van openbaarmaking weegt niet op tegen de bescherming van "
        "concurrentiegevoelige bedrijfs- en fabricagegegevens.",
    ),
    Grond(
        "L",
        "Art. 5.1 lid 2 sub g",
        "bescherming van het milieu",
        "Het belang van openbaarmaking weegt niet op tegen de bescherming van het milieu waarop "
        "deze informatie betrekking heeft.",
    ),
    Grond(
        "M",
        "Art. 5.1 lid 2 sub h",
        "beveiliging van personen en bedrijven",
        "Het belang van openbaarmaking weegt niet op tegen de beveiliging van personen en "
        "bedrijven en het voorkomen van sabotage.",
    ),
    Grond(
        "N",
        "Art. 5.1 lid 2 sub i",
        "goed functioneren van de Staat en bestuursorganen",
        "Het belang van openbaarmaking weegt niet op tegen het goed functioneren van de Staat, "
        "andere publiekrechtelijke lichamen of bestuursorganen.",
    ),
    Grond(
        "O",
        "Art. 5.1 lid 5",
        "onevenredige benadeling",
        "Openbaarmaking van deze informatie zou leiden tot onevenredige benadeling van een ander "
        "belang dan de belangen genoemd in artikel 5.1 lid 1 en 2.",
    ),
    Grond(
        "P",
        "Art. 5.2 lid 1",
        "persoonlijke beleidsopvattingen",
        "Het betreft persoonlijke beleidsopvattingen in documenten opgesteld ten behoeve van "
        "intern beraad.",
    ),
    Grond(
        "Q",
        "Art. 5.2 lid 3",
        "beleidsopvattingen bij bestuurlijke besluitvorming",
        "Het betreft persoonlijke beleidsopvattingen uit documenten voor formele bestuurlijke "
        "besluitvorming, die niet in geanonimiseerde vorm worden verstrekt.",
    ),
)
PER_LETTER = {g.letter: g for g in GRONDEN}
KEUZES = [(g.letter, f"{g.letter} — {g.artikel}: {g.belang}") for g in GRONDEN]


def grond(letter: str) -> Grond:
    try:
        return PER_LETTER[letter]
    except KeyError:
        raise ValueError(f"Onbekende Woo-grond {letter!r}.") from None


def gebruikt(letters: set[str] | list[str]) -> list[Grond]:
    """The grounds with these letters, in the order of the law (for the appendix)."""
    return [g for g in GRONDEN if g.letter in set(letters)]
