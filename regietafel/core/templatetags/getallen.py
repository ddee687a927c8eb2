"""The former name of the ``opmaak`` template library (``{% load getallen %}`` still works):
the same filters, registered once, in ``core.templatetags.opmaak``."""

from regietafel.core.templatetags.opmaak import register

__all__ = ["register"]
