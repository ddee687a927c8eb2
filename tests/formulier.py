"""Fill in a form as a browser would: read the page, keep every value it shows, change some.

For the admin's add and change forms (``beheer_post``): the values the page holds (inline
rows and management forms included), the changes on top, and ``_save``. Used by the admin
tests (``tests/audit/test_beheer.py``) and the role matrix (``tests/test_rollen.py``), so a
valid payload is the page's own, not one kept by hand next to it.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from django.http import HttpResponse
from django.test import Client

Waarden = dict[str, list[str]]


class _Lezer(HTMLParser):
    """The fields of one form: the one with ``form_id``, or the first that is not the logout
    form."""

    def __init__(self, form_id: str | None, actie: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.actie = actie
        self.in_form = False
        self.klaar = False
        self.waarden: Waarden = {}
        self._select: str | None = None
        self._select_gekozen = False
        self._select_eerste: str | None = None
        self._meervoudig = False
        self._textarea: str | None = None
        self._tekst: list[str] = []

    def _zet(self, naam: str, waarde: str) -> None:
        if "__prefix__" in naam:  # the template row of an inline
            return
        self.waarden.setdefault(naam, []).append(waarde)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.klaar and not self.in_form:
            if a.get("method", "get").lower() != "post":
                return  # a filter or a chooser: nothing is written with it
            if self.form_id is not None:
                self.in_form = a.get("id") == self.form_id
            elif self.actie is not None:
                self.in_form = a.get("action", "") == self.actie
            else:
                actie = a.get("action", "")
                self.in_form = a.get("id") != "logout-form" and not any(
                    w in actie for w in ("logout", "uitloggen")
                )
            return
        if not self.in_form:
            return
        naam = a.get("name")
        if tag == "input" and naam:
            soort = a.get("type", "text").lower()
            if soort in ("submit", "button", "image", "file", "reset"):
                return
            if soort in ("checkbox", "radio"):
                if "checked" in a:
                    self._zet(naam, a.get("value", "on") or "on")
                return
            self._zet(naam, a.get("value", ""))
        elif tag == "select" and naam:
            self._select, self._select_gekozen, self._select_eerste = naam, False, None
            self._meervoudig = "multiple" in a
        elif tag == "option" and self._select is not None:
            waarde = a.get("value", "")
            if self._select_eerste is None:
                self._select_eerste = waarde
            if "selected" in a:
                self._zet(self._select, waarde)
                self._select_gekozen = True
        elif tag == "textarea" and naam:
            self._textarea, self._tekst = naam, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.in_form:
            self.in_form, self.klaar = False, True
        elif tag == "select" and self._select is not None:
            if (
                not self._select_gekozen
                and not self._meervoudig
                and self._select_eerste is not None
            ):
                self._zet(self._select, self._select_eerste)  # a browser sends the first
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            tekst = "".join(self._tekst)
            self._zet(self._textarea, tekst[1:] if tekst.startswith("\n") else tekst)
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._tekst.append(data)


def velden(html: str, form_id: str | None = None, actie: str | None = None) -> Waarden:
    """The fields of the form with id ``form_id``, or with action ``actie`` (``""``: the form
    that posts to the page itself), or the first that is not the logout form."""
    lezer = _Lezer(form_id, actie)
    lezer.feed(html)
    return lezer.waarden


def toepassen(waarden: Waarden, wijzigingen: dict[str, Any]) -> dict[str, Any]:
    """``waarden`` with ``wijzigingen`` on top (None removes a field, as an unticked box)."""
    uit: dict[str, Any] = {k: (v if len(v) > 1 else v[0]) for k, v in waarden.items()}
    for naam, waarde in wijzigingen.items():
        if waarde is None:
            uit.pop(naam, None)
        else:
            uit[naam] = waarde
    return uit


def beheer_post(
    client: Client, url: str, wijzigingen: dict[str, Any], *, form_id: str | None = None
) -> HttpResponse:
    """GET the admin form at ``url``, POST it back with ``wijzigingen`` and ``_save``."""
    pagina = client.get(url)
    assert pagina.status_code == 200, f"GET {url} gaf {pagina.status_code}"
    data = toepassen(velden(pagina.content.decode(), form_id), wijzigingen)
    data["_save"] = "Opslaan"
    return client.post(url, data)  # type: ignore[no-any-return]


def formulier_post(
    client: Client,
    url: str,
    wijzigingen: dict[str, Any],
    *,
    form_id: str | None = None,
    post_url: str | None = None,
) -> HttpResponse:
    """GET the page at ``url``, POST its form back (to ``post_url``, default ``url``) with
    ``wijzigingen`` on top: a valid payload is the page's own plus the change."""
    pagina = client.get(url)
    assert pagina.status_code == 200, f"GET {url} gaf {pagina.status_code}"
    data = toepassen(velden(pagina.content.decode(), form_id), wijzigingen)
    return client.post(post_url or url, data)  # type: ignore[no-any-return]
