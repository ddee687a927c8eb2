"""Issue 21.6, the conventions of Dutch government open source: ``publiccode.yml`` holds to the
Standard for Public Code (core schema 0.4: its mandatory keys, allowed values and lengths,
https://github.com/publiccodeyml/publiccode.yml, docs/standard/schema.core.rst), and
``docs/beheer.md`` names every environment variable the code reads, with the default the code
uses."""

from __future__ import annotations

import ast
import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BEHEER = ROOT / "docs" / "beheer.md"

# From the standard (core 0.4): the controlled vocabularies.
CATEGORIEEN = {
    "accounting",
    "agile-project-management",
    "applicant-tracking",
    "application-development",
    "appointment-scheduling",
    "backup",
    "billing-and-invoicing",
    "blog",
    "budgeting",
    "business-intelligence",
    "business-process-management",
    "cad",
    "call-center-management",
    "cloud-management",
    "collaboration",
    "communications",
    "compliance-management",
    "contact-management",
    "content-management",
    "crm",
    "customer-service-and-support",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "design",
    "design-system",
    "digital-asset-management",
    "digital-citizenship",
    "document-management",
    "donor-management",
    "e-commerce",
    "e-signature",
    "educational-content",
    "email-management",
    "email-marketing",
    "employee-management",
    "enterprise-project-management",
    "enterprise-social-networking",
    "erp",
    "event-management",
    "facility-management",
    "feedback-and-reviews-management",
    "financial-reporting",
    "fleet-management",
    "fundraising",
    "gamification",
    "geographic-information-systems",
    "grant-management",
    "graphic-design",
    "help-desk",
    "hr",
    "ide",
    "identity-management",
    "instant-messaging",
    "inventory-management",
    "it-asset-management",
    "it-development",
    "it-management",
    "it-security",
    "it-service-management",
    "knowledge-management",
    "learning-management-system",
    "marketing",
    "mind-mapping",
    "mobile-marketing",
    "mobile-payment",
    "network-management",
    "office",
    "online-booking",
    "online-community",
    "payment-gateway",
    "payroll",
    "predictive-analysis",
    "procurement",
    "productivity-suite",
    "project-collaboration",
    "project-management",
    "property-management",
    "real-estate-management",
    "remote-support",
    "resource-management",
    "sales-management",
    "seo",
    "service-desk",
    "social-media-management",
    "survey",
    "talent-management",
    "task-management",
    "taxes-management",
    "test-management",
    "time-management",
    "time-tracking",
    "translation",
    "video-conferencing",
    "video-editing",
    "visitor-management",
    "voip",
    "warehouse-management",
    "web-collaboration",
    "web-conferencing",
    "website-builder",
    "whistleblowing",
    "workflow-management",
}
SCOPES = {
    "agriculture",
    "culture",
    "defence",
    "education",
    "emergency-services",
    "employment",
    "energy",
    "environment",
    "finance-and-economic-development",
    "foreign-affairs",
    "healthcare",
    "infrastructures",
    "justice",
    "local-authorities",
    "manufacturing",
    "research",
    "science-and-technology",
    "security",
    "society",
    "sport",
    "tourism",
    "transportation",
    "welfare",
}
SOFTWARETYPES = {
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
}
STATUSSEN = {"concept", "development", "beta", "stable", "obsolete"}
ONDERHOUD = {"internal", "contract", "community", "none"}
TOPNIVEAU = {
    "publiccodeYmlVersion",
    "name",
    "applicationSuite",
    "url",
    "landingURL",
    "isBasedOn",
    "softwareVersion",
    "releaseDate",
    "logo",
    "platforms",
    "categories",
    "usedBy",
    "roadmap",
    "developmentStatus",
    "softwareType",
    "intendedAudience",
    "description",
    "legal",
    "maintenance",
    "localisation",
    "dependsOn",
}
BESCHRIJVING = {
    "localisedName",
    "shortDescription",
    "longDescription",
    "documentation",
    "apiDocumentation",
    "features",
    "screenshots",
    "videos",
    "awards",
}


def fouten_in_publiccode(data: Any) -> list[str]:
    """The deviations of ``data`` (a parsed publiccode.yml) from the core schema."""
    fouten: list[str] = []

    def eis(voorwaarde: bool, tekst: str) -> None:
        if not voorwaarde:
            fouten.append(tekst)

    if not isinstance(data, dict):
        return ["geen mapping"]
    for sleutel in (
        "publiccodeYmlVersion",
        "name",
        "url",
        "platforms",
        "categories",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ):
        eis(sleutel in data, f"{sleutel} ontbreekt")
    eis(not set(data) - TOPNIVEAU, f"onbekende sleutels {sorted(set(data) - TOPNIVEAU)}")
    eis(isinstance(data.get("publiccodeYmlVersion"), str), "publiccodeYmlVersion is geen tekst")
    eis(str(data.get("url", "")).startswith("https://"), "url is geen https-URL")
    eis(isinstance(data.get("platforms"), list) and bool(data["platforms"]), "platforms leeg")
    categorieen = data.get("categories") or []
    eis(bool(categorieen), "categories leeg")
    eis(set(categorieen) <= CATEGORIEEN, f"onbekende categories {set(categorieen) - CATEGORIEEN}")
    eis(data.get("developmentStatus") in STATUSSEN, "developmentStatus ongeldig")
    eis(data.get("softwareType") in SOFTWARETYPES, "softwareType ongeldig")
    if "releaseDate" in data:
        eis(
            re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(data["releaseDate"])) is not None,
            "releaseDate niet JJJJ-MM-DD",
        )
    publiek = data.get("intendedAudience") or {}
    eis(set(publiek.get("scope", [])) <= SCOPES, "intendedAudience.scope ongeldig")
    for land in publiek.get("countries", []):
        eis(re.fullmatch(r"[a-z]{2}", land) is not None, f"land {land!r} geen ISO 3166-1 alpha-2")
    beschrijving = data.get("description") or {}
    eis(bool(beschrijving), "description zonder taal")
    for taal, tekst in beschrijving.items():
        eis(re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", taal) is not None, f"taal {taal!r}")
        eis(not set(tekst) - BESCHRIJVING, f"{taal}: onbekend {set(tekst) - BESCHRIJVING}")
        kort = tekst.get("shortDescription", "")
        eis(0 < len(kort) <= 150, f"{taal}: shortDescription {len(kort)} tekens (max 150)")
        lang = tekst.get("longDescription", "")
        eis(150 <= len(lang) <= 10000, f"{taal}: longDescription {len(lang)} tekens")
        eis(bool(tekst.get("features")), f"{taal}: features ontbreekt")
    eis(bool((data.get("legal") or {}).get("license")), "legal.license ontbreekt")
    onderhoud = data.get("maintenance") or {}
    eis(onderhoud.get("type") in ONDERHOUD, "maintenance.type ongeldig")
    if onderhoud.get("type") in {"internal", "community"}:
        contacten = onderhoud.get("contacts") or []
        eis(bool(contacten), "maintenance.contacts ontbreekt")
        eis(all(c.get("name") for c in contacten), "contact zonder name")
    if onderhoud.get("type") == "contract":
        eis(
            all(c.get("name") and c.get("until") for c in onderhoud.get("contractors") or [0]),
            "contractors zonder name of until",
        )
    lokaal = data.get("localisation") or {}
    eis(isinstance(lokaal.get("localisationReady"), bool), "localisationReady geen boolean")
    eis(bool(lokaal.get("availableLanguages")), "availableLanguages leeg")
    for soort in ("open", "proprietary", "hardware"):
        for afh in (data.get("dependsOn") or {}).get(soort, []):
            eis(bool(afh.get("name")), f"dependsOn.{soort} zonder name")
    return fouten


def test_publiccode_yml_holds_to_the_standard() -> None:
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert fouten_in_publiccode(data) == []
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert data["legal"]["license"] == project["license"]["text"]
    assert data["name"] == project["name"]
    assert "nl" in data["description"] and data["localisation"]["availableLanguages"] == ["nl"]


def test_the_check_finds_what_the_standard_forbids() -> None:
    goed = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    for wijzig, verwacht in (
        (lambda d: d.pop("maintenance"), "maintenance ontbreekt"),
        (lambda d: d.update(categories=["asiel"]), "onbekende categories"),
        (lambda d: d.update(softwareType="web"), "softwareType ongeldig"),
        (lambda d: d.update(releaseDate=dt.date(2026, 1, 5).strftime("%d-%m-%Y")), "releaseDate"),
        (lambda d: d["description"]["nl"].update(shortDescription="x" * 151), "max 150"),
        (lambda d: d["description"]["nl"].update(longDescription="kort"), "longDescription"),
        (lambda d: d.update(versie="1"), "onbekende sleutels"),
    ):
        data = yaml.safe_load(yaml.safe_dump(goed))
        wijzig(data)
        assert any(verwacht in f for f in fouten_in_publiccode(data)), verwacht


# --- docs/beheer.md -------------------------------------------------------------------------

LEES = {"envstr", "envbool", "envint", "envlist", "require"}


def _gelezen() -> dict[str, Any]:
    """Every environment variable the code reads, with its literal default (or ... when the
    default is computed)."""
    gelezen: dict[str, Any] = {}
    for pad in (ROOT / "regietafel").rglob("*.py"):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.Call):
                naam = getattr(knoop.func, "id", None) or getattr(knoop.func, "attr", None)
                args = knoop.args
                if not args or not isinstance(args[0], ast.Constant):
                    continue
                if naam in LEES or (naam == "get" and "environ" in ast.unparse(knoop.func)):
                    variabele = args[0].value
                    if not isinstance(variabele, str) or variabele == "DJANGO_SETTINGS_MODULE":
                        continue
                    standaard: Any = ...
                    if len(args) > 1:
                        try:
                            standaard = eval(compile(ast.Expression(args[1]), "", "eval"), {})
                        except NameError:
                            standaard = ...
                    gelezen[variabele] = standaard
            # the OIDC settings are read in a loop over a tuple (regietafel/oidc.py)
            if isinstance(knoop, ast.Assign) and any(
                getattr(t, "id", "") == "VERPLICHT" for t in knoop.targets
            ):
                for element in getattr(knoop.value, "elts", []):
                    gelezen.setdefault(element.value, ...)
    return gelezen


def _rijen() -> dict[str, str]:
    """Per variable in a table row of docs/beheer.md, that row."""
    rijen: dict[str, str] = {}
    for regel in BEHEER.read_text(encoding="utf-8").splitlines():
        if regel.startswith("| `"):
            eerste = regel.split("|")[1]
            for variabele in re.findall(r"`([A-Z][A-Z0-9_]+)`", eerste):
                rijen[variabele] = regel
    return rijen


def test_docs_beheer_names_every_environment_variable_with_its_default() -> None:
    gelezen = _gelezen()
    assert {"SECRET_KEY", "S3_BUCKET", "EMAIL_HOST", "REGIETAFEL_PG_BIN"} <= set(gelezen)
    assert {"REGIETAFEL_API_CONTACT_NAAM", "OIDC_OP_TOKEN_ENDPOINT"} <= set(gelezen)
    rijen = _rijen()
    ontbreekt = sorted(set(gelezen) - set(rijen))
    assert ontbreekt == [], f"niet in docs/beheer.md: {ontbreekt}"
    for variabele, standaard in gelezen.items():
        if standaard is ... or standaard is None:
            continue
        if isinstance(standaard, bool):
            tekst = "true" if standaard else "false"
        elif isinstance(standaard, list):
            tekst = ",".join(standaard)
        else:
            tekst = str(standaard)
        assert f"`{tekst}`" in rijen[variabele] or f"{tekst}`" in rijen[variabele], (
            variabele,
            tekst,
        )


def test_docs_beheer_names_the_processes() -> None:
    tekst = BEHEER.read_text(encoding="utf-8")
    for nodig in (
        "gunicorn regietafel.wsgi:application",
        "celery -A regietafel.taken worker",
        "celery -A regietafel.taken beat",
        "regietafel herinneringen",
        "regietafel backup",
        "regietafel herstel",
        "/gezondheid/gereed/",
        "regietafel migrate",
    ):
        assert nodig in tekst, nodig
