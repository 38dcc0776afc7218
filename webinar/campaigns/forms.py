"""Forms parse what organisers and visitors type; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from webinar.campaigns.models import Campaign, Partner, Poll, Resource
from webinar.campaigns.services.campaigns import EDITABLE_FIELDS, PartnerInput


class CampaignForm(forms.ModelForm):
    partners = forms.CharField(
        label=_("Partner organisations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_('One per line: "name | logo URL | link" (logo and link are optional).'),
    )
    webinars = forms.ModelMultipleChoiceField(
        label=_("Webinars in this campaign"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Campaign
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "description_ms": forms.Textarea(attrs={"rows": 4}),
            "organisers": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, webinars, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["webinars"].queryset = webinars
        if self.instance.pk and not self.is_bound:
            self.initial["partners"] = "\n".join(
                f"{p.name} | {p.logo_url} | {p.link}" for p in Partner.objects.filter(campaign=self.instance)
            )
            self.initial["webinars"] = list(self.instance.entries.values_list("webinar_id", flat=True))

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}

    def partner_inputs(self) -> list[PartnerInput]:
        partners = []
        for line in self.cleaned_data.get("partners", "").splitlines():
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")] + ["", ""]
            partners.append(PartnerInput(name=parts[0], logo_url=parts[1], link=parts[2]))
        return partners

    def webinar_ids(self) -> list[int]:
        return [w.pk for w in sorted(self.cleaned_data.get("webinars") or [], key=lambda w: w.starts_at)]


class PledgeSettingsForm(forms.Form):
    text_en = forms.CharField(
        label=_("Pledge (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    text_ms = forms.CharField(
        label=_("Pledge (Bahasa Malaysia)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    ask_institution = forms.BooleanField(
        label=_("Ask for an institution (e.g. a university)"), required=False
    )
    institution_required = forms.BooleanField(label=_("The institution is required"), required=False)
    open = forms.BooleanField(label=_("Open for pledges"), required=False, initial=True)


class PledgeTakeForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    institution = forms.CharField(label=_("Institution"), max_length=160, required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that the organiser may keep my name, e-mail and institution as a record of this "
            "pledge and publish the count per institution, as described in the privacy notice (Personal "
            "Data Protection Act 2010)."
        ),
        required=False,
    )

    def __init__(self, *args, pledge, known_email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if not pledge.ask_institution:
            del self.fields["institution"]
        if known_email:
            # The address is already proven (signed in, or a join link of this campaign): not editable.
            self.fields["email"].required = False
            self.fields["email"].disabled = True
            self.initial["email"] = known_email


class ResourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Resource.Kind.choices)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    title_ms = forms.CharField(label=_("Title (Bahasa Malaysia)"), max_length=200, required=False)
    body_en = forms.CharField(
        label=_("Text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    body_ms = forms.CharField(
        label=_("Text (Bahasa Malaysia)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Resource.Topic.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    position = forms.IntegerField(label=_("Position"), min_value=0, required=False)


class PollForm(forms.Form):
    """A poll prepared before or during the event; choices one per line, each Malay line aligned with
    the English one."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Poll.Kind.choices)
    question_en = forms.CharField(label=_("Question (English)"), max_length=300, required=False)
    question_ms = forms.CharField(label=_("Question (Bahasa Malaysia)"), max_length=300, required=False)
    options_en = forms.CharField(
        label=_("Choices (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Single and multiple choice only: one choice per line (2 to 10)."),
    )
    options_ms = forms.CharField(
        label=_("Choices (Bahasa Malaysia)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The same choices in the same order, one per line."),
    )

    @staticmethod
    def initial_for(poll: Poll) -> dict:
        """The form's fields for editing ``poll`` (choices one per line in each language)."""
        return {
            "kind": poll.kind,
            "question_en": poll.question_en,
            "question_ms": poll.question_ms,
            "options_en": "\n".join(o.get("en", "") for o in poll.options),
            "options_ms": "\n".join(o.get("ms", "") for o in poll.options),
        }

    def service_fields(self) -> dict:
        data = self.cleaned_data
        en, ms = data["options_en"].splitlines(), data["options_ms"].splitlines()
        rows = max(len(en), len(ms))
        en, ms = en + [""] * (rows - len(en)), ms + [""] * (rows - len(ms))
        return {
            "kind": data["kind"],
            "question_en": data["question_en"],
            "question_ms": data["question_ms"],
            "options": [{"en": e, "ms": m} for e, m in zip(en, ms, strict=True)],
        }
