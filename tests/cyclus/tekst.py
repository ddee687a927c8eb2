"""A report or a page as comparable text: what a reader sees, without what changes by itself
(chart drawings, CSRF tokens, CSP nonces)."""

from __future__ import annotations

import re

from django.test import Client

from regietafel.rapportage.document import (
    Alinea,
    Document,
    Eigenschappen,
    GrafiekBlok,
    Kop,
    Opsomming,
    TabelBlok,
)


def document_tekst(d: Document) -> str:
    regels = [d.titel, d.voettekst, *(f"{k}: {w}" for k, w in d.kopregels)]
    for sectie in d.secties:
        regels.append(f"## {sectie.titel}")
        for blok in sectie.blokken:
            if isinstance(blok, Alinea | Kop):
                regels.append(blok.tekst)
            elif isinstance(blok, Opsomming):
                regels.extend(f"- {i}" for i in blok.items)
            elif isinstance(blok, Eigenschappen):
                regels.extend(f"{k}: {w}" for k, w in blok.regels)
            elif isinstance(blok, TabelBlok):
                t = blok.tabel
                regels += [t.titel, t.bijschrift, " | ".join(k.volledige_kop for k in t.kolommen)]
                regels += [" | ".join(r) for r in t.tekstrijen()]
                if t.totaal:
                    regels.append(" | ".join(t.tekstrij(t.totaal)))
                regels += [" | ".join(t.tekstrij(r)) for r in t.voetregels]
            elif isinstance(blok, GrafiekBlok):
                regels += [blok.grafiek.titel, blok.grafiek.beschrijving]
    return "\n".join(regels)


def pagina_inhoud(client: Client, url: str, tot: str = "</main>") -> str:
    """The <main> of a page (the menu around it may grow), tokens, nonces and the random ids
    of chart drawings and the images (their drawings; the text around them stays) left out."""
    antwoord = client.get(url)
    assert antwoord.status_code == 200, url
    html = antwoord.content.decode()
    html = re.sub(r'nonce="[^"]*"', "", html)
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    html = re.sub(r'data:image/[^"]+', "data:image", html)
    html = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "uuid", html)
    return html[html.index("<main") : html.index(tot)]
