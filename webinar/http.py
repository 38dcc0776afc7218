"""HTTP helpers: the client address used for rate limits, and static files served under ASGI."""

from __future__ import annotations

from asgiref.sync import sync_to_async
from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from whitenoise.middleware import WhiteNoiseMiddleware


def client_ip(request) -> str:
    """REMOTE_ADDR, or the nearest untrusted X-Forwarded-For hop when the peer is a trusted proxy.

    A spoofed X-Forwarded-For from a direct client never changes the key (RELIABILITY R15).
    """
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    trusted = set(settings.DEWAN_TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return remote


def ratelimit_key(group, request) -> str:
    return client_ip(request)


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
