"""A loopback stand-in for Google's OAuth 2.0 token endpoint, for the GCS credential tests.

It checks what Google checks before handing out a token: a JWT bearer assertion must be RS256-signed by the
service account's key (verified here with the `cryptography` package, independently of the Swift code that
signed it), name the token endpoint as its audience, carry a scope and live at most an hour; a refresh-token
grant must present the expected client and refresh token. Every answer is Google-shaped JSON.
GET /count reports how many tokens were issued, so tests can check that tokens are cached.

usage: oauth_token_server.py PORT PUBLIC_KEY_PEM CLIENT_ID CLIENT_SECRET REFRESH_TOKEN
"""
import base64
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

PORT = int(sys.argv[1])
with open(sys.argv[2], "rb") as handle:
    PUBLIC_KEY = serialization.load_pem_public_key(handle.read())
CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN = sys.argv[3:6]
ISSUED = [0]
LOCK = threading.Lock()


def unbase64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def check_assertion(assertion, audience):
    parts = assertion.split(".")
    if len(parts) != 3:
        return "the assertion is not a compact JWS"
    header = json.loads(unbase64url(parts[0]))
    claims = json.loads(unbase64url(parts[1]))
    if header.get("alg") != "RS256":
        return "alg is not RS256"
    try:
        PUBLIC_KEY.verify(
            unbase64url(parts[2]), (parts[0] + "." + parts[1]).encode(), padding.PKCS1v15(), hashes.SHA256()
        )
    except InvalidSignature:
        return "Invalid JWT Signature."
    if claims.get("aud") != audience:
        return "aud is %r, not %r" % (claims.get("aud"), audience)
    if not claims.get("iss") or not claims.get("scope"):
        return "iss or scope missing"
    now = time.time()
    if not (claims["iat"] - 300 <= now <= claims["exp"] + 300) or claims["exp"] - claims["iat"] > 3600:
        return "iat/exp out of range"
    return None


class Handler(BaseHTTPRequestHandler):
    def answer(self, status, document):
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        with LOCK:
            self.answer(200, {"issued": ISSUED[0]})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        grant = form.get("grant_type")
        if grant == "urn:ietf:params:oauth:grant-type:jwt-bearer":
            problem = check_assertion(form.get("assertion", ""), "http://127.0.0.1:%d%s" % (PORT, self.path))
        elif grant == "refresh_token":
            expected = (CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
            given = (form.get("client_id"), form.get("client_secret"), form.get("refresh_token"))
            problem = None if given == expected else "Bad Request"
        else:
            problem = "unsupported grant type %r" % grant
        if problem:
            self.answer(400, {"error": "invalid_grant", "error_description": problem})
            return
        with LOCK:
            ISSUED[0] += 1
            token = "ya29.test-token-%d" % ISSUED[0]
        self.answer(200, {"access_token": token, "expires_in": 3599, "token_type": "Bearer"})

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
