"""How every form on the site is rendered (``FORM_RENDERER``): after a refused submit, the first field
with an error has focus, so a keyboard or screen-reader user (and a phone, which scrolls to it) starts
where the problem is instead of at the top of the page (``aria-invalid`` is Django's own)."""

from __future__ import annotations

from django.forms import BaseForm
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates


def first_refused_field(form: BaseForm) -> str | None:
    """The name of the first field, in the form's order, that has an error (None when none has)."""
    return next((name for name in form.fields if name in form.errors), None)


class FocusFirstErrorBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.form.is_bound and self.errors and self.name == first_refused_field(self.form):
            attrs["autofocus"] = True
        return attrs


class FormRenderer(DjangoTemplates):
    """Django's template renderer, with bound fields that focus the first refused field."""

    bound_field_class = FocusFirstErrorBoundField
