"""Writes for users, their groups, API keys and login blocks: validated, in one transaction,
with a history entry (never a password or a key, only that it changed).

``door`` is the acting user: a beheerder or a superuser (``mag_gebruikers_beheren``); ``None``
is the system itself (the demo loader, an OIDC login making its user). Only a superuser makes
or changes a superuser, or grants rights (groups, permissions) to someone: a beheerder keeps
the accounts, it does not hand out the keys to the admin.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from regietafel.accounts.models import Gebruiker, Rol
from regietafel.accounts.permissions import actief, is_beheerder
from regietafel.audit.models import AuditRegel
from regietafel.audit.services import registreer

VELDEN = (
    "username",
    "first_name",
    "last_name",
    "email",
    "rol",
    "provincie",
    "gemeente",
    "organisatie",
    "landelijk",
    "is_active",
    "is_staff",
    "is_superuser",
)
"""The fields of a user that a service sets (besides the password and the rights)."""
RECHTEN = ("groups", "user_permissions")
VERBORGEN = "•••"


def mag_gebruikers_beheren(door: Any) -> bool:
    return door is None or is_beheerder(door)


def _controleer_beheerder(door: Any) -> None:
    if not mag_gebruikers_beheren(door):
        raise PermissionDenied("Alleen een beheerder beheert gebruikers.")


def _superuser(door: Any) -> bool:
    return door is None or (actief(door) and bool(door.is_superuser))


def _waarde(waarde: Any) -> Any:
    if hasattr(waarde, "all"):  # groups, user_permissions
        return sorted(str(x) for x in waarde.all())
    if isinstance(waarde, Iterable) and not isinstance(waarde, str):
        return sorted(str(x) for x in waarde)
    if hasattr(waarde, "pk"):
        return str(waarde)
    return waarde if isinstance(waarde, str | int | bool | type(None)) else str(waarde)


def _valideer(gebruiker: Gebruiker) -> None:
    """The rules of a role, on top of the model's own (``full_clean``)."""
    fouten: dict[str, list[str]] = {}
    gemeente = gebruiker.gemeente
    if gebruiker.rol == Rol.GEMEENTE and gemeente is None:
        fouten.setdefault("gemeente", []).append("Een gemeentegebruiker hoort bij een gemeente.")
    if (
        gemeente is not None
        and gebruiker.provincie_id is not None
        and gemeente.provincie_id != gebruiker.provincie_id
    ):
        fouten.setdefault("gemeente", []).append(
            f"{gemeente.naam} ligt niet in {gebruiker.provincie}."
        )
    if gebruiker.landelijk and (gebruiker.provincie_id or gemeente is not None):
        fouten.setdefault("landelijk", []).append(
            "Een landelijke gebruiker heeft geen eigen provincie of gemeente."
        )
    if fouten:
        raise ValidationError(fouten)
    gebruiker.full_clean(exclude=["password"])


def _zet_rechten(door: Any, gebruiker: Gebruiker, rechten: dict[str, Any]) -> dict[str, list[Any]]:
    """Set groups and permissions; returns their changes (old → new)."""
    wijzigingen: dict[str, list[Any]] = {}
    for veld, nieuw in rechten.items():
        relatie = getattr(gebruiker, veld)
        oud = _waarde(relatie)
        if oud == _waarde(nieuw):
            continue
        if not _superuser(door):
            raise PermissionDenied("Alleen een superuser kent groepen en rechten toe.")
        relatie.set(list(nieuw))
        wijzigingen[veld] = [oud, _waarde(relatie)]
    return wijzigingen


@transaction.atomic
def maak_gebruiker(
    *,
    door: Any,
    gebruikersnaam: str,
    wachtwoord: str | None = None,
    bron: str = "",
    **waarden: Any,
) -> Gebruiker:
    """A new user. ``wachtwoord`` None: no password (signs in through OIDC, or a beheerder
    sets one later). ``waarden``: the fields of :data:`VELDEN` and the rights (:data:`RECHTEN`)."""
    _controleer_beheerder(door)
    onbekend = set(waarden) - set(VELDEN) - set(RECHTEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(onbekend))}")
    rechten = {v: waarden.pop(v) for v in RECHTEN if v in waarden}
    if waarden.get("is_superuser") and not _superuser(door):
        raise PermissionDenied("Alleen een superuser maakt een superuser.")
    gebruiker = Gebruiker(username=gebruikersnaam, **waarden)
    if wachtwoord:
        gebruiker.set_password(wachtwoord)
    else:
        gebruiker.set_unusable_password()
    _valideer(gebruiker)
    gebruiker.save()
    wijzigingen = {v: [None, _waarde(getattr(gebruiker, v))] for v in VELDEN}
    wijzigingen.update(_zet_rechten(door, gebruiker, rechten))
    if wachtwoord:
        wijzigingen["wachtwoord"] = [None, VERBORGEN]
    registreer(door=door, actie="aangemaakt", obj=gebruiker, wijzigingen=wijzigingen, bron=bron)
    return gebruiker


@transaction.atomic
def wijzig_gebruiker(*, door: Any, gebruiker: Gebruiker, bron: str = "", **waarden: Any) -> bool:
    """Change fields (:data:`VELDEN`) and rights (:data:`RECHTEN`) of a user: its role, its
    provincie or gemeente, active or not, …; returns whether anything changed."""
    _controleer_beheerder(door)
    onbekend = set(waarden) - set(VELDEN) - set(RECHTEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(onbekend))}")
    vers = Gebruiker.objects.select_for_update().get(pk=gebruiker.pk)
    rechten = {v: waarden.pop(v) for v in RECHTEN if v in waarden}
    oud = {v: _waarde(getattr(vers, v)) for v in VELDEN}
    if not _superuser(door) and (vers.is_superuser or waarden.get("is_superuser")):
        raise PermissionDenied("Alleen een superuser maakt of wijzigt een superuser.")
    for veld, waarde in waarden.items():
        setattr(vers, veld, waarde)
    wijzigingen = {
        v: [oud[v], _waarde(getattr(vers, v))]
        for v in VELDEN
        if oud[v] != _waarde(getattr(vers, v))
    }
    if wijzigingen:
        _valideer(vers)
        vers.save()
    wijzigingen.update(_zet_rechten(door, vers, rechten))
    if not wijzigingen:
        return False
    actie = "gedeactiveerd" if wijzigingen.get("is_active") == [True, False] else "gewijzigd"
    registreer(door=door, actie=actie, obj=vers, wijzigingen=wijzigingen, bron=bron)
    return True


def zet_rol(
    *,
    door: Any,
    gebruiker: Gebruiker,
    rol: str,
    provincie: Any = None,
    gemeente: Any = None,
    landelijk: bool = False,
    bron: str = "",
) -> bool:
    """A user's role and scope in one change."""
    return wijzig_gebruiker(
        door=door,
        gebruiker=gebruiker,
        rol=rol,
        provincie=provincie,
        gemeente=gemeente,
        landelijk=landelijk,
        bron=bron,
    )


def deactiveer_gebruiker(*, door: Any, gebruiker: Gebruiker, bron: str = "") -> bool:
    """The user can no longer sign in; its history stays (a user is deactivated, not deleted)."""
    return wijzig_gebruiker(door=door, gebruiker=gebruiker, is_active=False, bron=bron)


@transaction.atomic
def zet_wachtwoord(
    *, door: Any, gebruiker: Gebruiker, wachtwoord: str | None, bron: str = ""
) -> Gebruiker:
    """A new password (validated by the caller's form), or none (``None``: no password-based
    login). The history says that it changed, never what it is."""
    _controleer_beheerder(door)
    vers = Gebruiker.objects.select_for_update().get(pk=gebruiker.pk)
    if vers.is_superuser and not _superuser(door):
        raise PermissionDenied("Alleen een superuser wijzigt een superuser.")
    oud = VERBORGEN if vers.has_usable_password() else None
    if wachtwoord:
        vers.set_password(wachtwoord)
    else:
        vers.set_unusable_password()
    vers.save(update_fields=["password"])
    registreer(
        door=door,
        actie="wachtwoord gewijzigd" if wachtwoord else "wachtwoord uitgezet",
        obj=vers,
        wijzigingen={"wachtwoord": [oud, VERBORGEN if wachtwoord else None]},
        bron=bron,
    )
    return vers


@transaction.atomic
def verwijder_gebruiker(*, door: Any, gebruiker: Gebruiker, bron: str = "") -> None:
    """Delete a user that never wrote anything; a user with history is deactivated instead
    (its name stays with what it did)."""
    _controleer_beheerder(door)
    vers = Gebruiker.objects.select_for_update().get(pk=gebruiker.pk)
    if vers.is_superuser and not _superuser(door):
        raise PermissionDenied("Alleen een superuser verwijdert een superuser.")
    if door is not None and vers.pk == door.pk:
        raise ValidationError("U kunt uzelf niet verwijderen.")
    if AuditRegel.objects.filter(door=vers).exists():
        raise ValidationError(
            f"{vers.username} heeft wijzigingen vastgelegd en blijft daarom bestaan; "
            "deactiveer de gebruiker in plaats daarvan."
        )
    registreer(
        door=door,
        actie="verwijderd",
        obj=vers,
        wijzigingen={v: [_waarde(getattr(vers, v)), None] for v in VELDEN},
        bron=bron,
    )
    from rest_framework.authtoken.models import Token

    Token.objects.filter(user=vers).delete()
    vers.delete()


# --- API keys (Django REST framework tokens) -------------------------------------------


@transaction.atomic
def maak_token(*, door: Any, gebruiker: Gebruiker, bron: str = "") -> Any:
    """An API key for ``gebruiker`` (one per user). The history names the user, never the
    key."""
    from rest_framework.authtoken.models import Token

    _controleer_beheerder(door)
    if Token.objects.filter(user=gebruiker).exists():
        raise ValidationError(f"{gebruiker.username} heeft al een API-sleutel.")
    token = Token.objects.create(user=gebruiker)
    registreer(
        door=door,
        actie="API-sleutel aangemaakt",
        obj=gebruiker,
        wijzigingen={"API-sleutel": [None, VERBORGEN]},
        bron=bron,
    )
    return token


@transaction.atomic
def verwijder_token(*, door: Any, token: Any, bron: str = "") -> None:
    from rest_framework.authtoken.models import Token

    _controleer_beheerder(door)
    vers = Token.objects.select_for_update().select_related("user").get(key=token.key)
    registreer(
        door=door,
        actie="API-sleutel ingetrokken",
        obj=vers.user,
        wijzigingen={"API-sleutel": [VERBORGEN, None]},
        bron=bron,
    )
    vers.delete()


# --- groups of rights ------------------------------------------------------------------


@transaction.atomic
def bewaar_groep(
    *,
    door: Any,
    groep: Group | None = None,
    naam: str,
    rechten: Iterable[Permission] | None = None,
    bron: str = "",
) -> tuple[Group, bool]:
    """Create (``groep`` None) or change a group of rights: its name and its permissions.
    A superuser or the system only (rights are the keys to the admin)."""
    if not _superuser(door):
        raise PermissionDenied("Alleen een superuser beheert groepen en rechten.")
    naam = (naam or "").strip()
    nieuw = groep is None
    vers = Group(name=naam) if groep is None else Group.objects.select_for_update().get(pk=groep.pk)
    oud = {
        "naam": None if nieuw else vers.name,
        "rechten": [] if nieuw else _waarde(vers.permissions),
    }
    vers.name = naam
    vers.full_clean()
    vers.save()
    if rechten is not None:
        vers.permissions.set(list(rechten))
    nieuwe = {"naam": vers.name, "rechten": _waarde(vers.permissions)}
    wijzigingen = {k: [oud[k], v] for k, v in nieuwe.items() if oud[k] != v}
    if not wijzigingen and not nieuw:
        return vers, False
    registreer(
        door=door,
        actie="aangemaakt" if nieuw else "gewijzigd",
        obj=vers,
        wijzigingen=wijzigingen,
        bron=bron,
    )
    return vers, True


@transaction.atomic
def verwijder_groep(*, door: Any, groep: Group, bron: str = "") -> None:
    if not _superuser(door):
        raise PermissionDenied("Alleen een superuser beheert groepen en rechten.")
    vers = Group.objects.select_for_update().get(pk=groep.pk)
    leden = sorted(vers.user_set.values_list("username", flat=True))
    registreer(
        door=door,
        actie="verwijderd",
        obj=vers,
        wijzigingen={
            "naam": [vers.name, None],
            "rechten": [_waarde(vers.permissions), None],
            "leden": [leden, None],
        },
        bron=bron,
    )
    vers.delete()


# --- login blocks (django-axes) --------------------------------------------------------


@transaction.atomic
def hef_blokkade_op(*, door: Any, poging: Any, bron: str = "") -> None:
    """Remove a record of failed logins (django-axes' AccessAttempt): the user name and
    address may try again. The history keeps whose block was lifted."""
    from axes.models import AccessAttempt

    _controleer_beheerder(door)
    vers = AccessAttempt.objects.select_for_update().get(pk=poging.pk)
    registreer(
        door=door,
        actie="blokkade opgeheven",
        obj=vers,
        wijzigingen={
            "gebruikersnaam": [vers.username, None],
            "IP-adres": [vers.ip_address, None],
            "mislukte pogingen": [vers.failures_since_start, None],
        },
        bron=bron,
    )
    vers.delete()
