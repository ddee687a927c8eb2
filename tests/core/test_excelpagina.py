"""core.excelpagina and {% excel_link %}: the same view answers ?formaat=xlsx with its tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.views.generic import TemplateView

from regietafel.core.excelpagina import (
    ExcelTabellenMixin,
    pagina_met_excel,
    vraagt_xlsx,
    xlsx_van_pagina,
)
from regietafel.core.tabel import Aandeel, Kolom, Tabel
from regietafel.core.xlsx import XLSX_MIME
from tests.core.excelcontrole import lees_pagina, vergelijk, werkboek

VERDELING = Tabel(
    sleutel="Verdeling",
    titel="Opgave en realisatie",
    bijschrift="Een negatief verschil is een tekort.",
    kolommen=(
        Kolom("Gemeente", "tekst"),
        Kolom("Opgave", groep="Oekraïne", som=True),
        Kolom("Realisatie", groep="Oekraïne", som=True),
        Kolom("Verschil", "verschil", groep="Oekraïne", som=True),
        Kolom("Voortgang", "procent", aandeel=(2, 1)),
        Kolom("Peildatum", "datum"),
    ),
    rijen=(
        ("Assen", 792, 822, 30, Aandeel(822, 792), dt.date(2025, 11, 1)),
        ("Midden-Drenthe", 537, 369, -168, Aandeel(369, 537), dt.date(2025, 11, 1)),
        ("Westerveld", 0, 0, 0, Aandeel(0, 0), None),
    ),
    totaal=("Totaal", 1329, 1191, -138, Aandeel(1191, 1329), None),
)
NIDOS = Tabel(
    sleutel="Nidos",
    titel="Nidos",
    bijschrift="",
    kolommen=(Kolom("Gemeente", "tekst"), Kolom("Gerealiseerd", som=True)),
    rijen=(("Assen", 5), ("Emmen", 3)),
    totaal=("Totaal", 8),
)
PAGINA = Template(
    "{% load excel %}{% excel_link %}"
    '{% include "core/tabel.html" with tabel=excel_tabellen.Verdeling %}'
    '{% include "core/tabel.html" with tabel=excel_tabellen.Nidos %}'
)


def _verzoek(pad: str = "/stand/?peildatum=2025-11-01", methode: str = "get") -> HttpRequest:
    request = getattr(RequestFactory(), methode)(pad)
    request.user = AnonymousUser()
    return request


def _html(request: HttpRequest) -> str:
    return PAGINA.render(
        Context({"request": request, "excel_tabellen": {"Verdeling": VERDELING, "Nidos": NIDOS}})
    )


def test_the_link_keeps_the_pages_parameters_and_names_the_table() -> None:
    html = _html(_verzoek("/stand/?peildatum=2025-11-01&formaat=pdf&tabel=x"))
    pagina = lees_pagina(html)
    assert pagina.links == {
        "": "/stand/?peildatum=2025-11-01&formaat=xlsx",
        "Verdeling": "/stand/?peildatum=2025-11-01&formaat=xlsx&tabel=Verdeling",
        "Nidos": "/stand/?peildatum=2025-11-01&formaat=xlsx&tabel=Nidos",
    }
    assert 'href="/stand/?peildatum=2025-11-01&amp;formaat=xlsx&amp;tabel=Nidos"' in html
    # Accessible: the visible text starts the accessible name, the table's title follows.
    assert (
        'Download als Excel<span class="visueel-verborgen">: Opgave en realisatie (xlsx)</span>'
        in html
    )
    assert 'Alle tabellen als Excel<span class="visueel-verborgen"> (2 tabellen, xlsx)' in html
    assert 'download type="application/vnd.openxmlformats' in html


def test_a_link_to_a_table_the_view_does_not_give_is_an_error() -> None:
    with pytest.raises(TemplateSyntaxError, match="geen tabel „Kaart”"):
        Template('{% load excel %}{% excel_link "Kaart" %}').render(
            Context({"request": _verzoek(), "excel_tabellen": {"Nidos": NIDOS}})
        )


def test_the_generic_table_template_and_the_workbook_agree() -> None:
    request = _verzoek()
    pagina = lees_pagina(_html(request))
    assert set(pagina.tabellen) == {"Verdeling", "Nidos"}
    verdeling = pagina.tabellen["Verdeling"]
    assert [c.tekst for c in verdeling.body[1]][:5] == [
        "Midden-Drenthe",
        "537",
        "369",
        "\u2212168 tekort",
        "69%",
    ]
    for sleutel, tabel in pagina.tabellen.items():
        verzoek = _verzoek(f"/stand/?formaat=xlsx&tabel={sleutel}")
        response = xlsx_van_pagina(verzoek, [VERDELING, NIDOS], bestandsnaam="stand", titel="S")
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="stand-{sleutel.lower()}.xlsx"'
        )
        assert vergelijk(tabel, werkboek(response.content).active) >= 2


def _view(request: HttpRequest) -> HttpResponse:
    return pagina_met_excel(
        request,
        "core/_excel_link.html",
        {"url": "", "alle": True, "aantal": 2},
        tabellen=lambda: [VERDELING, NIDOS],
        bestandsnaam="Stand van zaken Drenthe",
        titel="Stand van zaken Drenthe",
    )


def test_the_same_view_answers_with_all_tables_or_one() -> None:
    alle = _view(_verzoek("/?formaat=xlsx"))
    assert alle["Content-Type"] == XLSX_MIME
    assert alle["Content-Disposition"] == 'attachment; filename="stand-van-zaken-drenthe.xlsx"'
    wb = werkboek(alle.content)
    assert wb.sheetnames == ["Verdeling", "Nidos"]
    assert wb.properties.title == "Stand van zaken Drenthe"
    assert werkboek(_view(_verzoek("/?formaat=xlsx&tabel=Nidos")).content).sheetnames == ["Nidos"]
    with pytest.raises(Http404):
        _view(_verzoek("/?formaat=xlsx&tabel=Kaart"))
    html = _view(_verzoek("/"))
    assert html["Content-Type"].startswith("text/html")
    # A form post is never answered with a workbook.
    assert not vraagt_xlsx(_verzoek("/?formaat=xlsx", "post"))


def test_a_page_without_tables_has_no_workbook() -> None:
    with pytest.raises(Http404):
        xlsx_van_pagina(_verzoek("/?formaat=xlsx"), [], bestandsnaam="x", titel="x")
    with pytest.raises(ValueError, match="twee keer"):
        xlsx_van_pagina(_verzoek("/?formaat=xlsx"), [NIDOS, NIDOS], bestandsnaam="x", titel="x")


class _Stand(ExcelTabellenMixin, TemplateView):
    template_name = "core/_excel_link.html"
    excel_bestandsnaam = "stand.xlsx"
    excel_titel = "Stand"

    def excel_tabellen(self, context: Any) -> list[Tabel]:
        return [VERDELING]


def test_the_mixin_for_class_based_views() -> None:
    response = _Stand.as_view()(_verzoek("/?formaat=xlsx"))
    assert werkboek(response.content).sheetnames == ["Verdeling"]
    html = _Stand.as_view()(_verzoek("/"))
    assert html.context_data["excel_tabellen"] == {"Verdeling": VERDELING}
