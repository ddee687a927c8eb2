"""An import-linter contract that allows instead of forbids: ``alleen_stdlib``.

    [[tool.importlinter.contracts]]
    type = "alleen_stdlib"
    source_modules = ["regietafel.domain"]

The source modules (with their descendants) may import each other and the standard library
(``sys.stdlib_module_names``), nothing else: no Django, no app of the project, no third-party
package — including one installed tomorrow, which a ``forbidden`` list would have to name.
Lazy imports inside functions and imports under ``TYPE_CHECKING`` count too. Needs
``include_external_packages = true`` (otherwise an external import is not in the graph).
Registered in pyproject.toml under ``contract_types``; ``lint-imports`` puts the working
directory on ``sys.path``, so this module is found as ``scripts.importcontracten``.
"""

from __future__ import annotations

import sys
from typing import Any

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output

STDLIB = frozenset(sys.stdlib_module_names)


def _binnen(module: str, pakketten: set[str]) -> bool:
    return any(module == p or module.startswith(f"{p}.") for p in pakketten)


class AlleenStdlibContract(Contract):
    source_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        if str(self.session_options.get("include_external_packages")).lower() != "true":
            raise ValueError("alleen_stdlib needs include_external_packages = true.")
        bronnen = set(self.source_modules)  # type: ignore[arg-type]
        for bron in sorted(bronnen):
            if bron not in graph.modules:
                raise ValueError(f"Module '{bron}' does not exist.")
        verboden: list[dict[str, Any]] = []
        for module in sorted(m for m in graph.modules if _binnen(m, bronnen)):
            for doel in sorted(graph.find_modules_directly_imported_by(module)):
                if _binnen(doel, bronnen) or doel.split(".")[0] in STDLIB:
                    continue
                regels = sorted(
                    d["line_number"]
                    for d in graph.get_import_details(importer=module, imported=doel)
                )
                verboden.append({"importer": module, "imported": doel, "regels": regels})
        output.verbose_print(verbose, f"{len(verboden)} import(s) outside the standard library.")
        return ContractCheck(kept=not verboden, warnings=[], metadata={"verboden": verboden})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for fout in check.metadata["verboden"]:
            regels = ", ".join(f"l.{r}" for r in fout["regels"]) or "?"
            output.print_error(
                f"{fout['importer']} is not allowed to import {fout['imported']} ({regels}):"
                " only the standard library.",
                bold=False,
            )
        output.new_line()
