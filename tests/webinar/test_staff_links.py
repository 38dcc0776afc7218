"""The staff pages link only to pages their reader may open (found by walking the demo from outside)."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_host, make_user, make_webinar

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def webinar_links(page: str, slug: str) -> set[str]:
    """Every link of the page that leads into the webinar's own pages."""
    return {html.unescape(href) for href in re.findall(r'href="([^"]+)"', page) if f"/w/{slug}/" in href}


def test_a_host_who_does_not_organise_sees_only_the_host_console_on_the_home_page_and_it_opens():
    webinar = make_webinar()
    host = make_host(webinar, make_user("host-only@example.com"))
    client = signed_in(host)

    page = client.get(reverse("webinar:dashboard_home")).content.decode()

    links = webinar_links(page, webinar.slug)
    assert links == {reverse("webinar:host", args=[webinar.slug])}
    assert all(client.get(link).status_code == 200 for link in links)


def test_the_organiser_home_page_links_to_every_organiser_page_and_each_opens():
    organiser = make_user("owner@example.com")
    webinar = make_webinar(organiser=organiser)
    client = signed_in(organiser)

    page = client.get(reverse("webinar:dashboard_home")).content.decode()

    links = webinar_links(page, webinar.slug)
    assert links == {
        reverse(name, args=[webinar.slug])
        for name in ("webinar:manage", "webinar:host", "webinar:dashboard", "webinar:report")
    }
    assert all(client.get(link).status_code == 200 for link in links)


def test_the_stage_view_link_on_the_manage_page_carries_its_key_and_opens():
    organiser = make_user("stage-owner@example.com")
    webinar = make_webinar(organiser=organiser)
    client = signed_in(organiser)

    page = client.get(reverse("webinar:manage", args=[webinar.slug])).content.decode()

    stage = reverse("webinar:stage", args=[webinar.slug])
    (link,) = [link for link in webinar_links(page, webinar.slug) if link.startswith(stage)]
    assert link.startswith(stage + "?key=")
    assert Client().get(link).status_code == 200
