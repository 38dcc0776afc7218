from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from accounts.emails import InvalidEmail, email_normalise
from webinar.blank import clean_line

User = get_user_model()


class SignUpForm(UserCreationForm):
    display_name = forms.CharField(label=_("Your name"), max_length=120)

    class Meta:
        model = User
        fields = ("email", "display_name", "language")

    def clean_email(self):
        try:
            return email_normalise(self.cleaned_data["email"])
        except InvalidEmail as exc:
            raise forms.ValidationError(_("Please enter a valid e-mail address.")) from exc

    def clean_display_name(self):
        name = clean_line(self.cleaned_data.get("display_name"))
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    def validate_unique(self):
        """Never say an address has an account: ``user_signup`` answers taken addresses by e-mail."""


class SignInForm(AuthenticationForm):
    """Sign-in by e-mail in any spelling of the same mailbox (``accounts.emails.email_normalise``)."""

    def clean_username(self):
        username = self.cleaned_data.get("username", "")
        try:
            return email_normalise(username)
        except InvalidEmail:
            return username  # authentication then fails with the usual message
