"""Dashboard signals of the ministry's requests (``regietafel.core.signalen``).

- Noodopvang reserve: "Noodopvangreserve: 80 van 100 plaatsen gereed" as information until
  the period has ended; a warning while the period runs and less is held than requested.
- Nareizigers: a notice given too late (or not recorded) while the placement runs, the
  end of COA's six months ahead of time, and the HAR+ deadline before it passes (only for
  a provincie with placements).

Three or four queries, whatever the number of requests and placements.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from regietafel.core import opmaak
from regietafel.core.signalen import Signaal
from regietafel.domain.nareizigers import har_plus_melding, meldingen
from regietafel.gemeenten.models import Provincie
from regietafel.verzoeken import queries


def signalen(provincie: Provincie, datum: dt.date) -> list[Signaal]:
    uit: list[Signaal] = []
    for r in queries.reserves(provincie):
        if r.stand.afgelopen(datum):
            continue
        ontbreekt = r.stand.ontbreekt_op(datum)
        tekort = ontbreekt > 0
        uit.append(
            Signaal(
                tekst=queries.reserve_signaaltekst(r)
                + (f" Er ontbreken {opmaak.getal(ontbreekt)} plaatsen." if tekort else ""),
                ernst="waarschuwing" if tekort else "informatie",
                url=reverse("verzoeken:verzoek", args=[r.verzoek.pk]),
                datum=r.verzoek.periode_van if not tekort else datum,
            )
        )
    plaatsingen = list(queries.plaatsingen_van(provincie))
    if not plaatsingen:
        return uit
    maatregel = queries.maatregel_op(datum)
    if maatregel is None:
        return uit
    regels = maatregel.regels()
    url = reverse("verzoeken:nareizigers")
    for p in plaatsingen:
        if p.geplaatst_op > datum:
            continue
        for m in meldingen(p.plaatsing(), regels, datum):
            uit.append(Signaal(tekst=m.tekst, ernst=m.ernst, url=url, datum=m.datum))
    har = har_plus_melding(regels, datum)
    if har is not None:
        uit.append(Signaal(tekst=har.tekst, ernst=har.ernst, url=url, datum=har.datum))
    return uit
