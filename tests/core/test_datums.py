"""Every date reads dd-mm-jjjj (issue 16, point 7): pages, documents, workbooks, CSV and CLI.

The Drenthe demo with the areas' demos (overleg, verzoeken, toezicht, Woo), a scenario, a
report version, a submission and uploads (the data of ``test_exports_inert``). Every page of
the site (every URL pattern outside the API and the admin, with the ids of real objects) is
requested as the secretariaat, plus ``?formaat=xlsx`` and ``?formaat=csv``, and every download
on it (PDF, Word, Excel, CSV) is followed; other personas for the pages only they see. The CLI's
table and file outputs too. Nowhere may a date appear with a one-digit day or month
("1-11-2025", "12-1-2026"); a date cell of a workbook has the format dd-mm-yyyy.

The one exception is the text of a Woo document: a source document is published as it was
written, so on the Woo pages and in their PDFs a short date may appear when that very text
stands in one of the documents.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import resolve, reverse

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Provincie
from tests.core.test_exports_inert import (
    OVERGESLAGEN,
    PARAMETERS,
    QUERY,
    _client,
    _gebruiker,
    _laad,
    _patronen,
)
from tests.taken.hulp import haal

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DATUM = re.compile(r"(?<![\d.,-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])")
"""A day-month-year date; it is short when the day or the month has one digit."""
XLSX_DATUM = "dd-mm-yyyy"
XLSX_MOMENT = "dd-mm-yyyy hh:mm"


def korte_datums(tekst: str) -> list[str]:
    """The dates in ``tekst`` written with a one-digit day or month."""
    return [m[0] for m in _kort(tekst)]


def _kort(tekst: str) -> list[re.Match[str]]:
    return [m for m in DATUM.finditer(tekst) if len(m[1]) == 1 or len(m[2]) == 1]


def test_korte_datums_finds_only_short_dates() -> None:
    assert korte_datums("peildatum 1-11-2025, 12-1-2026 en 01-11-2025") == [
        "1-11-2025",
        "12-1-2026",
    ]
    assert korte_datums("2025-11-01, 01-11-2025 14:05, 5 februari 2026, 1.000-2.025") == []
    assert korte_datums("(Ontvangen: 3-11-2025)") == ["3-11-2025"]


# --------------------------------------------------------------------------- the texts


def _pdf(inhoud: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(inhoud)).pages)


def _docx(inhoud: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(inhoud))
    delen = [p.text for p in doc.paragraphs]
    for tabel in doc.tables:
        for rij in tabel.rows:
            delen.extend(c.text for c in rij.cells)
    for sectie in doc.sections:
        delen.extend(p.text for p in sectie.header.paragraphs)
        delen.extend(p.text for p in sectie.footer.paragraphs)
    return "\n".join(delen)


@dataclass
class Bevindingen:
    woo_teksten: str
    fouten: list[str] = field(default_factory=list)
    soorten: dict[str, set[str]] = field(default_factory=dict)
    """kind of output (html, pdf, docx, xlsx, csv, cli) → where it was read."""
    datumcellen: int = 0

    def tekst(self, waar: str, soort: str, tekst: str) -> None:
        self.soorten.setdefault(soort, set()).add(waar)
        woo = urlsplit(waar).path.startswith("/woo/")
        for m in _kort(tekst):
            if woo and m[0] in self.woo_teksten:
                continue  # quoted from a source document
            context = tekst[max(0, m.start() - 60) : m.end() + 20]
            self.fouten.append(f"{waar} ({soort}): {m[0]!r} in …{context!r}")

    def xlsx(self, waar: str, inhoud: bytes) -> None:
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(inhoud))
        delen = [" ".join((wb.properties.title or "", wb.properties.subject or ""))]
        for ws in wb.worksheets:
            delen.extend((ws.oddHeader.left.text or "", ws.oddFooter.left.text or ""))
            for rij in ws.iter_rows():
                for c in rij:
                    if isinstance(c.value, dt.date):  # openpyxl reads a date as a datetime
                        self.datumcellen += 1
                        middernacht = not isinstance(c.value, dt.datetime) or (
                            c.value.time() == dt.time(0)
                        )
                        goed = {XLSX_DATUM, XLSX_MOMENT} if middernacht else {XLSX_MOMENT}
                        if c.number_format not in goed:
                            self.fouten.append(
                                f"{waar} blad {ws.title!r} {c.coordinate}: {c.value} met "
                                f"{c.number_format!r}"
                            )
                    elif isinstance(c.value, str):
                        delen.append(c.value)
        self.tekst(waar, "xlsx", "\n".join(delen))

    def antwoord(self, waar: str, response: Any) -> str:
        """Read one response; returns its HTML (or "")."""
        if response.status_code != 200:
            return ""
        soort = response.get("Content-Type", "").split(";")[0]
        inhoud = b"".join(response.streaming_content) if response.streaming else response.content
        if soort == "text/html":
            html = inhoud.decode()
            self.tekst(waar, "html", html)
            return html
        if soort == "application/pdf":
            self.tekst(waar, "pdf", _pdf(inhoud))
        elif soort.endswith("wordprocessingml.document"):
            self.tekst(waar, "docx", _docx(inhoud))
        elif soort.endswith("spreadsheetml.sheet"):
            self.xlsx(waar, inhoud)
        elif soort.startswith("text/"):
            self.tekst(waar, soort.removeprefix("text/"), inhoud.decode("utf-8-sig"))
        return ""


# --------------------------------------------------------------------------- the walk

DOWNLOAD = re.compile(r"[?&](formaat=|xlsx=)|/(pdf|docx|xlsx|csv)/?($|\?)|\.(pdf|docx|xlsx|csv)$")


class _Links(HTMLParser):
    def __init__(self, pagina: str) -> None:
        super().__init__(convert_charrefs=True)
        self.pagina = pagina
        self.links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag != "a" or not href or href.startswith(("http:", "https:", "#", "mailto:")):
            return
        url = urljoin(self.pagina, href)
        if DOWNLOAD.search(url) and not urlsplit(url).path.startswith(("/api/", "/beheer/")):
            self.links.add(url)


def loop_site(
    client: Client, bevindingen: Bevindingen, data: dict[str, Any], namen: set[str] | None = None
) -> set[str]:
    gevraagd: set[str] = set()
    gevolgd: set[str] = set()
    for naam, _route, parameters in _patronen():
        if naam in OVERGESLAGEN or (namen is not None and naam not in namen):
            continue
        varianten = PARAMETERS[naam](data) if parameters else [{}]
        gevraagd.add(naam)
        for kwargs in varianten:
            url = reverse(naam, kwargs=kwargs) + QUERY.get(naam, lambda data: "")(data)
            html = bevindingen.antwoord(url, haal(client, url))  # a job's document: its file
            if not html:
                continue
            lezer = _Links(url)
            lezer.feed(html)
            scheiding = "&" if "?" in url else "?"
            links = lezer.links | {f"{url}{scheiding}formaat=xlsx", f"{url}{scheiding}formaat=csv"}
            for link in sorted(links - gevolgd):
                gevolgd.add(link)
                resolve(urlsplit(link).path)  # a link to a page of the site
                bevindingen.antwoord(link, haal(client, link))
    return gevraagd


def _cli(bevindingen: Bevindingen, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI's table output and files."""
    for argv in (
        (
            "capaciteit",
            "--provincie",
            "Drenthe",
            "--van",
            "2025-11",
            "--maanden",
            "24",
            "--format",
            "tabel",
        ),
        ("bonus", "--provincie", "Drenthe", "--cyclus", "2024", "--format", "tabel"),
        ("opschonen", "--dry-run"),
    ):
        call_command(*argv)
        bevindingen.tekst(" ".join(argv), "cli", capsys.readouterr().out)
    for wat, formaat in (("stand", "csv"), ("statushouders", "csv"), ("stand", "xlsx")):
        pad = tmp_path / f"{wat}.{formaat}"
        call_command(
            "export", wat, "--provincie", "Drenthe", "--peildatum", "2025-11-01",
            "--format", formaat, "-o", str(pad),
        )  # fmt: skip
        if formaat == "xlsx":
            bevindingen.xlsx(f"export {wat}", pad.read_bytes())
        else:
            bevindingen.tekst(f"export {wat}", "cli", pad.read_text(encoding="utf-8-sig"))
    for argv, formaat in (
        (("stand-van-zaken", "--peildatum", "2025-11-01"), "pdf"),
        (("stand-van-zaken", "--peildatum", "2025-11-01"), "docx"),
        (("stand-van-zaken", "--peildatum", "2025-11-01"), "xlsx"),
        (("verslag", "--cyclus", "2024"), "pdf"),
        (("verslag", "--cyclus", "2024"), "docx"),
    ):
        pad = tmp_path / f"rapport-{argv[0]}.{formaat}"
        call_command(
            "rapport", *argv, "--provincie", "Drenthe", "--format", formaat, "-o", str(pad)
        )
        capsys.readouterr()
        waar = f"rapport {argv[0]} {formaat}"
        if formaat == "xlsx":
            bevindingen.xlsx(waar, pad.read_bytes())
        else:
            lees = _pdf if formaat == "pdf" else _docx
            bevindingen.tekst(waar, formaat, lees(pad.read_bytes()))


def test_every_date_reads_dd_mm_jjjj(
    drenthe: Provincie, tmp_path: Path, settings: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from regietafel.woo.models import WooDocument

    settings.MEDIA_ROOT = tmp_path / "media"
    data = _laad(tmp_path)
    bevindingen = Bevindingen("\n".join(WooDocument.objects.values_list("tekst", flat=True)))
    superuser = Gebruiker.objects.create(username="super", is_superuser=True, is_staff=True)

    gevraagd = loop_site(_client(_gebruiker("secretariaat")), bevindingen, data)
    loop_site(
        _client(superuser),
        bevindingen,
        data,
        {"landelijk:overzicht", "kaart:nederland", "aanlevering:start", "historie:wijzigingen"},
    )
    loop_site(_client(_gebruiker("gemeente-assen")), bevindingen, data, {"inzendingen"})
    loop_site(_client(_gebruiker("coa")), bevindingen, data, {"aanlevering:start"})
    _cli(bevindingen, tmp_path, capsys)

    assert not bevindingen.fouten, f"{len(bevindingen.fouten)} korte datums:\n" + "\n".join(
        bevindingen.fouten[:60]
    )
    # The walk reached every page and every kind of output, and wrote date cells.
    assert gevraagd >= {n for n, _, _ in _patronen()} - OVERGESLAGEN
    assert set(bevindingen.soorten) >= {"html", "pdf", "docx", "xlsx", "csv", "cli"}
    assert len(bevindingen.soorten["pdf"]) >= 6, bevindingen.soorten["pdf"]
    assert len(bevindingen.soorten["docx"]) >= 4, bevindingen.soorten["docx"]
    assert bevindingen.datumcellen > 0
