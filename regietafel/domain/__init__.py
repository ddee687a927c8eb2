"""The rules of domain.md (R1–R10) as pure functions over frozen dataclasses.

No Django, no I/O: places, persons and euros are ``int``; shares are ``Fraction``.
A rule returns its explanation with its answer.
"""
