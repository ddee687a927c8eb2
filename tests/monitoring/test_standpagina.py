"""The dashboard served from its stored page (``monitoring.standpagina``): the same bytes as
the page computed without it, for every role and several peildata; the stored page and its
signals read in one query; a constant number of queries however many gemeenten and peildata;
what is not stored (or made in another language) computed as before."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.gemeenten.models import Provincie
from regietafel.monitoring import projectie, queries, standpagina, standprojectie
from regietafel.monitoring.models import Projectie
from regietafel.monitoring.standprojectie import STAND, signaal_sleutel, signalen_soort, sleutel
from tests.monitoring.test_projectie import zonder_tokens
from tests.monitoring.test_stand_van_zaken_view import _vermenigvuldig

pytestmark = pytest.mark.django_db

PADEN = (
    "/",
    "/?peildatum=2025-11-01",
    "/?peildatum=2025-11-17",  # a day in a stored month
    "/?peildatum=2024-10-01",
    "/?peildatum=2025-11-01&x=%3Cb%3E&x=2",  # other parameters: the Excel links keep them
    "/?peildatum=bla",  # a message of the request, the default stand
)
NIET_OPGESLAGEN = (
    "/?peildatum=2025-11-01&bekend_op=2025-12-05",
    "/?cyclus=2024",
    "/?peildatum=2019-03-01",
)


@pytest.fixture
def landelijk(drenthe: Provincie) -> Client:
    gebruiker = Gebruiker.objects.create(username="landelijk-lezer", rol=Rol.LEZER, landelijk=True)
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def rollen(
    secretariaat: Client, gemeente_assen: Client, lezer: Client, landelijk: Client
) -> dict[str, Client]:
    return {
        "secretariaat": secretariaat,
        "gemeente": gemeente_assen,
        "lezer": lezer,
        "landelijk": landelijk,
    }


def _pad(rol: str, pad: str, drenthe: Provincie) -> str:
    """A national user names the provincie."""
    if rol != "landelijk":
        return pad
    return f"{pad}{'&' if '?' in pad else '?'}provincie={drenthe.code}"


def _pagina(client: Client, pad: str) -> str:
    antwoord = client.get(pad)
    assert antwoord.status_code == 200, pad
    return zonder_tokens(antwoord.content.decode())


def _werkboek(inhoud: bytes) -> dict[str, bytes]:
    """The workbook's parts without its creation time."""
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _weiger(monkeypatch: pytest.MonkeyPatch) -> None:
    def weigert(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("berekend in plaats van gelezen")

    monkeypatch.setattr(queries, "bereken_standen", weigert)
    monkeypatch.setattr(standprojectie, "verzamel", weigert)


def test_the_stored_page_is_the_computed_page_for_every_role_and_peildatum(
    rollen: dict[str, Client],
    drenthe: Provincie,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    berekend = {
        (rol, pad): _pagina(client, _pad(rol, pad, drenthe))
        for rol, client in rollen.items()
        for pad in PADEN
    }
    werkboek = _werkboek(rollen["secretariaat"].get("/?peildatum=2025-11-01&formaat=xlsx").content)
    settings.REGIETAFEL_PROJECTIES = True
    projectie.bouw_alles(namen=["stand", "signalen"])
    _weiger(monkeypatch)  # neither the stand nor the signals are computed
    for (rol, pad), html in berekend.items():
        assert _pagina(rollen[rol], _pad(rol, pad, drenthe)) == html, (rol, pad)
    opgeslagen = rollen["secretariaat"].get("/?peildatum=2025-11-01&formaat=xlsx")
    assert _werkboek(opgeslagen.content) == werkboek
    # The user's own part stays per request: the user's name in the shell, not in the store.
    assert "gemeente-assen" in _pagina(rollen["gemeente"], "/")
    assert b"gemeente-assen" not in b"".join(Projectie.objects.values_list("inhoud", flat=True))


def test_what_is_not_stored_is_computed_as_before(secretariaat: Client, settings: Any) -> None:
    berekend = {pad: _pagina(secretariaat, pad) for pad in NIET_OPGESLAGEN}
    settings.REGIETAFEL_PROJECTIES = True
    projectie.bouw_alles(namen=["stand", "signalen"])
    for pad, html in berekend.items():
        assert _pagina(secretariaat, pad) == html, pad


def test_a_page_made_in_another_language_or_script_prefix_is_not_served(
    secretariaat: Client, drenthe: Provincie, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    berekend = _pagina(secretariaat, "/?peildatum=2025-11-01")
    settings.REGIETAFEL_PROJECTIES = True
    projectie.bouw_alles(namen=["stand", "signalen"])
    assert standprojectie.pagina(drenthe, None) is not None
    monkeypatch.setattr(standpagina, "omgeving", lambda: ("en", "/regietafel/"))
    assert standprojectie.pagina(drenthe, None) is None
    assert _pagina(secretariaat, "/?peildatum=2025-11-01") == berekend


def _aantal_queries(client: Client, pad: str) -> int:
    client.get(pad)  # a national user's choice of provincie is written to the session once
    with CaptureQueriesContext(connection) as q:
        assert client.get(pad).status_code == 200
    return len(q.captured_queries)


def test_the_stored_page_costs_the_same_few_queries_however_many_gemeenten_and_peildata(
    rollen: dict[str, Client],
    drenthe: Provincie,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    django_assert_max_num_queries: Any,
) -> None:
    settings.REGIETAFEL_PROJECTIES = True
    projectie.bouw_alles(namen=["stand", "signalen"])
    _weiger(monkeypatch)
    aantallen = {
        (rol, pad): _aantal_queries(client, _pad(rol, pad, drenthe))
        for rol, client in rollen.items()
        for pad in PADEN
    }
    for rol, pad in aantallen:
        # session, user, data version, provincie, the stored page with its signals (and a
        # gemeente user's gemeente, for the menu's "functie")
        with django_assert_max_num_queries(6 if rol == "gemeente" else 5):
            rollen[rol].get(_pad(rol, pad, drenthe))
    monkeypatch.undo()
    _vermenigvuldig(drenthe, gemeenten=30, maanden=30)
    projectie.bouw_alles(namen=["stand", "signalen"])
    _weiger(monkeypatch)
    for (rol, pad), aantal in aantallen.items():
        assert _aantal_queries(rollen[rol], _pad(rol, pad, drenthe)) == aantal, (rol, pad)


def test_lees_samen_reads_what_lees_reads_in_one_query(drenthe: Provincie, settings: Any) -> None:
    settings.REGIETAFEL_PROJECTIES = True
    projectie.bouw_alles(namen=["stand", "signalen"])
    vragen = [
        (STAND, sleutel(drenthe.pk, None), drenthe.pk),
        (signalen_soort(), signaal_sleutel(drenthe.pk, None), drenthe.pk),
        (STAND, sleutel(drenthe.pk + 1000, None), drenthe.pk + 1000),  # none stored
    ]
    with CaptureQueriesContext(connection) as q:
        samen = projectie.lees_samen(vragen)
    assert len(q.captured_queries) == 1
    apart = [projectie.lees(*vraag) for vraag in vragen]
    assert samen[0] == apart[0] and samen[1] == apart[1] and samen[2] is apart[2] is None
    # The default's signals are those of the default stand's peildatum.
    pagina, signalen = samen[0], samen[1]
    assert pagina is not None and signalen is not None
    assert signalen.datum == pagina.peildatum
    # A row of an older version is not read, like ``lees``.
    rij = Projectie.objects.get(soort="stand", sleutel=sleutel(drenthe.pk, None))
    Projectie.objects.filter(pk=rij.pk).update(volgnummer=rij.volgnummer - 1)
    assert projectie.lees_samen(vragen)[0] is None
    assert projectie.lees_samen(vragen)[1] is not None
