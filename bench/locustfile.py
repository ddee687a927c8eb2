"""The load test of ``python -m bench.landelijk``. Not a test module: ``locust -f`` only.

Every simulated user is a person of its own: it logs in through the login form (GET the
form, POST its username, password and CSRF token; its own session cookie from then on),
then asks pages without think time. Nobody asks anything until all users are logged in;
then the phases of ``BENCH_FASEN`` run one after the other, ``BENCH_DUUR`` seconds each; between
two phases every request under way finishes first and a short pause follows, so no phase's
latency hides in another's queue. A phase with ``"opwarmen": true`` (not a measurement) goes
on until every user made ``MINSTENS_OPWARMEN`` requests. A phase has a list of paths: each user walks
through it from its own starting point, one path further per request (a different
peildatum per request for the cold dashboard); with ``"vast": true`` each user keeps asking
its own path (the warm dashboard). A phase may set its own ``"duur"``.

Every response time of a phase is kept (not locust's rounded histogram) and written as JSON
to ``BENCH_UITVOER`` when the run ends: ``{"fasen": {naam: {"tijden_ms": [...],
"fouten": n, "seconden": s}}, "inloggen": {...}, "voorbeelden_fouten": [...]}``.

Environment: ``BENCH_GEBRUIKERS`` (JSON list of usernames), ``BENCH_WACHTWOORD``,
``BENCH_FASEN`` (JSON list of {"naam", "paden"}), ``BENCH_DUUR``, ``BENCH_PAUZE``,
``BENCH_UITVOER``.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import time
from typing import Any

import gevent
from gevent.event import Event
from locust import FastHttpUser, constant, events, task

GEBRUIKERS: list[str] = json.loads(os.environ.get("BENCH_GEBRUIKERS", "[]"))
WACHTWOORD = os.environ.get("BENCH_WACHTWOORD", "")
FASEN: list[dict[str, Any]] = json.loads(os.environ.get("BENCH_FASEN", "[]"))
DUUR = float(os.environ.get("BENCH_DUUR", "30"))
PAUZE = float(os.environ.get("BENCH_PAUZE", "2"))
UITVOER = os.environ.get("BENCH_UITVOER", "")

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

_namen = itertools.count()
_ingelogd: list[str] = []
_alle_ingelogd = Event()
_fase: dict[str, Any] = {"naam": None, "paden": [], "index": -1, "vast": False}
_tijden: dict[str, list[float]] = {}
_fouten: dict[str, int] = {}
_begin: dict[str, float] = {}
_eind: dict[str, float] = {}
_voorbeelden: list[str] = []
_inloggen: dict[str, Any] = {"tijden_ms": [], "fouten": 0}
_bezig = [0]
"""Requests under way (of any user)."""
_per_gebruiker: dict[int, int] = {}
"""Requests per user in the current phase."""
MINSTENS_OPWARMEN = 8
"""A warm-up phase (``"opwarmen": true``) lasts until every user made this many requests."""


def _stil(grens: float = 300.0) -> None:
    """Wait until no request is under way (at most ``grens`` seconds)."""
    einde = time.monotonic() + grens
    while _bezig[0] and time.monotonic() < einde:
        gevent.sleep(0.01)


@events.request.add_listener
def _verzoek(
    request_type: str,
    name: str,
    response_time: float,
    response_length: int,
    exception: BaseException | None = None,
    **_: Any,
) -> None:
    if name.startswith("inloggen"):
        _inloggen["tijden_ms"].append(response_time)
        if exception is not None:
            _inloggen["fouten"] += 1
            if len(_voorbeelden) < 10:
                _voorbeelden.append(f"{name}: {exception}")
        return
    _tijden.setdefault(name, []).append(response_time)
    if exception is not None:
        _fouten[name] = _fouten.get(name, 0) + 1
        if len(_voorbeelden) < 10:
            _voorbeelden.append(f"{name}: {exception}")


def _regie(environment: Any) -> None:
    """Runs the phases once every user is logged in, then stops the run."""
    for index, fase in enumerate(FASEN):
        _fase.update(naam=None)
        _stil()  # the requests of the phase before finish first: no queue carries over
        gevent.sleep(PAUZE)
        _tijden[fase["naam"]] = []
        _fouten[fase["naam"]] = 0
        _per_gebruiker.clear()
        _begin[fase["naam"]] = time.monotonic()
        _fase.update(
            naam=fase["naam"], paden=fase["paden"], index=index, vast=fase.get("vast", False)
        )
        gevent.sleep(float(fase.get("duur", DUUR)))
        if fase.get("opwarmen"):
            while (
                len(_per_gebruiker) < len(GEBRUIKERS)
                or min(_per_gebruiker.values()) < MINSTENS_OPWARMEN
            ):
                gevent.sleep(0.1)
        _fase.update(naam=None)
        _stil()
        _eind[fase["naam"]] = time.monotonic()
    environment.runner.quit()


@events.quitting.add_listener
def _schrijf(environment: Any, **_: Any) -> None:
    if not UITVOER:
        return
    uit = {
        "fasen": {
            naam: {
                "tijden_ms": tijden,
                "fouten": _fouten.get(naam, 0),
                "seconden": _eind.get(naam, time.monotonic()) - _begin.get(naam, 0.0),
            }
            for naam, tijden in _tijden.items()
        },
        "inloggen": {**_inloggen, "gebruikers": len(_ingelogd)},
        "voorbeelden_fouten": _voorbeelden,
    }
    with open(UITVOER, "w", encoding="utf-8") as fh:
        json.dump(uit, fh)


class Gebruiker(FastHttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        nummer = next(_namen)
        self.nummer = nummer
        self.gebruikersnaam = GEBRUIKERS[nummer % len(GEBRUIKERS)]
        self.stap = 0
        self.fase_index = -1
        self._log_in()
        _ingelogd.append(self.gebruikersnaam)
        if len(_ingelogd) == len(GEBRUIKERS):
            _alle_ingelogd.set()
            gevent.spawn(_regie, self.environment)
        _alle_ingelogd.wait()

    def _neem_cookies(self, antwoord: Any) -> None:
        for naam, waarde in antwoord.headers.items():
            if naam.lower() == "set-cookie":
                sleutel, _, rest = waarde.partition("=")
                self.cookies[sleutel.strip()] = rest.split(";", 1)[0]

    @property
    def _cookie_kop(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}

    def _log_in(self) -> None:
        # The cookies by hand: they are Secure (production settings) and locust's cookie jar
        # does not send those over plain http.
        self.cookies: dict[str, str] = {}
        with self.client.get(
            "/account/inloggen/", name="inloggen (formulier)", catch_response=True
        ) as antwoord:
            self._neem_cookies(antwoord)
            gevonden = CSRF.search(antwoord.text or "")
            if antwoord.status_code != 200 or not gevonden:
                antwoord.failure(f"inlogformulier: status {antwoord.status_code}")
                return
            antwoord.success()
        with self.client.post(
            "/account/inloggen/",
            data={
                "username": self.gebruikersnaam,
                "password": WACHTWOORD,
                "csrfmiddlewaretoken": gevonden.group(1),
                "next": "/landelijk/ping/",
            },
            headers={"Referer": f"{self.host}/account/inloggen/", **self._cookie_kop},
            name="inloggen (versturen)",
            allow_redirects=False,
            catch_response=True,
        ) as antwoord:
            self._neem_cookies(antwoord)
            if antwoord.status_code != 302 or "sessionid" not in self.cookies:
                antwoord.failure(f"inloggen mislukt: status {antwoord.status_code}")
            else:
                antwoord.success()

    @task
    def pagina(self) -> None:
        naam = _fase["naam"]
        if naam is None:
            gevent.sleep(0.02)
            return
        if _fase["index"] != self.fase_index:
            # Each user starts the phase at its own place in the list of paths.
            self.fase_index = _fase["index"]
            self.stap = self.nummer * max(1, len(_fase["paden"]) // len(GEBRUIKERS))
        paden = _fase["paden"]
        _per_gebruiker[self.nummer] = _per_gebruiker.get(self.nummer, 0) + 1
        if _fase["vast"]:  # every user its own path, always the same one
            pad = paden[self.nummer % len(paden)]
        else:
            pad = paden[self.stap % len(paden)]
            self.stap += 1
        _bezig[0] += 1
        try:
            with self.client.get(
                pad, name=naam, headers=self._cookie_kop, allow_redirects=False, catch_response=True
            ) as antwoord:
                if antwoord.status_code != 200:
                    antwoord.failure(f"{pad}: status {antwoord.status_code}")
                else:
                    antwoord.success()
        finally:
            _bezig[0] -= 1
