"""The layers as a contract: the configuration in pyproject.toml holds on the code, and each
contract breaks when an arrow points the wrong way (checked on the real import graph with
one import added, so nothing is written to the source)."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

import grimp
import pytest
from importlinter.application.use_cases import read_user_options
from importlinter.configuration import configure
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.layers import LayersContract

from scripts import importgraaf
from scripts.importcontracten import AlleenStdlibContract

SOORTEN: dict[str, type[Any]] = {
    "layers": LayersContract,
    "alleen_stdlib": AlleenStdlibContract,
    "forbidden": ForbiddenContract,
    "acyclic_siblings": AcyclicSiblingsContract,
}


@pytest.fixture(scope="module")
def instellingen() -> Any:
    """The [tool.importlinter] options of pyproject.toml, as lint-imports reads them."""
    configure()
    return read_user_options(str(Path(__file__).parents[1] / "pyproject.toml"))


@pytest.fixture(scope="module")
def graaf() -> grimp.ImportGraph:
    return grimp.build_graph("regietafel", include_external_packages=True, cache_dir=None)


def _gehouden(instellingen: Any, graaf: grimp.ImportGraph, soort: str) -> bool:
    (opties,) = [c for c in instellingen.contracts_options if c["type"] == soort]
    contract = SOORTEN[soort](opties["name"], instellingen.session_options, opties)
    return bool(contract.check(deepcopy(graaf), verbose=False).kept)


def _met_import(graaf: grimp.ImportGraph, importeur: str, doel: str) -> grimp.ImportGraph:
    """A copy of ``graaf`` with the import ``importeur → doel`` added."""
    kopie = deepcopy(graaf)
    kopie.add_import(importer=importeur, imported=doel, line_number=1, line_contents="import")
    return kopie


def test_every_contract_type_in_the_configuration_is_tested(instellingen: Any) -> None:
    assert sorted(c["type"] for c in instellingen.contracts_options) == sorted(SOORTEN)


@pytest.mark.parametrize("soort", sorted(SOORTEN))
def test_every_contract_holds_on_the_code(
    instellingen: Any, graaf: grimp.ImportGraph, soort: str
) -> None:
    assert _gehouden(instellingen, graaf, soort)


@pytest.mark.parametrize(
    "doel",
    [
        "openpyxl",  # a third-party package, even inside a function
        "django",
        "regietafel.core.opmaak",  # an app
        "regietafel.settings",  # outside the layers
    ],
)
def test_the_domain_imports_only_the_standard_library(
    instellingen: Any, graaf: grimp.ImportGraph, doel: str
) -> None:
    kopie = _met_import(graaf, "regietafel.domain.verdeling", doel)
    assert not _gehouden(instellingen, kopie, "alleen_stdlib")


def test_the_domain_may_import_the_standard_library_and_itself(
    instellingen: Any, graaf: grimp.ImportGraph
) -> None:
    kopie = _met_import(graaf, "regietafel.domain.verdeling", "zoneinfo")
    kopie.add_import(
        importer="regietafel.domain.verdeling",
        imported="regietafel.domain.capaciteit",
        line_number=2,
        line_contents="import",
    )
    assert _gehouden(instellingen, kopie, "alleen_stdlib")


@pytest.mark.parametrize(
    ("importeur", "doel"),
    [
        ("regietafel.accounts.views", "regietafel.demo.drenthe"),  # base → demo
        ("regietafel.pagina", "regietafel.landelijk.permissions"),  # base → output
        ("regietafel.pagina", "regietafel.monitoring.queries"),  # base → area
        ("regietafel.audit.models", "regietafel.accounts.permissions"),  # up inside the base
        ("regietafel.core.tabel", "regietafel.gemeenten.models"),  # core knows no app
        ("regietafel.core.klok", "regietafel.audit.models"),
        ("regietafel.accounts.models", "regietafel.gemeenten.models"),
        ("regietafel.gemeenten.models", "regietafel.pagina"),
        ("regietafel.opgaven.models", "regietafel.monitoring.models"),  # opgaven → area
        ("regietafel.monitoring.views_tabellen", "regietafel.rapportage.bouwen"),  # area → output
        ("regietafel.overleg.services", "regietafel.rapportage.uitvoer"),
        ("regietafel.toezicht.permissions", "regietafel.historie.permissions"),
        ("regietafel.landelijk.views", "regietafel.demo.landelijk"),  # output → demo
    ],
)
def test_a_lower_layer_never_imports_a_higher_one(
    instellingen: Any, graaf: grimp.ImportGraph, importeur: str, doel: str
) -> None:
    assert not _gehouden(instellingen, _met_import(graaf, importeur, doel), "layers")


@pytest.mark.parametrize(
    ("importeur", "doel"),
    [("regietafel.kaart.svg", "regietafel.settings"), ("regietafel.core.menu", "regietafel.urls")],
)
def test_no_app_imports_the_project_modules(
    instellingen: Any, graaf: grimp.ImportGraph, importeur: str, doel: str
) -> None:
    assert not _gehouden(instellingen, _met_import(graaf, importeur, doel), "forbidden")


def test_a_cycle_between_areas_breaks_the_contract_and_the_script(
    instellingen: Any, graaf: grimp.ImportGraph
) -> None:
    # monitoring → locaties closes locaties → monitoring: two areas, so only the cycle checks see it
    kopie = _met_import(graaf, "regietafel.monitoring.grafiek", "regietafel.locaties.models")
    assert _gehouden(instellingen, kopie, "layers")
    assert not _gehouden(instellingen, kopie, "acyclic_siblings")
    assert importgraaf.kringen(importgraaf.app_graaf(kopie)) == [["locaties", "monitoring"]]


def test_the_script_finds_every_cycle_and_a_shortest_one() -> None:
    regel = [("x", "y", 1)]
    randen = {
        "a": {"b": regel},
        "b": {"c": regel},
        "c": {"a": regel, "d": regel},
        "d": {"c": regel},
        "e": {"a": regel},
        "f": {},
    }
    assert importgraaf.kringen(randen) == [["a", "b", "c", "d"]]
    assert importgraaf.kortste_kring(randen, ["a", "b", "c", "d"]) in (
        ["c", "d", "c"],
        ["d", "c", "d"],
    )
    assert importgraaf.kringen({"a": {"b": regel}, "b": {}}) == []


def test_the_script_prints_the_graph_and_sees_no_cycle(capsys: pytest.CaptureFixture[str]) -> None:
    assert importgraaf.main([]) == 0
    uit = capsys.readouterr().out
    assert "Geen kringen" in uit
    regels = {r.split()[0]: r.split("→", 1)[1].strip() for r in uit.splitlines() if "→" in r}
    assert regels["domain"] == "—"  # the domain imports no app
    assert "toezicht" in regels["historie"]  # the history pages read the areas' permissions
