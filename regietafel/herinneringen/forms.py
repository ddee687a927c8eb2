"""Forms of the deadline page, rendered field by field (labels, errors linked with
aria-describedby); they work without JavaScript."""

from __future__ import annotations

from django import forms

from regietafel.domain.aanlevertermijn import MAX_DAGEN_VOORAF, MAX_KALENDERDAG
from regietafel.herinneringen.models import Aanlevertermijn


class TermijnFormulier(forms.Form):
    soort = forms.ChoiceField(
        label="Soort dag",
        choices=[("werkdag", "werkdag (ma–vr, geen feestdag)"), ("kalenderdag", "kalenderdag")],
    )
    dag = forms.IntegerField(label="Dag", min_value=1, max_value=MAX_KALENDERDAG)
    maanden_na_peildatum = forms.TypedChoiceField(
        label="In welke maand",
        coerce=int,
        choices=[
            (0, "de maand van de peildatum"),
            (1, "de maand na de peildatum"),
            (2, "twee maanden na de peildatum"),
        ],
    )
    dagen_vooraf = forms.IntegerField(
        label="Herinneren, dagen vooraf", min_value=0, max_value=MAX_DAGEN_VOORAF
    )
    bevrijdingsdag = forms.ChoiceField(
        label="Bevrijdingsdag (5 mei) is vrij",
        choices=Aanlevertermijn._meta.get_field("bevrijdingsdag").choices,  # type: ignore[arg-type]
    )
    actief = forms.BooleanField(
        label="Herinneringen en dagelijks overzicht versturen", required=False
    )


class AfwijkendFormulier(forms.Form):
    peildatum = forms.DateField(label="Peildatum (JJJJ-MM-DD)")
    uiterste_datum = forms.DateField(label="Uiterste datum (JJJJ-MM-DD)")
    toelichting = forms.CharField(label="Toelichting (optioneel)", max_length=200, required=False)
