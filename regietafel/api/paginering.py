"""Pages of 100 rows (``?page=``), with Dutch texts. A page number that is not a whole number
from 1 is invalid input (400); a page past the last one does not exist (404)."""

from __future__ import annotations

import re
from typing import Any

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

GEEN_PAGINANUMMER = "Geef een paginanummer: een geheel getal vanaf 1."


class Paginering(PageNumberPagination):
    page_size = 100
    page_query_description = "Het paginanummer, vanaf 1 (100 rijen per pagina)."
    invalid_page_message = "Pagina {page_number} bestaat niet."
    last_page_strings = ()

    def get_page_number(self, request: Request, paginator: Any) -> int:
        waarde = request.query_params.get(self.page_query_param)
        if waarde is None:
            return 1
        if not re.fullmatch(r"[1-9][0-9]{0,8}", waarde):
            raise ValidationError({self.page_query_param: [GEEN_PAGINANUMMER]})
        return int(waarde)

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        uit: dict[str, Any] = super().get_paginated_response_schema(schema)
        eigenschappen = uit["properties"]
        eigenschappen["count"]["description"] = "Het aantal rijen op alle pagina's samen."
        for sleutel, pagina in (("next", 3), ("previous", 1)):
            eigenschappen[sleutel]["example"] = (
                f"https://regietafel.example/api/v1/gemeenten?page={pagina}"
            )
            eigenschappen[sleutel]["description"] = (
                "De volgende pagina (null: dit is de laatste)."
                if sleutel == "next"
                else "De vorige pagina (null: dit is de eerste)."
            )
        return uit

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": 999_999_999}
        return parameters
