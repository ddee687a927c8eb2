"""``core.afbreken``: pyphen with its patterns parsed on first use hyphenates every word where
pyphen's own parse of the whole file does (every pattern compared, with the alternatives of
the Hungarian dictionary)."""

from __future__ import annotations

import pytest

from regietafel.core import afbreken


@pytest.mark.parametrize("taal", ["nl_NL", "hu_HU"])
def test_every_pattern_reads_as_pyphen_reads_it(taal: str) -> None:
    import pyphen

    pad = pyphen.LANGUAGES[taal]
    lui = afbreken.Patronen(pad)
    heel = pyphen.HyphDict.__new__(pyphen.HyphDict)
    echt = getattr(pyphen.HyphDict.__init__, "__wrapped__", None)
    assert echt is not None or not getattr(pyphen.HyphDict.__init__, "regietafel", False)
    (echt or pyphen.HyphDict.__init__)(heel, pad)
    assert lui.maxlen == heel.maxlen
    assert set(lui.regels) == set(heel.patterns)
    for sleutel, (begin, waarden) in heel.patterns.items():
        assert lui.get(sleutel) == (begin, waarden), sleutel
        gelezen = lui.get(sleutel)[1]
        assert [getattr(w, "data", None) for w in gelezen] == [
            getattr(w, "data", None) for w in waarden
        ], sleutel
    assert lui.get("geen-patroon-xyz") is None


def test_weasyprint_hyphenates_dutch_headers_as_before() -> None:
    import pyphen

    woorden = [
        "Realisatie",
        "Taakstelling",
        "Correctie",
        "Achterstand",
        "Vergunninghouders",
        "Gerealiseerd",
        "meenteraad",
        "ontheemden",
        "Nederwetten",
        "asielopvang",
    ]
    heel = pyphen.HyphDict.__new__(pyphen.HyphDict)
    (getattr(pyphen.HyphDict.__init__, "__wrapped__", None) or pyphen.HyphDict.__init__)(
        heel, pyphen.LANGUAGES["nl_NL"]
    )
    lui = pyphen.HyphDict.__new__(pyphen.HyphDict)
    lui.patterns = afbreken.Patronen(pyphen.LANGUAGES["nl_NL"])
    lui.cache, lui.maxlen = {}, lui.patterns.maxlen
    assert [lui.positions(w) for w in woorden] == [heel.positions(w) for w in woorden]
    assert heel.positions("Realisatie") == [2, 3, 5, 7]
