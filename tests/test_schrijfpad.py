"""One write path (issue 17, point 2): outside the services no code writes a record itself.

Reads every module of the project (not the tests) and looks for the calls that write to the
database: a manager's or queryset's ``create``, ``bulk_create``, ``bulk_update``,
``get_or_create``, ``update_or_create``, ``update`` or ``delete``, and a record's (or a
form's) ``save()`` or ``delete()``. They may only stand in a ``services.py`` (the app's write
path, or the shared one in ``regietafel/services.py``), in a model module (a model's own
``save``) or in a migration, and in the history chain itself (``audit/keten.py``). The doors —
views, API, CLI commands, importers, the demo loader, the admin, OIDC — call the services.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "regietafel"
SCHRIJVEND = {
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "update",
    "delete",
}
TOEGESTAAN = {"services.py", "models.py", "keten.py"}


def _toegestaan(pad: Path) -> bool:
    return pad.name in TOEGESTAAN or "migrations" in pad.parts


def _keten(node: ast.AST) -> list[str]:
    """``Locatie.objects.filter(x=1).update`` → ["Locatie", "objects", "filter", "update"]."""
    namen: list[str] = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            namen.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            namen.append(node.id)
            break
        else:
            break
    return namen[::-1]


def _zonder_commit(node: ast.Call) -> bool:
    """``form.save(commit=False)``: builds the record, writes nothing."""
    return any(
        k.arg == "commit" and isinstance(k.value, ast.Constant) and k.value.value is False
        for k in node.keywords
    )


def schrijvende_aanroepen(bron: str) -> list[tuple[int, str]]:
    """(line, call) of every call in ``bron`` that writes a record."""
    uit = []
    for node in ast.walk(ast.parse(bron)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        naam = node.func.attr
        keten = _keten(node.func)
        via_manager = "objects" in keten[:-1] or "_default_manager" in keten[:-1]
        schrijft_via_manager = naam in SCHRIJVEND and via_manager
        bewaart = naam in ("save", "delete") and not node.args and not _zonder_commit(node)
        if schrijft_via_manager or bewaart:
            uit.append((node.lineno, ".".join(keten)))
    return uit


def test_the_detector_sees_the_writes_it_should() -> None:
    bron = (
        "Locatie.objects.create(naam='x')\n"
        "Locatie.objects.filter(pk=1).update(naam='y')\n"
        "locatie.save()\n"
        "form.save(commit=True)\n"
        "formset.save(commit=False)\n"
        "locatie.delete()\n"
        "AuditRegel.objects.bulk_create([])\n"
        "werkboek.save(uit)\n"
        "regels.update({'a': 1})\n"
        "cache.delete('x')\n"
    )
    gevonden = [regel for regel, _ in schrijvende_aanroepen(bron)]
    assert gevonden == [1, 2, 3, 4, 6, 7]


def test_no_write_outside_the_services() -> None:
    fouten = []
    for pad in sorted(ROOT.rglob("*.py")):
        if _toegestaan(pad):
            continue
        for regel, aanroep in schrijvende_aanroepen(pad.read_text(encoding="utf-8")):
            fouten.append(f"{pad.relative_to(ROOT.parent)}:{regel}: {aanroep}()")
    assert not fouten, "Schrijft buiten een services.py:\n" + "\n".join(fouten)


def test_history_entries_are_made_by_the_audit_services_only() -> None:
    """No code builds a history entry by hand (``AuditRegel(...)``, ``AuditRegel.objects.create``,
    ``voeg_in(AuditRegel, ...)``):
    every entry goes through ``audit.services`` (``registreer``, ``registreer_reeks``), which
    fills in its scope and links it into the chain the same way everywhere."""
    fouten = []
    audit = ROOT / "audit"
    for pad in sorted(ROOT.rglob("*.py")):
        if pad.is_relative_to(audit):
            continue
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            keten = _keten(node.func)
            met_de_hand = len(keten) == 1 or (bool(keten) and keten[-1] in SCHRIJVEND)
            if keten[-1:] == ["voeg_in"] and node.args:  # core.invoegen: rows as tuples
                keten, met_de_hand = [*_keten(node.args[0]), "voeg_in"], True
            if keten and keten[0] == "AuditRegel" and met_de_hand:
                fouten.append(f"{pad.relative_to(ROOT.parent)}:{node.lineno}: {'.'.join(keten)}")
    assert not fouten, "Historieregel buiten audit.services:\n" + "\n".join(fouten)


HISTORIE_SCHRIJVERS = {"registreer", "registreer_reeks", "registreer_beschreven"}


def _importeert_historie_schrijver(boom: ast.AST) -> list[int]:
    """Lines that import a writer of the history (``registreer``…) from ``audit.services``, or
    ``audit.services`` itself."""
    regels = []
    for node in ast.walk(boom):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        namen = {a.name for a in node.names}
        if isinstance(node, ast.ImportFrom) and node.module == "regietafel.audit.services":
            gevonden = bool(namen & HISTORIE_SCHRIJVERS)
        elif isinstance(node, ast.ImportFrom) and node.module == "regietafel.audit":
            gevonden = "services" in namen
        else:
            gevonden = isinstance(node, ast.Import) and "regietafel.audit.services" in namen
        if gevonden:
            regels.append(node.lineno)
    return regels


def test_the_import_scan_sees_a_history_writer() -> None:
    bron = (
        "from regietafel.audit.services import momentopname\n"
        "from regietafel.audit.services import registreer\n"
        "from regietafel.audit import services\n"
        "import regietafel.audit.services\n"
    )
    assert _importeert_historie_schrijver(ast.parse(bron)) == [2, 3, 4]


def test_history_is_written_from_a_services_py_only() -> None:
    """Issue 19.4: a history entry is written in the transaction of a service. A module that is
    not a ``services.py`` (an importer, a loader, a view) does not even import ``registreer``:
    it calls the service of its app, which writes the rows and their history together."""
    fouten = []
    audit = ROOT / "audit"
    for pad in sorted(ROOT.rglob("*.py")):
        if pad.name == "services.py" or pad.is_relative_to(audit) or "migrations" in pad.parts:
            continue
        for regel in _importeert_historie_schrijver(ast.parse(pad.read_text(encoding="utf-8"))):
            fouten.append(f"{pad.relative_to(ROOT.parent)}:{regel}")
    assert not fouten, "Importeert een schrijver van de historie buiten een services.py:\n" + (
        "\n".join(fouten)
    )


def test_every_import_runs_in_its_apps_services() -> None:
    """Issue 19.4: every import (``importeer_*``) is a function of its app's ``services.py``:
    it reads and compares through a module of its own (``lezen``, ``importeren.py``,
    ``cyclusimport.py``, ``inwoners.py``) and writes in one transaction there. Outside a
    ``services.py`` no importer opens a transaction or rolls one back (the dry run)."""
    fouten = []
    for pad in sorted(ROOT.rglob("*.py")):
        if pad.name == "services.py" or "migrations" in pad.parts:
            continue
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for node in ast.walk(boom):
            if isinstance(node, ast.Attribute) and node.attr == "set_rollback":
                fouten.append(f"{pad.relative_to(ROOT.parent)}:{node.lineno}: set_rollback")
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("importeer"):
                continue
            for binnen in ast.walk(node):
                if isinstance(binnen, ast.Attribute) and binnen.attr in ("atomic", "set_rollback"):
                    fouten.append(f"{pad.relative_to(ROOT.parent)}:{binnen.lineno}: {node.name}")
    toegestaan = {"regietafel/accounts/admin_mixins.py"}  # the admin tries a form in a savepoint
    fouten = [f for f in fouten if f.split(":")[0] not in toegestaan]
    assert not fouten, "Een import buiten de services.py van zijn app:\n" + "\n".join(fouten)
