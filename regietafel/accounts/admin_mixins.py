"""The admin site's bases: scoped per provincie, and no door around the services.

Every ModelAdmin of the project is one of two kinds (``tests/audit/test_beheer.py`` enumerates
``admin.site._registry`` and holds each to it):

- :class:`AlleenLezenAdmin`: read-only (no add, change or delete, so no actions either);
- :class:`ViaDiensten` (with :class:`DienstAdmin` for the provincie's records): every write —
  add, change, delete one, delete the selected, the rows of an inline — goes through a
  service hook (:meth:`~ViaDiensten.maak`, :meth:`~ViaDiensten.wijzig`,
  :meth:`~ViaDiensten.verwijder` and their ``_inline`` forms), which validates, writes in one
  transaction and records the history entry. The defaults are the shared write path
  (``regietafel.services``: the model's own validation); an admin whose model has rules of its
  own (a location, a user) overrides them with its app's services.

A form is first tried against its service in a savepoint that is rolled back, so a rule of the
service shows on the form like the model's own; a refusal that still comes when writing (a
race) rolls everything back and says why on the page, never a server error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from regietafel import services
from regietafel.accounts.permissions import ALLE, leesbare_provincie_ids
from regietafel.audit.reikwijdte import paden

BRON = "beheerscherm"


def _provincie_ids(request: Any) -> set[int] | None:
    return leesbare_provincie_ids(request.user)


class ProvincieBeperktAdmin(admin.ModelAdmin):
    """An admin that shows and edits only the records of the user's provincie.

    A provincial user (the secretariaat is staff for the admin) sees the records of its
    provincie (audit.reikwijdte finds the path); another provincie's id answers as if it did
    not exist. National tables (a cyclus) are read-only for it. Choices of a gemeente or a
    provincie are limited the same way, so a new record cannot land elsewhere either.
    """

    def get_queryset(self, request: Any) -> models.QuerySet[Any]:
        qs = super().get_queryset(request)
        ids = _provincie_ids(request)
        if ids is ALLE:
            return qs
        _, pad = paden(self.model)
        if pad is None:
            return qs  # national: readable, not editable (below)
        return qs.filter(**{f"{pad}__in": ids})

    def _nationaal_en_beperkt(self, request: Any) -> bool:
        return _provincie_ids(request) is not ALLE and paden(self.model) == (None, None)

    def has_add_permission(self, request: Any) -> bool:
        return not self._nationaal_en_beperkt(request) and super().has_add_permission(request)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        if self._nationaal_en_beperkt(request):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        if self._nationaal_en_beperkt(request):
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        ids = _provincie_ids(request)
        label = db_field.related_model._meta.label_lower
        if ids is not ALLE and label == "gemeenten.gemeente":
            kwargs["queryset"] = db_field.related_model.objects.filter(provincie_id__in=ids)
        elif ids is not ALLE and label == "gemeenten.provincie":
            kwargs["queryset"] = db_field.related_model.objects.filter(pk__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class Geweigerd(Exception):
    """A service refused a write the form had let through; everything is rolled back."""


def _kolommen(obj: models.Model) -> dict[str, str]:
    """Field name → attribute of the stored fields (``gemeente`` → ``gemeente_id``)."""
    velden = set(services.velden_van(type(obj)))
    return {f.name: f.attname for f in obj._meta.concrete_fields if f.name in velden}


def nieuwe_waarden(obj: models.Model) -> dict[str, Any]:
    """Every stored field of a new (unsaved) record, as the form filled it in."""
    return {attr: getattr(obj, attr) for attr in _kolommen(obj).values()}


def gewijzigde_waarden(form: Any, obj: models.Model, velden: Any = None) -> dict[str, Any]:
    """The stored fields the form changed (many-to-many fields not: a service sets those)."""
    kolommen = _kolommen(obj)
    namen = form.changed_data if velden is None else velden
    return {kolommen[v]: getattr(obj, kolommen[v]) for v in namen if v in kolommen}


def melding(fout: ValidationError | PermissionDenied) -> str:
    if isinstance(fout, ValidationError):
        return " ".join(fout.messages)
    return str(fout) or "U mag dit niet wijzigen."


def _op_formulier(form: Any, fout: ValidationError | PermissionDenied) -> None:
    """A service's refusal as errors on the form: per field where the form has that field."""
    if isinstance(fout, ValidationError) and hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, lijst)
        return
    form.add_error(None, melding(fout))


class ViaDiensten(admin.ModelAdmin):
    """Every write of this admin through a service (see the module). Override the hooks."""

    # --- the hooks -----------------------------------------------------------------------

    def maak(self, request: HttpRequest, obj: Any, form: Any) -> models.Model:
        """Create the record the add form filled in (``obj``, unsaved); return it."""
        return services.maak(type(obj), door=request.user, waarden=nieuwe_waarden(obj), bron=BRON)

    def wijzig(self, request: HttpRequest, obj: Any, form: Any) -> None:
        """Store the changes of the change form (``obj`` carries them, unsaved)."""
        services.wijzig(obj, door=request.user, waarden=gewijzigde_waarden(form, obj), bron=BRON)

    def verwijder(self, request: HttpRequest, obj: Any) -> None:
        services.verwijder(obj, door=request.user, bron=BRON)

    def maak_inline(self, request: HttpRequest, obj: Any, formset: Any) -> models.Model:
        return services.maak(type(obj), door=request.user, waarden=nieuwe_waarden(obj), bron=BRON)

    def wijzig_inline(
        self, request: HttpRequest, obj: Any, velden: list[str], formset: Any
    ) -> None:
        waarden = gewijzigde_waarden(formset, obj, velden)
        services.wijzig(obj, door=request.user, waarden=waarden, bron=BRON)

    def verwijder_inline(self, request: HttpRequest, obj: Any, formset: Any) -> None:
        services.verwijder(obj, door=request.user, bron=BRON)

    # --- the wiring ----------------------------------------------------------------------

    def _schrijf(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> Any:
        return self.wijzig(request, obj, form) if change else self.maak(request, obj, form)

    def get_form(  # type: ignore[override]
        self, request: Any, obj: Any = None, **kwargs: Any
    ) -> Any:
        formulier = super().get_form(request, obj, **kwargs)
        beheer = self
        wijziging = obj is not None

        class Gecontroleerd(formulier):  # type: ignore[valid-type,misc]
            def _post_clean(self) -> None:
                super()._post_clean()
                if not self.errors:
                    beheer._probeer(request, self, wijziging)

        Gecontroleerd.__name__ = formulier.__name__
        return Gecontroleerd

    def _probeer(self, request: HttpRequest, form: ModelForm[Any], change: bool) -> None:
        """Run the service on the form's values in a savepoint that is rolled back."""
        try:
            with transaction.atomic():
                self._schrijf(request, form.instance, form, change)
                transaction.set_rollback(True)
        except (ValidationError, PermissionDenied) as fout:
            _op_formulier(form, fout)

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        try:
            nieuw = self._schrijf(request, obj, form, change)
        except (ValidationError, PermissionDenied) as fout:
            raise Geweigerd(melding(fout)) from fout
        if not change:
            sleutel = obj._meta.pk.attname  # not ``pk``: a proxy may map that (an API key)
            setattr(obj, sleutel, getattr(nieuw, sleutel))
            obj._state.adding = False
            obj._state.db = nieuw._state.db

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        """No ``form.save_m2m()``: the service set the many-to-many fields it knows."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        formset.save(commit=False)  # sorts the rows into new, changed and deleted; saves none
        try:
            for obj in formset.deleted_objects:
                self.verwijder_inline(request, obj, formset)
            for obj, velden in formset.changed_objects:
                self.wijzig_inline(request, obj, list(velden), formset)
            for obj in formset.new_objects:
                if isinstance(formset, BaseInlineFormSet):
                    setattr(obj, formset.fk.name, form.instance)
                self.maak_inline(request, obj, formset)
        except (ValidationError, PermissionDenied) as fout:
            raise Geweigerd(melding(fout)) from fout

    def delete_model(self, request: Any, obj: Any) -> None:
        try:
            self.verwijder(request, obj)
        except (ValidationError, PermissionDenied) as fout:
            raise Geweigerd(melding(fout)) from fout

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)

    def _geweigerd(self, request: HttpRequest, fout: Geweigerd) -> HttpResponse:
        self.message_user(request, f"Niets opgeslagen: {fout}", messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            with transaction.atomic():
                return super().changeform_view(request, *args, **kwargs)
        except Geweigerd as fout:
            return self._geweigerd(request, fout)

    def delete_view(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            with transaction.atomic():
                return super().delete_view(request, *args, **kwargs)
        except Geweigerd as fout:
            return self._geweigerd(request, fout)

    def get_actions(self, request: Any) -> dict[str, Any]:
        """Every action (``delete_selected`` too) in one transaction; a refusal undoes it all."""
        acties: dict[str, Any] = super().get_actions(request) or {}
        return {
            naam: (self._veilig(functie), naam, omschrijving)
            for naam, (functie, _, omschrijving) in acties.items()
        }

    def _veilig(self, functie: Callable[..., Any]) -> Callable[..., Any]:
        def actie(modeladmin: Any, request: HttpRequest, queryset: Any) -> Any:
            try:
                with transaction.atomic():
                    return functie(modeladmin, request, queryset)
            except Geweigerd as fout:
                return self._geweigerd(request, fout)

        actie.__name__ = getattr(functie, "__name__", "actie")
        return actie


class DienstAdmin(ViaDiensten, ProvincieBeperktAdmin):
    """A provincie's records in the admin, every write through a service."""


GeauditeerdAdmin = DienstAdmin
"""The former name (its saves were audited, its bulk deletes were not)."""


class AlleenLezenAdmin(ProvincieBeperktAdmin):
    """Read-only: written through the services of the app's pages, imports and loaders only."""

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class AlleenLezen(admin.ModelAdmin):
    """Read-only for an admin that is not scoped per provincie (a third-party model)."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
