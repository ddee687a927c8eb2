"""The text of a document to publish: a .txt, .docx or .pdf file, or a generated report."""

from __future__ import annotations

import io
from pathlib import PurePath
from typing import Any

SOORTEN = (".txt", ".docx", ".pdf")
MAX_BYTES = 20 * 1024 * 1024


class OnleesbaarBestand(ValueError):
    """The file cannot be read; the message is Dutch and names the file."""


def uit_bestand(naam: str, inhoud: bytes) -> str:
    """The text of ``inhoud`` by the extension of ``naam`` (.txt, .docx or .pdf)."""
    extensie = PurePath(naam).suffix.lower()
    if extensie not in SOORTEN:
        raise OnleesbaarBestand(
            f"{naam}: alleen tekst (.txt), Word (.docx) en PDF (.pdf) kunnen worden gelakt."
        )
    if not inhoud:
        raise OnleesbaarBestand(f"{naam}: het bestand is leeg.")
    if len(inhoud) > MAX_BYTES:
        raise OnleesbaarBestand(f"{naam}: het bestand is groter dan 20 MB.")
    try:
        if extensie == ".txt":
            tekst = _txt(inhoud)
        elif extensie == ".docx":
            tekst = _docx(inhoud)
        else:
            tekst = _pdf(inhoud)
    except OnleesbaarBestand:
        raise
    except Exception as exc:
        raise OnleesbaarBestand(
            f"{naam}: het bestand kan niet gelezen worden als {extensie[1:].upper()}."
        ) from exc
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not tekst.strip():
        raise OnleesbaarBestand(
            f"{naam}: er staat geen tekst in (een gescande PDF zonder tekstlaag?)."
        )
    return tekst


def _txt(inhoud: bytes) -> str:
    for codering in ("utf-8-sig", "cp1252"):
        try:
            return inhoud.decode(codering)
        except UnicodeDecodeError:
            continue
    raise OnleesbaarBestand("de tekst is geen UTF-8 of Windows-1252")


def _docx(inhoud: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(inhoud))
    regels: list[str] = []
    body = doc.element.body
    for kind in body.iterchildren():
        tag = kind.tag.rsplit("}", 1)[-1]
        if tag == "p":
            regels.append("".join(t.text or "" for t in kind.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            regels.extend(_tabel(kind))
    return "\n".join(regels)


def _tabel(tbl: Any) -> list[str]:
    rijen = []
    for tr in tbl.iter():
        if not tr.tag.endswith("}tr"):
            continue
        cellen = []
        for tc in tr:
            if tc.tag.endswith("}tc"):
                cellen.append("".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t")))
        rijen.append("\t".join(cellen))
    return rijen


def _pdf(inhoud: bytes) -> str:
    from pypdf import PdfReader

    lezer = PdfReader(io.BytesIO(inhoud))
    if lezer.is_encrypted:
        raise OnleesbaarBestand("de PDF is beveiligd met een wachtwoord")
    return "\n\n".join((pagina.extract_text() or "").rstrip() for pagina in lezer.pages)


def uit_rapport(document: Any) -> str:
    """The text of a generated report (``regietafel.rapportage.document.Document``)."""
    regels = [document.titel]
    regels += [f"{label}: {waarde}" for label, waarde in document.kopregels]
    for sectie in document.secties:
        regels += ["", sectie.titel]
        for blok in sectie.blokken:
            soort = blok.blok
            if soort in ("kop", "alinea"):
                regels += ["", blok.tekst]
            elif soort == "opsomming":
                regels += [f"- {item}" for item in blok.items]
            elif soort == "eigenschappen":
                regels += [f"{label}: {waarde}" for label, waarde in blok.regels]
            elif soort == "tabel":
                t = blok.tabel
                regels += ["", f"{t.titel}. {t.bijschrift}".strip()]
                regels.append("\t".join(k.volledige_kop for k in t.kolommen))
                regels += ["\t".join(r) for r in t.tekstrijen()]
                if t.totaal:
                    regels.append("\t".join(t.tekstrij(t.totaal)))
            elif soort == "grafiek":
                regels += ["", f"[grafiek: {blok.grafiek.titel}]"]
    return "\n".join(regels)
