"""``{% excel_link "Verdeling" %}``: the "Download als Excel" link of one table of the page,
and ``{% excel_link %}`` for every table of the page in one workbook.

The view puts its tables in the context (``core.excelpagina.pagina_met_excel``); the link
points at the same page with ``?formaat=xlsx&tabel=<sleutel>`` and keeps the other query
parameters, so the workbook has the figures the user sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django import template

from regietafel.core.excelpagina import CONTEXT_PARAMETERS, CONTEXT_SLEUTEL, FORMAAT, TABEL, XLSX

register = template.Library()


def excel_url(request: Any, sleutel: str = "", extra: dict[str, str] | None = None) -> str:
    return excel_urls(request, [sleutel], extra)[sleutel]


def excel_urls(
    request: Any, sleutels: Iterable[str], extra: dict[str, str] | None = None
) -> dict[str, str]:
    """``excel_url`` of several tables of one page (``""``: every table), the request's
    query read once."""
    params = request.GET.copy()
    for naam in (FORMAAT, TABEL, "csrfmiddlewaretoken"):
        params.pop(naam, None)
    for naam, waarde in (extra or {}).items():
        params[naam] = waarde
    params[FORMAAT] = XLSX
    basis = f"{request.path}?{params.urlencode()}"
    return {s: f"{basis}&{urlencode({TABEL: s})}" if s else basis for s in sleutels}


@register.inclusion_tag("core/_excel_link.html", takes_context=True)
def excel_link(context: template.Context, sleutel: str = "") -> dict[str, Any]:
    tabellen = context.get(CONTEXT_SLEUTEL) or {}
    if sleutel and sleutel not in tabellen:
        raise template.TemplateSyntaxError(
            f"excel_link: de view geeft geen tabel „{sleutel}” (wel: {', '.join(tabellen)})"
        )
    tabel = tabellen.get(sleutel) if sleutel else None
    return {
        "url": excel_url(context["request"], sleutel, context.get(CONTEXT_PARAMETERS)),
        "tabel": tabel,
        "alle": not sleutel,
        "aantal": len(tabellen),
    }
