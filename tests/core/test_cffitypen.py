"""``core.cffitypen``: cffi parses a type name with only the typedefs it names, to the same
types as before; and leaves a ``_parse`` it does not know alone. Each case in a fresh
interpreter (the parser is changed once per process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _draai(code: str) -> str:
    uit = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )
    assert uit.returncode == 0, uit.stderr
    return uit.stdout


VERGELIJK = """
    import cffi, pycparser.c_parser as cp
    gelezen = []
    echt = cp.CParser.parse
    def parse(self, text, *args, **kwargs):
        gelezen.append(text.count("typedef int "))
        return echt(self, text, *args, **kwargs)
    cp.CParser.parse = parse
    {installeer}
    ffi = cffi.FFI()
    ffi.cdef('''
        typedef struct {{ int x; int y; }} Punt;
        typedef unsigned int Kleur;
        typedef struct _Vak Vak;
        typedef int (*Teller)(Punt *, Kleur);
        struct _Vak {{ Punt hoek; Kleur kleur; Vak *volgende; }};
        typedef enum {{ LINKS, RECHTS = 4 }} Kant;
        typedef char Naam[16];
    ''')
    namen = ["Punt *", "Kleur[3]", "Vak *", "struct _Vak", "Teller", "Kant", "Naam",
             "Punt *(*)(Vak *, Kleur, char *)", "unsigned long long", "Kleur const *"]
    gelezen.clear()
    for naam in namen:
        t = ffi.typeof(naam)
        print(naam, "|", t.cname, t.kind, ffi.sizeof(t) if t.kind != "function" else "-")
    print("typedefs", sum(gelezen))
"""


def test_types_parse_the_same_with_fewer_typedefs_before_them() -> None:
    met = _draai(
        VERGELIJK.format(
            installeer="from regietafel.core import cffitypen; assert cffitypen.installeer()"
        )
    )
    zonder = _draai(VERGELIJK.format(installeer=""))
    *typen_met, typedefs_met = met.splitlines()
    *typen_zonder, typedefs_zonder = zonder.splitlines()
    assert typen_met == typen_zonder
    assert len(typen_met) == 10
    # Every parse has cffi's own line ``typedef int __dotdotdotint__, …``; before it one line
    # for each of the six declared typedefs, or only for the ones the name uses (ten in all).
    assert int(typedefs_zonder.split()[1]) == 10 * (1 + 6)
    assert int(typedefs_met.split()[1]) == 10 * 1 + 10


def test_weasyprint_still_parses_its_declarations_and_lays_out_text() -> None:
    uit = _draai(
        """
        from regietafel.core import weasy
        import cffi.cparser
        w = weasy.laad()
        assert getattr(cffi.cparser.Parser._parse, "regietafel", False)
        pdf = w.HTML(string="<p>Stand van zaken 1.000</p>").write_pdf()
        print(pdf[:5].decode(), len(pdf) > 1000)
        """
    )
    assert uit.split() == ["%PDF-", "True"]


def test_an_unknown_parse_is_left_alone() -> None:
    uit = _draai(
        """
        import cffi.cparser
        def _parse(self, csource):
            return None
        cffi.cparser.Parser._parse = _parse
        from regietafel.core import cffitypen
        print(cffitypen.installeer(), cffi.cparser.Parser._parse is _parse)
        """
    )
    assert uit.split() == ["False", "True"]
