#!/usr/bin/env python3
"""A content-pack server that misbehaves on request, for the pack attack tests:
serves one folder on 127.0.0.1 (ETag, 304 for If-None-Match) while the file
ROOT/.mode says "normal"; "slow" sends one byte a second; "huge" announces
Content-Length: 2147483648 for databases and sends zeros; "endless" sends
zeros without a length until the client goes; "always304" answers 304 to
everything. Signatures are served normally in every mode but always304 and
slow. Prints its port and process id, serves until killed or for 600 s."""
import hashlib
import http.server
import os
import sys
import threading
import time

ROOT = sys.argv[1]


def mode():
    try:
        with open(os.path.join(ROOT, ".mode")) as f:
            return f.read().strip()
    except OSError:
        return "normal"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self):
        m = mode()
        is_db = self.path.endswith(".db")
        if m == "always304":
            self.send_response(304)
            self.send_header("ETag", '"frozen"')
            self.end_headers()
            return
        path = os.path.join(ROOT, self.path.lstrip("/"))
        if not os.path.isfile(path):
            self.send_response(404)
            self.end_headers()
            return
        with open(path, "rb") as f:
            body = f.read()
        try:
            if m == "huge" and is_db:
                self.send_response(200)
                self.send_header("Content-Length", "2147483648")
                self.end_headers()
                for _ in range(2048):
                    self.wfile.write(b"\0" * (1 << 20))
                return
            if m == "endless" and is_db:
                self.send_response(200)
                self.end_headers()
                for _ in range(2048):
                    self.wfile.write(b"\0" * (1 << 20))
                return
            if m == "slow":
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for i in range(len(body)):
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(1)
                return
        except (BrokenPipeError, ConnectionResetError):
            return
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
threading.Timer(600, lambda: os._exit(0)).start()
print(server.server_address[1], os.getpid(), flush=True)
server.serve_forever()
