"""Every table on every page and in every document goes through the one ``Tabel`` template
(issue 19, point 2): no template but ``core/tabel.html`` writes a ``<table``."""

from __future__ import annotations

import re
from pathlib import Path

import regietafel

DE_TABEL = Path("core", "templates", "core", "tabel.html")
TABLE = re.compile(r"<table\b", re.IGNORECASE)


def eigen_tabellen(wortel: Path) -> list[str]:
    """The templates under ``wortel`` (every ``templates`` folder) that hold a ``<table`` of
    their own, as paths relative to ``wortel``."""
    uit = []
    for pad in sorted(wortel.rglob("*")):
        relatief = pad.relative_to(wortel)
        if not pad.is_file() or "templates" not in relatief.parts or relatief == DE_TABEL:
            continue
        if TABLE.search(pad.read_text(encoding="utf-8", errors="replace")):
            uit.append(str(relatief))
    return uit


def test_no_template_but_core_tabel_holds_a_table() -> None:
    wortel = Path(regietafel.__file__).parent
    assert (wortel / DE_TABEL).exists()
    assert eigen_tabellen(wortel) == [], "tabellen via core/tabel.html en een core.tabel.Tabel"


def test_the_scan_finds_a_table_in_any_template(tmp_path: Path) -> None:
    (tmp_path / DE_TABEL).parent.mkdir(parents=True)
    (tmp_path / DE_TABEL).write_text("<table></table>")
    eigen = tmp_path / "woo" / "templates" / "woo" / "x.html"
    eigen.parent.mkdir(parents=True)
    eigen.write_text('{% block c %}<TABLE class="utrecht-table">{% endblock %}')
    (tmp_path / "woo" / "templates" / "woo" / "y.html").write_text("<tablet> <thead>")
    (tmp_path / "woo" / "views.py").write_text('HTML = "<table>"')  # not a template
    assert eigen_tabellen(tmp_path) == [str(Path("woo", "templates", "woo", "x.html"))]
