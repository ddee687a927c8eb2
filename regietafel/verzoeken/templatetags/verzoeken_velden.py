"""Form fields with the NL Design System classes and accessible descriptions/errors.

``{% include "verzoeken/_veld.html" with veld=form.naam %}`` renders label, description,
error and the widget; ``veld|widget_nl`` adds the classes and ``aria-describedby`` /
``aria-invalid`` to the widget itself. Also used by the toezicht templates.
"""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()


def _klasse(widget: forms.Widget) -> str:
    if isinstance(widget, forms.Textarea):
        return "utrecht-textarea"
    if isinstance(widget, forms.Select):
        return "utrecht-select"
    if isinstance(widget, forms.CheckboxInput):
        return "utrecht-checkbox"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "utrecht-file-input"
    if isinstance(widget, forms.NumberInput):
        return "utrecht-textbox utrecht-textbox--numeric"
    return "utrecht-textbox"


@register.filter
def widget_nl(veld: forms.BoundField) -> SafeString:
    attrs: dict[str, Any] = {"class": _klasse(veld.field.widget)}
    beschreven = []
    if veld.help_text:
        beschreven.append(f"{veld.auto_id}-uitleg")
    if veld.errors:
        beschreven.append(f"{veld.auto_id}-fout")
        attrs["aria-invalid"] = "true"
    if beschreven:
        attrs["aria-describedby"] = " ".join(beschreven)
    return veld.as_widget(attrs=attrs)
