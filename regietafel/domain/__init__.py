"""The rules of domain.md (R1–R10) as pure functions over frozen dataclasses.

No Django, no I/O: places, persons and euros are ``int``; shares are ``Fraction``.
A rule returns its explanation with its answer.

Each rule lives here once, in the module named after it; the apps gather the plain numbers
and call it. R1 ``verdeling`` · R2 ``indicatief`` · R3 ``restopgave`` · R4 ``statushouders``
· R5 ``voortgang`` (verschil, tekort, voortgang, resterend) with ``laatst_bekend`` and
``in_kracht`` · R6 ``bonus`` · R7 ``capaciteit`` · R8 ``noodopvang`` (the reserve) and
``nareizigers`` · R9 ``overleg`` (CONCEPT/ingestemd, overdue actions) · R10
``persoonsgegevens``, ``adressen``, ``geboortedatums``. Shared: ``notatie`` (Dutch numbers
and dates), ``maanden`` (month arithmetic), ``indicatief.afgerond`` (rounding half up),
``validatie`` (defects of a source), ``invulling`` (Bijlage 1).
"""
