"""Bahasa Malaysia: pages and e-mails in Malay, a complete catalogue, and the EN/MS switcher."""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import make_registration, make_user, make_webinar

# The catalogue tests read files only, so only the embedded pass runs them; the tests of pages and e-mails
# ask for the database and run in both passes (tests/backend_free.py).
pytestmark = pytest.mark.backend_free

LC_MESSAGES = Path(settings.BASE_DIR) / "locale" / "ms" / "LC_MESSAGES"


def po_entries(path: Path) -> list[dict]:
    """A small .po reader: each entry's flags, msgctxt, msgid (and msgid_plural) and msgstr (msgstr[0])."""
    entries, entry, field = [], None, None

    def finish():
        if entry and "msgid" in entry:
            if "msgstr[0]" in entry:  # ngettext: Malay has one form (nplurals=1), msgstr[0]
                entry["msgstr"] = entry["msgstr[0]"]
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        keyword = re.match(r"(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (\".*\")$", line)
        starts_entry = line.startswith("#") or (keyword and keyword.group(1) in {"msgctxt", "msgid"})
        if starts_entry and (entry is None or "msgstr" in entry or "msgstr[0]" in entry):
            finish()
            entry, field = {"flags": set()}, None
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif keyword:
            field = keyword.group(1)
            entry[field] = ast.literal_eval(keyword.group(2))
        elif line.startswith('"'):
            entry[field] += ast.literal_eval(line)
    finish()
    return entries


def malay_client() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ms"
    return client


def test_every_malay_catalogue_entry_is_translated_and_none_is_fuzzy():
    entries = po_entries(LC_MESSAGES / "django.po")
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == "" and "Language: ms" in header["msgstr"]
    assert "fuzzy" not in header["flags"], "a fuzzy header is ignored by msgfmt"
    assert len(messages) > 300
    untranslated = [e["msgid"] for e in messages if not e.get("msgstr", "").strip()]
    fuzzy = [e["msgid"] for e in messages if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


# What makemessages reads: the code and templates a person sees text from (not tests or benchmarks).
SOURCES = ("manage.py", "accounts", "realtime", "templates", "webinar")


def test_every_translatable_text_in_the_code_and_templates_has_a_malay_translation(tmp_path):
    """The catalogue is complete, not only translated: makemessages, run on a copy of the sources,
    finds no text that the committed django.po lacks (a new string added without its translation)."""
    root = Path(settings.BASE_DIR)
    for name in SOURCES:
        source = root / name
        if source.is_dir():
            shutil.copytree(
                source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "migrations")
            )
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale" / "ms" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(LC_MESSAGES / "django.po", tmp_path / "locale" / "ms" / "LC_MESSAGES" / "django.po")
    environment = {**os.environ, "PYTHONPATH": str(tmp_path), "DJANGO_SETTINGS_MODULE": "webinar.settings"}
    for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_ENV"):  # settings that would reach for services
        environment.pop(name, None)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ms", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    merged = po_entries(tmp_path / "locale" / "ms" / "LC_MESSAGES" / "django.po")[1:]
    missing = [e["msgid"] for e in merged if not e.get("msgstr", "").strip() or "fuzzy" in e["flags"]]
    assert missing == [], "texts without a Malay translation in locale/ms/LC_MESSAGES/django.po"


def test_malay_translations_keep_every_placeholder():
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}")
    for entry in po_entries(LC_MESSAGES / "django.po")[1:]:
        assert sorted(placeholder.findall(entry["msgstr"])) == sorted(placeholder.findall(entry["msgid"])), (
            entry["msgid"]
        )


def test_compiled_malay_catalogue_matches_the_po_file():
    with open(LC_MESSAGES / "django.mo", "rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    for entry in po_entries(LC_MESSAGES / "django.po")[1:]:
        key = f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]
        if "msgid_plural" in entry:
            key = (key, 0)
        assert catalog.get(key) == entry["msgstr"], f"django.mo is stale: run compilemessages ({key!r})"


@pytest.mark.django_db
def test_public_webinar_page_is_in_malay_for_a_malay_visitor():
    webinar = make_webinar(title="Selamat Online", capacity=50)
    response = malay_client().get(reverse("webinar:detail", args=[webinar.slug]))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ms">' in page
    for text in ["Daftar", "Tambah ke kalendar", "Nama anda", "Log masuk", "Dijadualkan"]:
        assert text in page, text
    assert "0 daripada 50 tempat telah diisi." in page
    assert "Add to calendar" not in page


@pytest.mark.django_db
def test_registration_errors_are_in_malay_for_a_malay_visitor():
    webinar = make_webinar(capacity=1, waitlist_enabled=False)
    make_registration(webinar, email="a@example.com")
    data = {"name": "B", "email": "b@example.com", "language": "ms", "consent": "on"}
    response = malay_client().post(reverse("webinar:detail", args=[webinar.slug]), data)
    assert response.status_code == 409
    assert "Webinar ini sudah penuh." in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_confirmation_email_for_a_malay_registrant_is_in_malay():
    webinar = make_webinar(title="Selamat Online")
    make_registration(webinar, name="Aisyah", email="aisyah@example.com", language="ms")
    (message,) = mail.outbox
    assert message.subject == "Anda telah berdaftar: Selamat Online"
    assert message.body.startswith("Salam Aisyah,")
    for text in [
        'Anda telah berdaftar untuk "Selamat Online".',
        "Pautan peribadi anda untuk menyertai (jangan kongsikan):",
        "Tidak dapat hadir?",
    ]:
        assert text in message.body, text
    assert "You are registered" not in message.body


@pytest.mark.django_db(transaction=True)
def test_waitlist_email_follows_each_registrants_own_language():
    webinar = make_webinar(title="Selamat Online", capacity=1)
    make_registration(webinar, email="seated@example.com", language="en")
    make_registration(webinar, email="waiting@example.com", language="ms")
    english, malay = mail.outbox
    assert english.subject == "You are registered: Selamat Online"
    assert malay.subject == "Anda dalam senarai menunggu: Selamat Online"
    assert "senarai menunggu" in malay.body


@pytest.mark.django_db
def test_switching_language_with_the_switcher_shows_malay_then_english_again():
    webinar = make_webinar()
    url = reverse("webinar:detail", args=[webinar.slug])
    client = Client()
    assert "Add to calendar" in client.get(url).content.decode()

    response = client.post("/i18n/setlang/", {"language": "ms", "next": url}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == url
    assert '<html lang="ms">' in page
    assert "Tambah ke kalendar" in page and "Log masuk" in page

    response = client.post("/i18n/setlang/", {"language": "en", "next": url}, follow=True)
    assert "Add to calendar" in response.content.decode()


@pytest.mark.django_db
def test_host_console_and_its_live_labels_are_in_malay():
    organiser = make_user()
    webinar = make_webinar(organiser=organiser)
    client = malay_client()
    client.force_login(organiser)
    response = client.get(reverse("webinar:host", args=[webinar.slug]))
    page = response.content.decode()
    assert response.status_code == 200
    for text in ["Konsol hos", "Jeda soalan", "Diterbitkan", "Luluskan", "Disematkan", "Sokong"]:
        assert text in page, text


@pytest.mark.django_db
def test_the_live_connection_pill_says_connected_in_malay_not_to_be_continued():
    """'Bersambung' is what a series says between episodes ("to be continued"): a live socket is
    'Tersambung' (connected)."""
    from webinar.live_views import _labels

    with translation.override("ms"):
        connection = {key: str(text) for key, text in _labels()["connection"].items()}
    assert connection["open"] == "Tersambung"
    assert "Bersambung" not in connection.values()


@pytest.mark.django_db
def test_a_malay_registrants_join_link_opens_the_malay_interface():
    from webinar.services.notifications import join_url

    webinar = make_webinar(title="Selamat Online", status="live")
    registration = make_registration(webinar, name="Aisyah", email="aisyah@example.com", language="ms")
    client = Client()
    response = client.get(join_url(registration).removeprefix(settings.SITE_URL))
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ms"
    live = client.get(response["Location"]).content.decode()
    assert '<html lang="ms">' in live


def _joined_with_english_chosen(email: str, language: str):
    """A browser that picked English with the switcher opens the join link of a ``language`` registrant."""
    from webinar.services.notifications import join_url

    webinar = make_webinar(status="live")
    registration = make_registration(webinar, email=email, language=language)
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.get(join_url(registration).removeprefix(settings.SITE_URL))
    return client, webinar, registration


@pytest.mark.django_db
def test_a_join_link_keeps_a_language_the_browser_already_chose():
    client, _webinar, _registration = _joined_with_english_chosen("wei@example.com", "ms")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.django_db
def test_the_language_switcher_moves_this_persons_registrations_and_account_to_that_language():
    from webinar.models import Registration

    client, webinar, registration = _joined_with_english_chosen("aisyah@example.com", "en")
    response = client.post("/i18n/setlang/", {"language": "ms", "next": f"/w/{webinar.slug}/live/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ms"
    assert Registration.objects.get(pk=registration.pk).language == "ms"
    other = make_registration(webinar, email="someone-else@example.com", language="en")
    assert Registration.objects.get(pk=other.pk).language == "en", "only this browser's registrations"


@pytest.mark.django_db
def test_the_dashboard_labels_its_live_updates_in_the_viewers_language():
    from tests.factories import PASSWORD

    organiser = make_user("org@example.com")
    webinar = make_webinar(organiser=organiser, status="live")
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ms"
    client.login(email=organiser.email, password=PASSWORD)
    page = client.get(reverse("webinar:dashboard", args=[webinar.slug])).content.decode()
    assert 'data-label-updated="Dikemas kini"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ms"])
def test_the_language_switcher_names_each_language_in_that_language_and_marks_the_current_one(language):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("webinar:index")).content.decode()
    switcher = page.split('class="inline lang"')[1].split("</form>")[0]
    assert 'aria-label="{}"'.format("Bahasa" if language == "ms" else "Language") in switcher
    for code, name in settings.LANGUAGES:
        button = re.search(rf'<button[^>]*value="{code}"[^>]*>', switcher).group(0)
        assert f'lang="{code}"' in button and f'aria-label="{name}"' in button, button
        assert ('aria-current="true"' in button) == (code == language), button


@pytest.mark.django_db
def test_signing_in_after_choosing_malay_makes_the_account_malay_so_the_console_and_its_socket_agree():
    from accounts.models import User
    from tests.factories import PASSWORD

    user = make_user("farah@example.com")
    assert user.language == "en"
    client = malay_client()  # chose Bahasa Malaysia with the switcher before signing in
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).language == "ms"


@pytest.mark.django_db
def test_signing_in_on_a_browser_that_chose_no_language_opens_the_accounts_language():
    from tests.factories import PASSWORD

    user = make_user("aisyah@example.com", language="ms")
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ms"
    assert '<html lang="ms">' in client.get(reverse("webinar:index")).content.decode()


@pytest.mark.django_db
def test_the_dashboard_names_languages_in_words_not_codes():
    import json

    from tests.factories import PASSWORD

    organiser = make_user("org-languages@example.com")
    webinar = make_webinar(organiser=organiser, status="live")
    make_registration(webinar, name="Siti", email="siti@example.com", language="ms")
    client = malay_client()
    client.login(email=organiser.email, password=PASSWORD)
    page = client.get(reverse("webinar:dashboard", args=[webinar.slug])).content.decode()
    assert "<td>Siti</td><td>Bahasa Malaysia</td>" in page
    assert "<td>ms</td>" not in page
    names = json.loads(
        page.split('<script id="language-names" type="application/json">')[1].split("</script>")[0]
    )
    assert names["en"] == "Bahasa Inggeris" and names["ms"] == "Bahasa Malaysia"


@pytest.mark.django_db
def test_the_stage_page_tells_its_socket_its_language():
    import json

    from webinar.live_state import stage_key

    webinar = make_webinar(status="live")
    page = malay_client().get(f"/w/{webinar.slug}/stage/?key={stage_key(webinar)}").content.decode()
    config = json.loads(
        page.split('<script id="live-config" type="application/json">')[1].split("</script>")[0]
    )
    assert config["lang"] == "ms" and config["mode"] == "stage"
