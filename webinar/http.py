"""HTTP helpers: the client address used for rate limits, safe redirects, and static files under ASGI."""

from __future__ import annotations

from collections.abc import Iterable
from functools import wraps
from itertools import chain

from asgiref.sync import sync_to_async
from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from whitenoise.middleware import WhiteNoiseMiddleware


def address_from(*, remote: str, forwarded_for: str) -> str:
    """The client address: ``remote``, or the nearest untrusted X-Forwarded-For hop when ``remote``
    is one of ``DEWAN_TRUSTED_PROXIES``.

    A spoofed X-Forwarded-For from a direct client never changes the key (RELIABILITY R15). Uvicorn
    runs with ``--no-proxy-headers`` (Makefile, tests/servers.py, deploy/), so ``remote`` is the
    TCP peer and this setting is the only place that decides whom to believe.
    """
    remote = remote or "unknown"
    trusted = set(settings.DEWAN_TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return remote


def client_ip(request) -> str:
    """The client address of an HTTP request (see ``address_from``)."""
    return address_from(
        remote=request.META.get("REMOTE_ADDR", ""),
        forwarded_for=request.META.get("HTTP_X_FORWARDED_FOR", ""),
    )


def scope_client_ip(scope) -> str:
    """The client address of an ASGI (websocket) scope (see ``address_from``)."""
    client = scope.get("client") or ("", 0)
    headers = dict(scope.get("headers") or [])
    return address_from(
        remote=str(client[0] or ""), forwarded_for=headers.get(b"x-forwarded-for", b"").decode("latin-1")
    )


def safe_next(request) -> str | None:
    """``next`` from the query string or form if it stays on this site, else None.

    Every redirect to a user-supplied target goes through here: ``//evil.example``,
    ``https://evil.example/``, ``javascript:…`` and control characters are refused.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def redirect_next(request, default: str, *args, **kwargs):
    """Redirect to a safe ``next`` (see ``safe_next``), else to the named URL ``default``."""
    return redirect(safe_next(request) or default, *args, **kwargs)


def query_language(view):
    """A page opened by a browser with no language choice of its own (an OBS browser source, a
    projector) takes it from ``?lang=`` (``en`` or ``ms`` exactly; anything else: the usual choice).

    The stage view and the pledge counter are such pages: the links to them carry the language of the
    person who copies them, so a Malay event's projector reads Malay.
    """

    @wraps(view)
    def in_language(request, *args, **kwargs):
        language = request.GET.get("lang", "")
        if language not in dict(settings.LANGUAGES):
            return view(request, *args, **kwargs)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return view(request, *args, **kwargs)

    return in_language


def csv_download(rows: Iterable[str], filename: str) -> StreamingHttpResponse:
    """A CSV export as a download, streamed: ``rows`` (encoded lines) after a UTF-8 byte order mark.

    The mark is what makes Excel, which organisers open these files in, read them as UTF-8: without it
    names such as "Wei Jie 伟杰" or "Priya ப்ரியா" and the mask "012-••• ••••" showed as mojibake
    ("â€¢"); Python reads them with ``encoding="utf-8-sig"``, LibreOffice and Google Sheets skip it.
    """
    response = StreamingHttpResponse(chain(["\ufeff"], rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, serving files in a form Django's ASGI handler streams without a warning.

    WhiteNoise answers with a ``FileResponse`` over a synchronous file iterator; under ASGI Django then
    warns "StreamingHttpResponse must consume synchronous iterators" on every static file. Dewan's
    static files are a few kilobytes, so they are answered as ordinary bytes responses; anything larger
    than ``INLINE_LIMIT`` streams through an asynchronous iterator that reads in a worker thread.
    """

    INLINE_LIMIT = 2 * 1024 * 1024

    @staticmethod
    def serve(static_file, request):
        served = static_file.get_response(request.method, request.META)
        headers = dict(served.headers)
        size = int(headers.get("Content-Length", "0") or 0)
        if served.file is None or size <= StaticFilesMiddleware.INLINE_LIMIT:
            content = b""
            if served.file is not None:
                with served.file as handle:
                    content = handle.read()
            response = HttpResponse(content, status=int(served.status))
        else:
            response = StreamingHttpResponse(_read_async(served.file), status=int(served.status))
        del response["Content-Type"]
        for key, value in served.headers:
            response[key] = value
        return response


async def _read_async(handle, block_size: int = 64 * 1024):
    read = sync_to_async(handle.read, thread_sensitive=False)
    try:
        while chunk := await read(block_size):
            yield chunk
    finally:
        await sync_to_async(handle.close, thread_sensitive=False)()
