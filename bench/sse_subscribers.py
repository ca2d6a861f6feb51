#!/usr/bin/env python3
"""Holds N idle Server-Sent Events subscribers open on one server, for bench/run.

    sse_subscribers.py --port P --path /v1/events --token T --count 500 --max-seconds 300

Opens COUNT connections to 127.0.0.1:PORT (loopback only), sends GET PATH with the bearer token and
Accept: text/event-stream, and checks that each answers 200 with a text/event-stream content type. Then it
prints one line, "READY ok=N failed=M first_error=...", and keeps every stream open, reading and
discarding what the server sends, until SIGTERM, SIGINT or MAX_SECONDS (so it always stops by itself).
At the end it prints "DONE open=N closed=M bytes=B": closed counts streams the server ended meanwhile.
Standard library only (asyncio), one process for all the streams.
"""
import argparse
import asyncio
import signal
import sys


async def open_stream(args, state):
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", args.port), args.open_timeout)
    request = (f"GET {args.path} HTTP/1.1\r\nHost: 127.0.0.1:{args.port}\r\n"
               f"Authorization: Bearer {args.token}\r\nAccept: text/event-stream\r\n"
               f"Cache-Control: no-cache\r\n\r\n")
    writer.write(request.encode("ascii"))
    await writer.drain()
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), args.open_timeout)
    lines = head.decode("latin-1").split("\r\n")
    status = lines[0].split(" ")
    if len(status) < 2 or status[1] != "200":
        writer.close()
        raise RuntimeError(f"status {lines[0]!r}")
    content_type = next((line.split(":", 1)[1].strip() for line in lines[1:]
                         if line.lower().startswith("content-type:")), "")
    if not content_type.startswith("text/event-stream"):
        writer.close()
        raise RuntimeError(f"content type {content_type!r}")
    return reader, writer


async def hold(reader, state):
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            state["bytes"] += len(chunk)
    except (ConnectionError, OSError):
        pass
    state["closed"] += 1


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/v1/events")
    parser.add_argument("--token", required=True)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--max-seconds", type=float, default=300)
    parser.add_argument("--open-timeout", type=float, default=10)
    args = parser.parse_args()
    if not 1 <= args.count <= 5000 or not 0 < args.max_seconds <= 3600:
        parser.error("--count 1..5000, --max-seconds up to 3600")

    state = {"bytes": 0, "closed": 0}
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    # Opened in batches of 50, so the server sees a burst of subscribers, not one SYN flood.
    streams, errors = [], []
    for start in range(0, args.count, 50):
        batch = [open_stream(args, state) for _ in range(start, min(start + 50, args.count))]
        for result in await asyncio.gather(*batch, return_exceptions=True):
            (errors if isinstance(result, BaseException) else streams).append(result)
    first_error = repr(errors[0]) if errors else "-"
    print(f"READY ok={len(streams)} failed={len(errors)} first_error={first_error}", flush=True)

    holders = [asyncio.create_task(hold(reader, state)) for reader, _ in streams]
    try:
        await asyncio.wait_for(stop.wait(), args.max_seconds)
    except asyncio.TimeoutError:
        pass
    closed = state["closed"]
    for task in holders:
        task.cancel()
    for _, writer in streams:
        writer.close()
    print(f"DONE open={len(streams) - closed} closed={closed} bytes={state['bytes']}", flush=True)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(130)
