#!/usr/bin/env python3
"""An OTLP/HTTP endpoint that accepts every export and keeps nothing, for bench runs with tracing on.

    python3 bench/otlp-sink.py PORT     # then OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:PORT

It reads each request body in full (as a collector would before it decodes it) and answers 200 with an empty
ExportTraceServiceResponse, which OTLP defines as success. It counts requests and bytes and prints them on exit.
Loopback only; it runs until it is signalled.
"""
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

received = {"requests": 0, "bytes": 0}


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        received["requests"] += 1
        received["bytes"] += length
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink)

    def stop(*_):
        print(f"otlp-sink: {received['requests']} exports, {received['bytes']} bytes", flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
