"""No function over 80 lines without a reason (issue 19 point 4).

Every non-migration module under ``regietafel/`` is parsed; a function (or method, nested ones
too) is measured from its first decorator to its last line, docstring included. One over
``MAXIMUM`` lines fails the test unless its docstring gives a reason in a line that starts
with "Lang: ". The failure lists ``file:line name length`` for each.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import regietafel

MAXIMUM = 80

PAKKET = Path(regietafel.__file__).parent
WORTEL = PAKKET.parent

Functie = ast.FunctionDef | ast.AsyncFunctionDef


def lengte(functie: Functie) -> int:
    """Lines from the first decorator (or the ``def``) to the last line of the body."""
    begin = min([functie.lineno, *(d.lineno for d in functie.decorator_list)])
    assert functie.end_lineno is not None
    return functie.end_lineno - begin + 1


def heeft_reden(functie: Functie) -> bool:
    """The docstring has a line that starts with "Lang: " (after indentation)."""
    docstring = ast.get_docstring(functie) or ""
    return any(regel.strip().startswith("Lang: ") for regel in docstring.splitlines())


def te_lang(bron: str, pad: str) -> Iterator[tuple[str, int, str, int]]:
    """(path, line, name, length) of every function in ``bron`` over ``MAXIMUM`` lines
    without a "Lang: " reason."""
    for knoop in ast.walk(ast.parse(bron, filename=pad)):
        if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef):
            n = lengte(knoop)
            if n > MAXIMUM and not heeft_reden(knoop):
                yield pad, knoop.lineno, knoop.name, n


def modules() -> list[Path]:
    return sorted(p for p in PAKKET.rglob("*.py") if "migrations" not in p.parts)


def test_no_function_over_80_lines_without_a_reason() -> None:
    gevonden = [
        (pad, regel, naam, n)
        for bestand in modules()
        for pad, regel, naam, n in te_lang(
            bestand.read_text(encoding="utf-8"), bestand.relative_to(WORTEL).as_posix()
        )
    ]
    assert not gevonden, f"Functies van meer dan {MAXIMUM} regels zonder 'Lang: '-reden:\n" + (
        "\n".join(f"{pad}:{regel} {naam} {n}" for pad, regel, naam, n in gevonden)
    )


def test_every_module_is_parsed() -> None:
    """The scan sees the package (a wrong root would pass with nothing found)."""
    paden = {p.relative_to(WORTEL).as_posix() for p in modules()}
    assert "regietafel/domain/puzzel.py" in paden
    assert not any("/migrations/" in p for p in paden)
    assert len(paden) > 100


def _functie(regels: int, *, docstring: str = "", decorator: bool = False) -> str:
    """Source of one function of exactly ``regels`` lines."""
    kop = ["@staticmethod"] if decorator else []
    kop.append("def f():")
    if docstring:
        kop.append(f'    """{docstring}"""')
    romp = ["    x = 1"] * (regels - len(kop) - 1)
    return "\n".join([*kop, *romp, "    return x"]) + "\n"


def test_a_long_function_is_found() -> None:
    assert list(te_lang(_functie(81), "m.py")) == [("m.py", 1, "f", 81)]
    assert list(te_lang(_functie(80), "m.py")) == []


def test_decorators_and_docstring_count() -> None:
    assert list(te_lang(_functie(81, decorator=True), "m.py")) == [("m.py", 2, "f", 81)]
    assert list(te_lang(_functie(81, docstring="Doet iets."), "m.py")) == [("m.py", 1, "f", 81)]


def test_nested_functions_and_methods_are_measured() -> None:
    binnen = "".join("    " + r + "\n" for r in _functie(81).splitlines())
    bron = "class K:\n" + binnen + "def buiten():\n" + binnen.replace("def f", "def g")
    gevonden = {naam: n for _, _, naam, n in te_lang(bron, "m.py")}
    assert gevonden == {"f": 81, "buiten": 82, "g": 81}


def test_a_reason_in_the_docstring_allows_a_long_function() -> None:
    met_reden = _functie(90, docstring="Doet iets.\n\n    Lang: één tabel met 40 kolommen.\n    ")
    assert list(te_lang(met_reden, "m.py")) == []
    zonder = _functie(90, docstring="Doet iets. Lang is hij wel.")
    assert [n for *_, n in te_lang(zonder, "m.py")] == [90]
