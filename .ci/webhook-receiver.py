"""A real HTTP webhook receiver for the walk-through: appends each POST (headers + JSON body) as one
JSON line to the file given, answers 200. Listens on 127.0.0.1 only."""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT, OUT = int(sys.argv[1]), sys.argv[2]


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with open(OUT, "a") as out:
            out.write(json.dumps({"path": self.path, "headers": dict(self.headers),
                                  "body": json.loads(body or b"{}")}) + "\n")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
