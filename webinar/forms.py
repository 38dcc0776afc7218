from __future__ import annotations

import json
import re
from datetime import UTC
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.utils import timezone as django_timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.languages import language_choices
from webinar.models import Webinar
from webinar.services.lifecycle import EDITABLE_FIELDS


def custom_question_label(question: dict) -> str:
    """An organiser's registration question in the reader's language (its Malay label when given)."""
    malay = question.get("label_ms")
    if malay and (get_language() or "").startswith("ms"):
        return malay
    return question.get("label", question.get("key"))


class RegistrationForm(forms.Form):
    # ``autocomplete``: browsers and password managers fill them in (WCAG 1.3.5, input purpose).
    name = forms.CharField(
        label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    language = forms.ChoiceField(label=_("Language"), choices=language_choices, initial="en")
    consent = forms.BooleanField(
        label=_(
            "I agree that the organiser may use my name and e-mail to run this webinar, as described in the "
            "privacy notice (Personal Data Protection Act 2010)."
        ),
        required=True,
        error_messages={
            "required": _("Tick the box to agree to the privacy notice: we cannot register you without it.")
        },
    )

    def __init__(self, *args, webinar: Webinar, **kwargs):
        super().__init__(*args, **kwargs)
        self.custom_keys = []
        for question in webinar.custom_questions or []:
            key = f"q_{question.get('key')}"
            self.custom_keys.append((key, question.get("key")))
            self.fields[key] = forms.CharField(
                label=custom_question_label(question),
                required=bool(question.get("required")),
                max_length=1000,
            )

    def answers(self) -> dict:
        return {original: self.cleaned_data.get(key, "") for key, original in self.custom_keys}


TIME_FIELDS = ("starts_at", "ends_at")


def _zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


class WebinarForm(forms.ModelForm):
    """Create or edit a webinar. Start and end are read and shown in the webinar's own time zone.

    The browser sends a wall-clock time with no zone (``datetime-local``); Django would read it in the
    server's zone. ``clean`` re-reads that wall-clock time in the zone chosen on the form, and the
    initial values are shown in the webinar's zone, so 10:00 typed for Europe/London is 10:00 in London.
    """

    field_order = [
        "title",
        "title_ms",
        "description",
        "description_ms",
        "speakers",
        "timezone",
        "starts_at",
        "ends_at",
    ]
    timezone = forms.ChoiceField(label=_("Time zone"), choices=_zone_choices, initial="Asia/Kuala_Lumpur")
    stream_url = forms.URLField(label=_("Stream URL"), required=False, assume_scheme="https")
    custom_questions = forms.CharField(
        label=_("Custom registration questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            'One per line: "key | label | required | label in Bahasa Malaysia" (the last two are optional).'
        ),
    )

    class Meta:
        model = Webinar
        # What organisers may edit is decided by the lifecycle service; custom questions have their own field.
        # ``languages`` is not asked: nothing reads it (registration and the live pages offer every
        # site language), and a first organiser took the "en,ms" box for a setting that does something.
        fields = [name for name in EDITABLE_FIELDS if name not in {"custom_questions", "languages"}]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_ms": forms.Textarea(attrs={"rows": 4}),
            "speakers": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TIME_FIELDS:
            self.fields[name].help_text = _("In the webinar's time zone.")
        if self.instance and self.instance.pk:
            zone = ZoneInfo(self.instance.timezone)
            for name in TIME_FIELDS:
                # Naive, so the field does not convert it back to the server's zone.
                self.initial[name] = getattr(self.instance, name).astimezone(zone).replace(tzinfo=None)
            self.initial["custom_questions"] = "\n".join(
                " | ".join(
                    [q.get("key", ""), q.get("label", ""), "required" if q.get("required") else ""]
                    + ([q["label_ms"]] if q.get("label_ms") else [])
                ).rstrip(" |")
                for q in self.instance.custom_questions or []
            )

    def clean(self):
        data = super().clean()
        zone_name = data.get("timezone")
        if not zone_name:
            return data
        zone = ZoneInfo(zone_name)
        for name in TIME_FIELDS:
            value = data.get(name)
            if value is None:
                continue
            wall = django_timezone.make_naive(value, django_timezone.get_current_timezone())
            local = wall.replace(tzinfo=zone)
            if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall:
                self.add_error(
                    name,
                    _("%(time)s does not exist in %(zone)s (the clocks change then).")
                    % {"time": wall.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
                )
                continue
            data[name] = local
        return data

    def clean_custom_questions(self):
        questions = []
        for line in (self.cleaned_data.get("custom_questions") or "").splitlines():
            parts = [part.strip() for part in line.split("|")]
            if not parts or not parts[0]:
                continue
            key = parts[0][:40]
            label = parts[1] if len(parts) > 1 and parts[1] else key
            question = {
                "key": key,
                "label": label[:200],
                "required": len(parts) > 2 and parts[2] == "required",
            }
            if len(parts) > 3 and parts[3]:
                question["label_ms"] = parts[3][:200]
            questions.append(question)
        json.dumps(questions)
        return questions

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["custom_questions"] = self.cleaned_data["custom_questions"]
        return data


# A domain as ``screening.site_domain`` leaves it: labels of letters, digits and hyphens (any script, for
# internationalised names) joined by dots.
_SITE = re.compile(r"[\w-]+(\.[\w-]+)+")


class ScreeningSettingsForm(forms.Form):
    strictness = forms.ChoiceField(
        label=_("Strictness"),
        choices=[("relaxed", _("Relaxed")), ("standard", _("Standard")), ("strict", _("Strict"))],
    )
    link_policy = forms.ChoiceField(
        label=_("Link policy"),
        choices=[
            ("allow", _("Allow links")),
            ("hold", _("Hold questions with links")),
            ("block", _("Block")),
        ],
    )
    trust_listed_sites = forms.BooleanField(
        required=False,
        label=_("Publish links to public-service sites"),
        help_text=_(
            "Links to government, school and helpline sites (such as gov.my, edu.my and befrienders.org.my) "
            "are published even when other links are held or blocked."
        ),
    )
    trusted_sites = forms.CharField(
        label=_("Your trusted sites"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Sites whose links are published too, one per line (for example your-organisation.org.my)."
        ),
    )
    hold_all = forms.BooleanField(required=False, label=_("Hold every question for a host"))

    def clean_trusted_sites(self) -> str:
        """Every line names a site (a web address or domain, ``screening.site_domain``); a line that names
        none was dropped without a word before, so a typo trusted nothing while looking saved."""
        from webinar.screening import site_domain

        value = self.cleaned_data.get("trusted_sites") or ""
        not_sites = [
            line.strip()
            for line in value.splitlines()
            if line.strip() and not _SITE.fullmatch(site_domain(line))
        ]
        if not_sites:
            raise forms.ValidationError(
                _("Not a web address: %(lines)s. Write one site per line, such as your-organisation.org.my."),
                params={"lines": ", ".join(f"“{line[:80]}”" for line in not_sites[:5])},
            )
        return value

    hold_first_time = forms.BooleanField(required=False, label=_("Hold first-time askers"))
    shadow_mode = forms.BooleanField(
        required=False,
        label=_("Shadow mode"),
        help_text=_(
            "For a rehearsal: every question is screened and annotated for hosts but published; "
            "only a question from someone who may be at risk of self-harm is still held for care."
        ),
    )
    blocked_terms = forms.CharField(
        label=_("Blocked terms"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    allowed_terms = forms.CharField(
        label=_("Allowed terms"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    care_resources = forms.CharField(
        label=_("Care resources"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Shown privately to someone whose question suggests they may be at risk of self-harm, one "
            "resource per line. Left as it is, the list is shown in each reader's language."
        ),
    )
    care_resources_ms = forms.CharField(
        label=_("Care resources in Bahasa Malaysia"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown to Malay readers; leave empty to show the resources above."),
    )


class CalibrationForm(forms.Form):
    examples = forms.FileField(
        label=_("Your labelled examples (CSV or JSON lines)"),
        help_text=_(
            "One example per row or line with text and label (publish or hold), and optionally category "
            "and language. CSV needs a header row. Up to 5,000 examples, 2 MB."
        ),
    )
