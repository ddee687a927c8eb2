"""Every table of a page as Excel, from the same view and the same computed object.

A page builds its tables once (``core.tabel.Tabel``) from the object it renders, and answers

- ``?formaat=xlsx``: one workbook with every table of the page, one sheet per table;
- ``?formaat=xlsx&tabel=<sleutel>``: a workbook with that one table;
- otherwise the HTML page, with the tables in the context (``excel_tabellen``) so that
  ``{% excel_link "<sleutel>" %}`` (``core/templatetags/excel.py``) prints the download link
  next to the table's caption.

Other query parameters (a peildatum, a cyclus, two scenarios) stay in the link, so the
workbook holds the figures of the page the user is looking at.

    def trends_view(request):
        t = trends(provincie, gemeente)
        return pagina_met_excel(
            request, "monitoring/trends.html", {"t": t},
            tabellen=trend_tabellen(t), bestandsnaam=f"trends-{slug}", titel=f"Trends {t.naam}",
        )
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from regietafel.core.tabel import Tabel
from regietafel.core.xlsx import xlsx_antwoord

FORMAAT = "formaat"
TABEL = "tabel"
XLSX = "xlsx"
CONTEXT_SLEUTEL = "excel_tabellen"
CONTEXT_PARAMETERS = "excel_parameters"

Tabellen = Sequence[Tabel] | Callable[[], Sequence[Tabel]]


def vraagt_xlsx(request: HttpRequest) -> bool:
    """The request asks for the page's tables as Excel (only a GET or HEAD)."""
    return request.method in ("GET", "HEAD") and request.GET.get(FORMAAT) == XLSX


def _lijst(tabellen: Tabellen) -> list[Tabel]:
    lijst = list(tabellen() if callable(tabellen) else tabellen)
    sleutels = [t.sleutel for t in lijst]
    dubbel = {s for s in sleutels if sleutels.count(s) > 1}
    if dubbel:
        raise ValueError(f"tabelsleutels komen twee keer voor op één pagina: {sorted(dubbel)}")
    return lijst


def bestand(naam: str) -> str:
    """An ASCII file name ending in .xlsx: "Trends Aa en Hunze" → "trends-aa-en-hunze.xlsx"."""
    stam = slugify(naam.removesuffix(".xlsx")) or "tabellen"
    return f"{stam}.xlsx"


def xlsx_van_pagina(
    request: HttpRequest,
    tabellen: Tabellen,
    *,
    bestandsnaam: str,
    titel: str,
    voettekst: str = "",
) -> HttpResponse:
    """The workbook of the page: every table, or only ``?tabel=<sleutel>`` (404 if unknown)."""
    lijst = _lijst(tabellen)
    sleutel = request.GET.get(TABEL, "")
    if sleutel:
        lijst = [t for t in lijst if t.sleutel == sleutel]
        if not lijst:
            raise Http404(f"Deze pagina heeft geen tabel „{sleutel}”.")
    if not lijst:
        raise Http404("Deze pagina heeft geen tabellen om te downloaden.")
    naam = bestand(f"{bestandsnaam.removesuffix('.xlsx')}-{sleutel}" if sleutel else bestandsnaam)
    return xlsx_antwoord(
        lijst,
        bestandsnaam=naam,
        titel=f"{titel} – {lijst[0].titel}" if sleutel else titel,
        voettekst=voettekst or titel,
    )


def pagina_met_excel(
    request: HttpRequest,
    template: str,
    context: Mapping[str, Any],
    *,
    tabellen: Tabellen,
    bestandsnaam: str,
    titel: str,
    voettekst: str = "",
    status: int = 200,
    parameters: Mapping[str, str] | None = None,
) -> HttpResponse:
    """The page, or with ``?formaat=xlsx`` its tables as a workbook (the same objects).

    ``parameters``: for a page that answers a POST (a preview), the GET parameters with which
    the same view computes the same tables again; the Excel links carry them.
    """
    if vraagt_xlsx(request):
        return xlsx_van_pagina(
            request, tabellen, bestandsnaam=bestandsnaam, titel=titel, voettekst=voettekst
        )
    lijst = _lijst(tabellen)
    return render(
        request,
        template,
        {
            **context,
            CONTEXT_SLEUTEL: {t.sleutel: t for t in lijst},
            CONTEXT_PARAMETERS: dict(parameters or {}),
        },
        status=status,
    )


class ExcelTabellenMixin:
    """For class-based views: ``excel_tabellen(context)`` gives the page's tables; the view
    then answers ``?formaat=xlsx`` with them and puts them in the context for the links."""

    excel_bestandsnaam = "tabellen.xlsx"
    excel_titel = "Tabellen"
    request: HttpRequest

    def excel_tabellen(self, context: Mapping[str, Any]) -> Sequence[Tabel]:
        raise NotImplementedError

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        tabellen = list(self.excel_tabellen(context))
        if vraagt_xlsx(self.request):
            return xlsx_van_pagina(
                self.request,
                tabellen,
                bestandsnaam=self.excel_bestandsnaam,
                titel=self.excel_titel,
            )
        context[CONTEXT_SLEUTEL] = {t.sleutel: t for t in _lijst(tabellen)}
        return super().render_to_response(context, **kwargs)  # type: ignore[misc]
