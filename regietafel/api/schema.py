"""The OpenAPI document by the NL API Design Rules: every response documents the
``API-Version`` header, every operation the errors it can answer as problem details
(``application/problem+json``), with a 400 wherever it takes input.

``make apilint`` checks the document with Logius' own Spectral rules
(``regietafel/api/spectral/linter.yaml``); schemathesis checks the API keeps to it.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.settings import spectacular_settings
from rest_framework.serializers import Serializer

from regietafel.api import serializers
from regietafel.api.problemen import PROBLEEM_JSON

FOUTEN: dict[int, str] = {
    400: "Ongeldige invoer: elk ongeldig veld of elke ongeldige parameter staat in "
    "`invalidParams`.",
    401: "Niet aangemeld: geen of een ongeldige sleutel (token).",
    403: "Geen toegang: u mag dit niet (of, met een sessie, de CSRF-controle is mislukt).",
    404: "Niet gevonden: de resource of pagina bestaat niet, of u mag haar niet zien.",
    406: "Formaat niet beschikbaar: de API levert alleen JSON.",
    409: "Conflict met de toestand van de resource.",
    413: "Het verzoek is te groot.",
    415: "Mediatype niet ondersteund: zie de mediatypes van de request body.",
    429: "Te veel verzoeken; de kop Retry-After zegt na hoeveel seconden het weer kan.",
    500: "Interne serverfout.",
}


GELUKT = {"200": "Gelukt.", "201": "Aangemaakt."}


def api_versie() -> str:
    """The API's version (semver), as ``info.version`` and the ``API-Version`` header say."""
    return str(spectacular_settings.VERSION)


def _kop(beschrijving: str, *, verplicht: bool = True, voorbeeld: Any = None) -> dict[str, Any]:
    kop: dict[str, Any] = {"description": beschrijving, "schema": {"type": "string"}}
    if verplicht:
        kop["required"] = True
    if voorbeeld is not None:
        kop["schema"]["example"] = voorbeeld
    return kop


def koppen(status: str) -> dict[str, Any]:
    """The headers of a response with this status code."""
    uit = {
        "API-Version": _kop(
            "De volledige versie van de API (semver), op elk antwoord.", voorbeeld=api_versie()
        )
    }
    if status == "401":
        uit["WWW-Authenticate"] = _kop("Hoe u zich aanmeldt: Token.", voorbeeld="Token")
    if status == "429":
        uit["Retry-After"] = _kop("Seconden tot een nieuw verzoek kan.", verplicht=False)
    if status.startswith("3"):
        uit["Location"] = _kop("Het nieuwe adres.")
    return uit


class ApiSchema(AutoSchema):
    """drf-spectacular's AutoSchema plus the NL API Design Rules' error responses and headers."""

    def get_operation(
        self, path: str, path_regex: str, path_prefix: str, method: str, registry: Any
    ) -> dict[str, Any] | None:
        operatie: dict[str, Any] | None = super().get_operation(
            path, path_regex, path_prefix, method, registry
        )
        if operatie is None:
            return None
        antwoorden: dict[str, Any] = operatie["responses"]
        for status in self._foutcodes(operatie):
            code = str(status)
            bestaand = antwoorden.get(code, {})
            ref = self.resolve_serializer(self._probleemsoort(status), "response").ref
            antwoorden[code] = {
                "description": bestaand.get("description") or FOUTEN[status],
                "content": {PROBLEEM_JSON: {"schema": ref}},
            }
        for code, antwoord in antwoorden.items():
            antwoord["headers"] = {**antwoord.get("headers", {}), **koppen(code)}
            if not antwoord.get("description"):
                antwoord["description"] = GELUKT.get(code, "Gelukt.")
        for parameter in operatie.get("parameters", []):
            if parameter["in"] == "path":
                parameter["description"] = self._padparameter(parameter["name"])
        operatie["responses"] = dict(sorted(antwoorden.items()))
        return operatie

    def _padparameter(self, naam: str) -> str:
        """A Dutch description of a path parameter (drf-spectacular writes English)."""
        model = getattr(getattr(self.view, "queryset", None), "model", None)
        if model is None:
            basis = getattr(self.view, "basis", None)
            model = getattr(basis, "model", None)
        if model is None and hasattr(self.view, "get_queryset"):
            try:
                model = self.view.get_queryset().model
            except Exception:  # pragma: no cover - a view without a queryset
                model = None
        wat = str(model._meta.verbose_name) if model is not None else "het object"
        if naam == "id":
            return f"Het id van de {wat}."
        return {
            "code": f"De code van de {wat}.",
            "cbs_code": "De CBS-code van de gemeente, bijvoorbeeld GM0114.",
        }.get(naam, f"{naam} van de {wat}.")

    def _probleemsoort(self, status: int) -> type[Serializer[Any]]:
        if status != 400:
            return serializers.ProbleemSerializer
        if getattr(self.view, "basename", None) == "import" or "import" in self.path:
            return serializers.ImportprobleemSerializer
        return serializers.ValidatieprobleemSerializer

    def _foutcodes(self, operatie: dict[str, Any]) -> set[int]:
        """The errors this operation can answer: the declared ones and those that follow from
        its parameters, body, authentication and permissions."""
        codes = {int(c) for c in operatie["responses"] if c[0] in "45"}
        codes |= {406, 500}
        beveiliging = operatie.get("security") or []
        aangemeld = bool(beveiliging) and {} not in beveiliging
        body = "requestBody" in operatie
        parameters = operatie.get("parameters", [])
        schrijft = self.method not in ("GET", "HEAD", "OPTIONS")
        if parameters or body:
            codes.add(400)
        if aangemeld:
            codes.add(401)
            if schrijft or self._eigen_rechten():
                codes.add(403)
        if any(p["in"] == "path" for p in parameters) or any(
            p["name"] == "page" for p in parameters
        ):
            codes.add(404)
        if body:
            codes |= {413, 415}
        if getattr(self.view, "throttle_classes", None):
            codes.add(429)
        return codes

    def _eigen_rechten(self) -> bool:
        """Permissions beyond "signed in" (an import: only suppliers and the secretariaat)."""
        from rest_framework.permissions import IsAuthenticated

        return any(not isinstance(p, IsAuthenticated) for p in self.view.get_permissions())
