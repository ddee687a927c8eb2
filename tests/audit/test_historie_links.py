"""A "Historie" link on every record page (issue 7 follow-up, point 2).

Each page that shows one record carries ``{% historie_alinea obj %}`` (or ``historie_link``);
the link points to that record's Historie page and opens (200) for the secretariaat. It only
appears for a user who may read that history (``historie.permissions.mag_historie_van``, the rule
of the Historie page itself): never a link that answers 404.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import models
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from regietafel.accounts.models import Gebruiker
from regietafel.gemeenten.models import Gemeente, Provincie
from regietafel.historie.permissions import mag_historie_van
from regietafel.historie.templatetags.historie import historie_url

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a class="utrecht-link historie-link" href="([^"]+)">')
NOV = dt.date(2025, 11, 1)


def _secretariaat() -> Gebruiker:
    return Gebruiker.objects.get(username="secretariaat")


# --- one builder per page: (url of the page, the record it shows)


def inzending() -> tuple[str, models.Model]:
    from regietafel.monitoring.services import dien_in

    assen = Gemeente.objects.get(naam="Assen")
    obj = dien_in(
        door=Gebruiker.objects.get(username="gemeente-assen"),
        gemeente=assen,
        peildatum=NOV,
        aantallen={"amv": 3},
    )
    return reverse("inzending", args=[obj.pk]), obj


def locatie() -> tuple[str, models.Model]:
    from regietafel.locaties.models import Locatie

    obj = Locatie.objects.filter(gemeente__naam="Assen").order_by("pk").first()
    assert obj is not None
    return reverse("locaties:detail", args=[obj.pk]), obj


def scenario() -> tuple[str, models.Model]:
    from tests.verdeling.factories import drenthe_2024

    obj = drenthe_2024()
    return reverse("verdeling:scenario", args=[obj.pk]), obj


def _verzoeken_demo() -> None:
    from regietafel.demo.verzoeken import laad

    laad(_secretariaat())


def verzoek() -> tuple[str, models.Model]:
    from regietafel.verzoeken.models import NoodopvangVerzoek

    _verzoeken_demo()
    obj = NoodopvangVerzoek.objects.order_by("pk").first()
    assert obj is not None
    return reverse("verzoeken:verzoek", args=[obj.pk]), obj


def kandidaat() -> tuple[str, models.Model]:
    from regietafel.verzoeken.models import Kandidaatlocatie

    _verzoeken_demo()
    obj = Kandidaatlocatie.objects.order_by("pk").first()
    assert obj is not None
    return reverse("verzoeken:kandidaat", args=[obj.pk]), obj


def plaatsing() -> tuple[str, models.Model]:
    from regietafel.verzoeken.models import NareizigersPlaatsing

    _verzoeken_demo()
    obj = NareizigersPlaatsing.objects.order_by("pk").first()
    assert obj is not None
    return reverse("verzoeken:plaatsing", args=[obj.pk]), obj


def dossier() -> tuple[str, models.Model]:
    from regietafel.toezicht.models import Dossier

    _verzoeken_demo()
    obj = Dossier.objects.order_by("pk").first()
    assert obj is not None
    return reverse("toezicht:dossier", args=[obj.pk]), obj


def stap() -> tuple[str, models.Model]:
    from regietafel.toezicht.models import Stap

    _verzoeken_demo()
    obj = Stap.objects.order_by("pk").first()
    assert obj is not None
    return reverse("toezicht:stap", args=[obj.pk]), obj


def _overleg() -> Any:
    from regietafel.overleg.models import OverlegSoort
    from regietafel.overleg.services import bewaar_overleg

    return bewaar_overleg(
        door=_secretariaat(),
        provincie=Provincie.objects.get(naam="Drenthe"),
        waarden={"soort": OverlegSoort.BESTUURLIJK, "datum": dt.date(2026, 3, 12)},
    )


def overleg() -> tuple[str, models.Model]:
    obj = _overleg()
    return reverse("overleg:overleg", args=[obj.pk]), obj


def punt() -> tuple[str, models.Model]:
    from regietafel.overleg.services import bewaar_agendapunt

    obj = bewaar_agendapunt(
        door=_secretariaat(),
        overleg=_overleg(),
        waarden={"nummer": 1, "titel": "Opening", "persoonlijke_aantekeningen": "Privé."},
    )
    return reverse("overleg:punt", args=[obj.pk]), obj


def brief() -> tuple[str, models.Model]:
    from regietafel.overleg.models import BriefSoort
    from regietafel.overleg.services import bewaar_brief

    obj = bewaar_brief(
        door=_secretariaat(),
        provincie=Provincie.objects.get(naam="Drenthe"),
        waarden={
            "afzender": "Ministerie van A&M",
            "ontvangen": dt.date(2026, 1, 15),
            "onderwerp": "Verzoek noodopvang",
            "soort": BriefSoort.choices[0][0],
        },
    )
    return reverse("overleg:brief", args=[obj.pk]), obj


def _woo_demo() -> Any:
    from regietafel.demo.woo import KENMERK, laad
    from regietafel.woo.models import WooBesluit

    laad(_secretariaat())
    return WooBesluit.objects.get(kenmerk=KENMERK)


def besluit() -> tuple[str, models.Model]:
    obj = _woo_demo()
    return reverse("woo:besluit", args=[obj.pk]), obj


def document() -> tuple[str, models.Model]:
    besluit = _woo_demo()
    obj = besluit.documenten.order_by("nummer").first()
    assert obj is not None
    return reverse("woo:document", args=[besluit.pk, obj.nummer]), obj


def rapportversie() -> tuple[str, models.Model]:
    from regietafel.monitoring.queries import peildata
    from regietafel.rapportage.models import Rapportsoort
    from regietafel.rapportage.queries import laatste_versie
    from regietafel.rapportage.services import bewaar_versie

    drenthe = Provincie.objects.get(naam="Drenthe")
    peildatum = peildata(drenthe)[0]
    bewaar_versie(
        door=_secretariaat(),
        soort=Rapportsoort.STAND_VAN_ZAKEN,
        provincie=drenthe,
        peildatum=peildatum,
        cyclus=None,
        versie_datum=dt.date(2026, 2, 1),
        adressering="Aan de leden van de PRT",
        teksten={},
        bron="test",
    )
    obj = laatste_versie(Rapportsoort.STAND_VAN_ZAKEN, drenthe, peildatum=peildatum)
    assert obj is not None
    url = f"{reverse('rapportage:stand-van-zaken-teksten')}?peildatum={peildatum.isoformat()}"
    return url, obj


PAGINAS: dict[str, Callable[[], tuple[str, models.Model]]] = {
    "monitoring: inzending": inzending,
    "locaties: detail": locatie,
    "verdeling: scenario": scenario,
    "verzoeken: verzoek": verzoek,
    "verzoeken: kandidaat": kandidaat,
    "verzoeken: plaatsing": plaatsing,
    "overleg: overleg": overleg,
    "overleg: agendapunt": punt,
    "overleg: brief": brief,
    "toezicht: dossier": dossier,
    "toezicht: stap": stap,
    "woo: besluit": besluit,
    "woo: document": document,
    "rapportage: teksten (versie)": rapportversie,
}


def _links(client: Client, url: str) -> list[str]:
    antwoord = client.get(url)
    assert antwoord.status_code == 200, f"{url}: {antwoord.status_code}"
    return LINK.findall(antwoord.content.decode())


@pytest.mark.parametrize("pagina", list(PAGINAS))
def test_every_record_page_links_to_its_history(
    pagina: str, secretariaat: Client, drenthe: Provincie
) -> None:
    url, obj = PAGINAS[pagina]()
    links = _links(secretariaat, url)
    assert links == [historie_url(obj)], f"{pagina}: {links}"
    historie = secretariaat.get(links[0])
    assert historie.status_code == 200
    assert str(obj._meta.verbose_name) in historie.content.decode()


@pytest.mark.parametrize(
    ("pagina", "gebruiker", "link"),
    [
        ("locaties: detail", "lezer", True),  # reads its provincie
        ("locaties: detail", "gemeente-assen", True),
        ("monitoring: inzending", "gemeente-assen", True),  # its own submission
        ("overleg: overleg", "lezer", True),
        ("overleg: agendapunt", "lezer", False),  # history holds the personal notes
        ("overleg: brief", "lezer", False),  # letters hold personal data
        ("toezicht: dossier", "lezer", True),
        ("toezicht: dossier", "gemeente-assen", False),  # not Assen's dossier: no page
        ("verdeling: scenario", "gemeente-emmen", True),
    ],
)
def test_the_link_only_shows_when_the_history_opens(
    pagina: str, gebruiker: str, link: bool, drenthe: Provincie
) -> None:
    url, obj = PAGINAS[pagina]()
    client = Client()
    client.force_login(Gebruiker.objects.get(username=gebruiker))
    antwoord = client.get(url)
    if antwoord.status_code != 200:  # the page itself is not for this user
        assert not link
        assert client.get(historie_url(obj)).status_code == 404
        return
    links = LINK.findall(antwoord.content.decode())
    assert links == ([historie_url(obj)] if link else [])
    assert client.get(historie_url(obj)).status_code == (200 if link else 404)


def test_the_tag_prints_nothing_for_a_user_who_may_not_read(drenthe: Provincie) -> None:
    _url, obj = brief()
    sjabloon = Template("{% load historie %}{% historie_alinea obj %}")
    lezer = Gebruiker.objects.get(username="lezer")
    assert sjabloon.render(Context({"obj": obj, "user": lezer})) == ""
    html = sjabloon.render(Context({"obj": obj, "user": _secretariaat()}))
    assert html.startswith('<p class="utrecht-paragraph historie-alinea"><a class="utrecht-link')
    assert mag_historie_van(_secretariaat(), obj) and not mag_historie_van(lezer, obj)
