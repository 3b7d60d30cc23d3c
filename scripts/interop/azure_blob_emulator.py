"""A loopback Azure Blob Storage emulator for LaminarDB's tests.

Azurite, Microsoft's emulator, ships only through npm, which this project's machines cannot reach, so the tests
run against this one instead: in memory, one process, a thread per connection and one lock around the state.

Its point is that it trusts nothing of ours. Every request's authorization is checked with the Azure SDK's own
code (azure-storage-blob, pinned in scripts/requirements-interop.txt): a Shared Key signature is recomputed by
the SDK's SharedKeyCredentialPolicy from the request exactly as it arrived on the socket, and a SAS signature by
the SDK's BlobSharedAccessSignature. A request passes only if Microsoft's implementation computes the same
signature. Answers follow the Blob service REST reference: status codes, x-ms-error-code, XML error documents.

Implemented, with path-style URLs as Azurite uses (http://127.0.0.1:PORT/{account}/{container}/{blob}):
Create Container (x-ms-blob-public-access makes a container readable anonymously), Get Container Properties,
Delete Container, Put Blob (If-None-Match: * atomically), Get Blob (x-ms-range / Range, If-Match), Get Blob
Properties, Delete Blob, List Blobs (prefix, delimiter, marker, maxresults; names XML cannot carry are sent
percent-encoded with Encoded="true"), Copy Blob, Abort Copy Blob, Put Block, Put Block List, Get Block List.

Test hooks, for answers a real account gives only under load: a Copy Blob whose source name contains
`copy-pending` stays `pending` for three Get Blob Properties calls and then succeeds; `copy-fails` stays
pending for two and then fails.

Usage: python azure_blob_emulator.py --port PORT [--account NAME] [--key BASE64] [--bearer-token TOKEN]
"""

import argparse
import base64
import binascii
import datetime
import email.utils
import hmac
import re
import threading
import time
import uuid
import xml.etree.ElementTree as ElementTree
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, unquote, urlsplit
from xml.sax.saxutils import escape

from azure.core.pipeline import PipelineContext, PipelineRequest
from azure.core.pipeline.transport import HttpRequest
from azure.storage.blob._shared.authentication import SharedKeyCredentialPolicy
from azure.storage.blob._shared.constants import _SUPPORTED_API_VERSIONS
from azure.storage.blob._shared_access_signature import BlobSharedAccessSignature

AZURITE_ACCOUNT = "devstoreaccount1"
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
MAX_CLOCK_SKEW = datetime.timedelta(minutes=15)
PENDING_POLLS = {"copy-pending": (3, "success"), "copy-fails": (2, "failed")}


class StorageError(Exception):
    """An answer that is an Azure error document."""

    def __init__(self, status, code, message, detail=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


class Blob:
    def __init__(self, data, blocks=None):
        self.data = data
        self.blocks = blocks or []  # committed [(block id, bytes)] of a blob made by Put Block List
        self.etag = new_etag()
        self.modified = time.time()
        self.created = self.modified
        self.copy = None  # dict(id, status, source, polls_left, final, pending_data, description)


class Container:
    def __init__(self, public):
        self.public = public
        self.blobs = {}
        self.uncommitted = {}  # blob name -> {block id: bytes}, in staging order


_etag_counter = [0x8DC0000000000]
_etag_lock = threading.Lock()


def new_etag():
    with _etag_lock:
        _etag_counter[0] += 1
        return "0x%X" % _etag_counter[0]


def http_date(timestamp):
    return email.utils.formatdate(timestamp, usegmt=True)


def utf8_key(name):
    return name.encode("utf-8", "surrogatepass")


def parse_query(text):
    """Decoded (name, value) pairs; `+` stays a plus, as Azure reads query strings."""
    items = []
    for part in text.split("&") if text else []:
        if not part:
            continue
        name, _, value = part.partition("=")
        items.append((unquote(name, errors="strict"), unquote(value, errors="strict")))
    return items


def xml_expressible(name):
    return all(
        ch in "\t\n\r" or 0x20 <= ord(ch) <= 0xD7FF or 0xE000 <= ord(ch) <= 0xFFFD or ord(ch) >= 0x10000
        for ch in name
    )


def name_element(name):
    if xml_expressible(name) and "\r" not in name:
        return "<Name>%s</Name>" % escape(name)
    return '<Name Encoded="true">%s</Name>' % quote(name, safe="")


class _CapturingPolicy(SharedKeyCredentialPolicy):
    """The SDK's Shared Key policy, keeping the string-to-sign it built (for the error detail Azure gives)."""

    captured = ""

    def _add_authorization_header(self, request, string_to_sign):
        self.captured = string_to_sign
        super()._add_authorization_header(request, string_to_sign)


class Emulator:
    def __init__(self, account, key, bearer_token):
        self.account = account
        self.key = key
        self.bearer_token = bearer_token
        self.lock = threading.Lock()
        self.containers = {}

    # --- authorization ------------------------------------------------------------------------------------

    def shared_key_expected(self, method, raw_target, headers):
        """The Authorization header the Azure SDK computes for this request as received."""
        signed_headers = {name: value for name, value in headers.items() if name != "authorization"}
        request = HttpRequest(method, "http://emulator" + raw_target, headers=signed_headers)
        policy = _CapturingPolicy(self.account, self.key)
        policy.on_request(PipelineRequest(request, PipelineContext(None)))
        return request.headers["Authorization"], policy.captured

    def check_version_and_date(self, headers, need_date):
        version = headers.get("x-ms-version")
        if version is None:
            raise StorageError(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is not specified.")
        if version not in _SUPPORTED_API_VERSIONS:
            raise StorageError(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.")
        if not need_date:
            return
        date_text = headers.get("x-ms-date") or headers.get("date")
        try:
            sent = email.utils.parsedate_to_datetime(date_text)
        except (TypeError, ValueError):
            raise StorageError(403, "AuthenticationFailed", "The request date is missing or malformed.")
        if not re.fullmatch(r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT", date_text):
            raise StorageError(403, "AuthenticationFailed", "The request date is not in RFC 1123 form.")
        if abs(datetime.datetime.now(datetime.timezone.utc) - sent) > MAX_CLOCK_SKEW:
            raise StorageError(403, "AuthenticationFailed", "Request date header too old or too far in the future.")

    def sas_signature(self, query, container, blob):
        params = dict(query)
        signer = BlobSharedAccessSignature(self.account, self.key)
        signer.x_ms_version = params.get("sv")  # the SDK signs with the version the token names
        common = dict(
            permission=params.get("sp"), expiry=params.get("se"), start=params.get("st"),
            policy_id=params.get("si"), ip=params.get("sip"), protocol=params.get("spr"),
            cache_control=params.get("rscc"), content_disposition=params.get("rscd"),
            content_encoding=params.get("rsce"), content_language=params.get("rscl"),
            content_type=params.get("rsct"),
        )
        if params.get("sr") == "c":
            token = signer.generate_container(container, **common)
        elif params.get("sr") == "b" and blob is not None:
            token = signer.generate_blob(container, blob, **common)
        else:
            raise StorageError(403, "AuthenticationFailed", "Only container and blob service SAS are supported.")
        return dict(parse_query(token)).get("sig", "")

    def check_sas(self, query, container, blob, permission):
        params = dict(query)
        expected = self.sas_signature(query, container, blob)
        if not hmac.compare_digest(expected.encode(), params.get("sig", "").encode()):
            raise StorageError(
                403, "AuthenticationFailed",
                "Server failed to authenticate the request. Make sure the value of Authorization header is formed "
                "correctly including the signature.",
            )
        try:
            expiry = datetime.datetime.fromisoformat(params.get("se", "").replace("Z", "+00:00"))
        except ValueError:
            raise StorageError(403, "AuthenticationFailed", "The signed expiry is malformed.")
        if expiry.tzinfo is None:
            expiry = expiry.replace(tzinfo=datetime.timezone.utc)
        if datetime.datetime.now(datetime.timezone.utc) > expiry:
            raise StorageError(403, "AuthenticationFailed", "Signed expiry time has passed.")
        granted = params.get("sp", "")
        if not any(letter in granted for letter in permission):
            raise StorageError(
                403, "AuthorizationPermissionMismatch",
                "This request is not authorized to perform this operation using this permission.",
            )

    def authorize(self, method, raw_target, headers, query, container, blob, permission):
        """Returns the kind of authorization that let the request in, or raises the error Azure would give.
        `permission` holds the SAS permission letters any one of which allows the operation; an empty string
        means no service SAS does (creating and deleting containers)."""
        authorization = headers.get("authorization", "")
        if any(name == "sig" for name, _ in query):
            self.check_sas(query, container, blob, permission)
            return "sas"
        if authorization.startswith("SharedKey "):
            self.check_version_and_date(headers, need_date=True)
            expected, string_to_sign = self.shared_key_expected(method, raw_target, headers)
            if not hmac.compare_digest(expected.encode(), authorization.encode()):
                received = authorization.rpartition(":")[2]
                raise StorageError(
                    403, "AuthenticationFailed",
                    "Server failed to authenticate the request. Make sure the value of Authorization header is "
                    "formed correctly including the signature.",
                    "The MAC signature found in the HTTP request '%s' is not the same as any computed signature. "
                    "Server used following string to sign: '%s'." % (received, string_to_sign),
                )
            return "sharedkey"
        if authorization.startswith("Bearer "):
            self.check_version_and_date(headers, need_date=False)
            if self.bearer_token is None or not hmac.compare_digest(
                authorization[len("Bearer "):].encode(), self.bearer_token.encode()
            ):
                raise StorageError(401, "InvalidAuthenticationInfo", "Authentication information is not given in the correct format.")
            return "bearer"
        if authorization:
            raise StorageError(400, "InvalidAuthenticationInfo", "Authentication information is not given in the correct format.")
        with self.lock:
            public = container in self.containers and self.containers[container].public
        if public and permission in ("r", "l"):
            return "anonymous"
        raise StorageError(
            401, "NoAuthenticationInformation",
            "Server failed to authenticate the request. Please refer to the information in the www-authenticate header.",
        )

    # --- containers ---------------------------------------------------------------------------------------

    def container(self, name):
        found = self.containers.get(name)
        if found is None:
            raise StorageError(404, "ContainerNotFound", "The specified container does not exist.")
        return found

    def create_container(self, name, headers):
        if not re.fullmatch(r"(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]", name):
            raise StorageError(400, "InvalidResourceName", "The specifed resource name contains invalid characters.")
        with self.lock:
            if name in self.containers:
                raise StorageError(409, "ContainerAlreadyExists", "The specified container already exists.")
            self.containers[name] = Container(headers.get("x-ms-blob-public-access") in ("blob", "container"))
        return 201, {}, b""

    def list_blobs(self, container_name, params):
        prefix = params.get("prefix", "")
        delimiter = params.get("delimiter")
        try:
            max_results = int(params.get("maxresults", "5000"))
        except ValueError:
            max_results = 0
        if not 1 <= max_results <= 5000:
            raise StorageError(400, "OutOfRangeQueryParameterValue", "One of the query parameters specified in the request URI is outside the permissible range.")
        start_name = ""
        if params.get("marker"):
            marker = params["marker"]
            if not marker.startswith("2!"):
                raise StorageError(400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in the request URI is invalid.")
            try:
                start_name = base64.urlsafe_b64decode(marker[2:].encode()).decode("utf-8", "surrogatepass")
            except (binascii.Error, UnicodeDecodeError):
                raise StorageError(400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in the request URI is invalid.")
        with self.lock:
            container = self.container(container_name)
            names = sorted(container.blobs, key=utf8_key)
            entries = []
            next_marker = ""
            last_folded = None
            for name in names:
                if utf8_key(name) < utf8_key(start_name) or not name.startswith(prefix):
                    continue
                folded = None
                if delimiter:
                    cut = name.find(delimiter, len(prefix))
                    if cut >= 0:
                        folded = name[: cut + len(delimiter)]
                        if folded == last_folded:
                            continue
                if len(entries) == max_results:
                    next_marker = "2!" + base64.urlsafe_b64encode(utf8_key(name)).decode()
                    break
                if folded is not None:
                    last_folded = folded
                    entries.append("<BlobPrefix>%s</BlobPrefix>" % name_element(folded))
                else:
                    entries.append(self.blob_entry(name, container.blobs[name]))
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<EnumerationResults ServiceEndpoint="http://127.0.0.1/%s/" ContainerName="%s">'
            "<Prefix>%s</Prefix><Marker>%s</Marker><MaxResults>%d</MaxResults>%s<Blobs>%s</Blobs>"
            "<NextMarker>%s</NextMarker></EnumerationResults>"
            % (
                escape(self.account), escape(container_name), escape(prefix), escape(params.get("marker", "")),
                max_results, "<Delimiter>%s</Delimiter>" % escape(delimiter) if delimiter else "",
                "".join(entries), escape(next_marker),
            )
        )
        return 200, {"Content-Type": "application/xml"}, body.encode()

    @staticmethod
    def blob_entry(name, blob):
        copy = ""
        if blob.copy:
            copy = "<CopyId>%s</CopyId><CopyStatus>%s</CopyStatus>" % (blob.copy["id"], blob.copy["status"])
        return (
            "<Blob>%s<Properties><Creation-Time>%s</Creation-Time><Last-Modified>%s</Last-Modified>"
            "<Etag>%s</Etag><Content-Length>%d</Content-Length><Content-Type>application/octet-stream</Content-Type>"
            "<BlobType>BlockBlob</BlobType><AccessTier>Hot</AccessTier><LeaseStatus>unlocked</LeaseStatus>"
            "<LeaseState>available</LeaseState><ServerEncrypted>true</ServerEncrypted>%s</Properties>"
            "<OrMetadata /></Blob>"
            % (name_element(name), http_date(blob.created), http_date(blob.modified), blob.etag, len(blob.data), copy)
        )

    # --- blobs --------------------------------------------------------------------------------------------

    @staticmethod
    def blob_headers(blob):
        headers = {
            "ETag": '"%s"' % blob.etag,
            "Last-Modified": http_date(blob.modified),
            "x-ms-creation-time": http_date(blob.created),
            "x-ms-blob-type": "BlockBlob",
            "Accept-Ranges": "bytes",
            "Content-Type": "application/octet-stream",
            "x-ms-server-encrypted": "true",
        }
        if blob.copy:
            headers["x-ms-copy-id"] = blob.copy["id"]
            headers["x-ms-copy-status"] = blob.copy["status"]
            headers["x-ms-copy-source"] = blob.copy["source"]
            if blob.copy.get("description"):
                headers["x-ms-copy-status-description"] = blob.copy["description"]
        return headers

    def existing_blob(self, container, name):
        blob = container.blobs.get(name)
        if blob is None:
            raise StorageError(404, "BlobNotFound", "The specified blob does not exist.")
        return blob

    @staticmethod
    def check_create_conditions(headers, existing):
        if_none_match = headers.get("if-none-match")
        if if_none_match == "*" and existing is not None:
            raise StorageError(409, "BlobAlreadyExists", "The specified blob already exists.")
        if_match = headers.get("if-match")
        if if_match is not None and (existing is None or if_match not in ("*", '"%s"' % existing.etag)):
            raise StorageError(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.")

    def put_blob(self, container_name, name, headers, body):
        if headers.get("x-ms-blob-type") != "BlockBlob":
            raise StorageError(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is not specified.")
        with self.lock:
            container = self.container(container_name)
            self.check_create_conditions(headers, container.blobs.get(name))
            blob = Blob(body)
            container.blobs[name] = blob
            return 201, {"ETag": '"%s"' % blob.etag, "Last-Modified": http_date(blob.modified)}, b""

    def get_blob(self, container_name, name, headers, head):
        with self.lock:
            container = self.container(container_name)
            blob = self.existing_blob(container, name)
            if head and blob.copy and blob.copy["status"] == "pending":
                blob.copy["polls_left"] -= 1
                if blob.copy["polls_left"] <= 0:
                    blob.copy["status"] = blob.copy["final"]
                    if blob.copy["final"] == "success":
                        blob.data = blob.copy["pending_data"]
                        blob.etag = new_etag()
                    else:
                        blob.copy["description"] = "500 InternalError \"Copy failed on the emulator's request.\""
            if_match = headers.get("if-match")
            if if_match is not None and if_match not in ("*", '"%s"' % blob.etag):
                raise StorageError(412, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.")
            data = blob.data
            response_headers = self.blob_headers(blob)
        if head:
            response_headers["Content-Length"] = str(len(data))
            return 200, response_headers, b""
        range_text = headers.get("x-ms-range") or headers.get("range")
        if range_text is None:
            return 200, response_headers, data
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", range_text)
        if match is None:
            raise StorageError(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.")
        start = int(match.group(1))
        if match.group(2) and int(match.group(2)) < start:
            raise StorageError(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.")
        if start >= len(data):
            raise StorageError(416, "InvalidRange", "The range specified is invalid for the current size of the resource.")
        end = min(int(match.group(2)), len(data) - 1) if match.group(2) else len(data) - 1
        response_headers["Content-Range"] = "bytes %d-%d/%d" % (start, end, len(data))
        return 206, response_headers, data[start : end + 1]

    def delete_blob(self, container_name, name):
        with self.lock:
            container = self.container(container_name)
            self.existing_blob(container, name)
            del container.blobs[name]
            container.uncommitted.pop(name, None)
        return 202, {}, b""

    def copy_blob(self, container_name, name, headers, authorized_by):
        source_url = headers["x-ms-copy-source"]
        parts = urlsplit(source_url)
        segments = parts.path.split("/", 3)
        if parts.scheme not in ("http", "https") or len(segments) != 4 or unquote(segments[1]) != self.account:
            raise StorageError(400, "CannotVerifyCopySource", "The source is not a blob of this account.")
        source_container, source_name = unquote(segments[2]), unquote(segments[3], errors="strict")
        source_query = parse_query(parts.query)
        if authorized_by == "sas":
            if not any(name_ == "sig" for name_, _ in source_query):
                raise StorageError(403, "CannotVerifyCopySource", "Server failed to authenticate the request.")
            self.check_sas(source_query, source_container, source_name, "r")
        with self.lock:
            destination = self.container(container_name)
            source_holder = self.containers.get(source_container)
            source = source_holder.blobs.get(source_name) if source_holder else None
            if source is None:
                raise StorageError(404, "CannotVerifyCopySource", "The specified blob does not exist.")
            copy_id = str(uuid.uuid4())
            hook = next((PENDING_POLLS[key] for key in PENDING_POLLS if key in source_name), None)
            blob = Blob(b"" if hook else source.data)
            blob.copy = {"id": copy_id, "status": "pending" if hook else "success", "source": source_url}
            if hook:
                blob.copy.update(polls_left=hook[0], final=hook[1], pending_data=source.data)
            destination.blobs[name] = blob
            status = blob.copy["status"]
            etag, modified = blob.etag, blob.modified
        return 202, {"x-ms-copy-id": copy_id, "x-ms-copy-status": status, "ETag": '"%s"' % etag,
                     "Last-Modified": http_date(modified)}, b""

    def abort_copy(self, container_name, name, params, headers):
        if headers.get("x-ms-copy-action") != "abort":
            raise StorageError(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is not specified.")
        with self.lock:
            blob = self.existing_blob(self.container(container_name), name)
            if not blob.copy or blob.copy["status"] != "pending":
                raise StorageError(409, "NoPendingCopyOperation", "There is currently no pending copy operation.")
            if blob.copy["id"] != params.get("copyid"):
                raise StorageError(409, "CopyIdMismatch", "The specified copy ID did not match the copy ID for the pending copy operation.")
            blob.copy["status"] = "aborted"
        return 204, {}, b""

    def put_block(self, container_name, name, params, body):
        block_id = params.get("blockid", "")
        try:
            decoded = base64.b64decode(block_id.encode(), validate=True)
        except binascii.Error:
            decoded = b""
        if not decoded or len(decoded) > 64:
            raise StorageError(400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in the request URI is invalid.")
        if not body:
            raise StorageError(400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.")
        with self.lock:
            container = self.container(container_name)
            staged = container.uncommitted.setdefault(name, {})
            if any(len(existing) != len(block_id) for existing in staged):
                raise StorageError(400, "InvalidBlobOrBlock", "The specified blob or block content is invalid.")
            staged[block_id] = body
        return 201, {}, b""

    def put_block_list(self, container_name, name, headers, body):
        try:
            root = ElementTree.fromstring(body)
        except ElementTree.ParseError:
            raise StorageError(400, "InvalidXmlDocument", "XML specified is not syntactically valid.")
        if root.tag != "BlockList":
            raise StorageError(400, "InvalidXmlDocument", "XML specified is not syntactically valid.")
        with self.lock:
            container = self.container(container_name)
            existing = container.blobs.get(name)
            self.check_create_conditions(headers, existing)
            staged = container.uncommitted.get(name, {})
            committed = dict(existing.blocks) if existing else {}
            blocks = []
            for element in root:
                block_id = element.text or ""
                if element.tag in ("Latest", "Uncommitted") and block_id in staged:
                    blocks.append((block_id, staged[block_id]))
                elif element.tag in ("Latest", "Committed") and block_id in committed:
                    blocks.append((block_id, committed[block_id]))
                else:
                    raise StorageError(400, "InvalidBlockList", "The specified block list is invalid.")
            blob = Blob(b"".join(data for _, data in blocks), blocks)
            container.blobs[name] = blob
            container.uncommitted.pop(name, None)
            return 201, {"ETag": '"%s"' % blob.etag, "Last-Modified": http_date(blob.modified)}, b""

    def get_block_list(self, container_name, name, params):
        kind = params.get("blocklisttype", "committed")
        with self.lock:
            container = self.container(container_name)
            blob = container.blobs.get(name)
            staged = list(container.uncommitted.get(name, {}).items())
            if blob is None and not staged:
                raise StorageError(404, "BlobNotFound", "The specified blob does not exist.")
            committed = list(blob.blocks) if blob else []

        def blocks(items):
            return "".join("<Block><Name>%s</Name><Size>%d</Size></Block>" % (escape(i), len(d)) for i, d in items)

        body = '<?xml version="1.0" encoding="utf-8"?><BlockList>'
        if kind in ("committed", "all"):
            body += "<CommittedBlocks>%s</CommittedBlocks>" % blocks(committed)
        if kind in ("uncommitted", "all"):
            body += "<UncommittedBlocks>%s</UncommittedBlocks>" % blocks(staged)
        body += "</BlockList>"
        return 200, {"Content-Type": "application/xml"}, body.encode()

    # --- dispatch -----------------------------------------------------------------------------------------

    def handle(self, method, raw_target, headers, body):
        raw_path, _, raw_query = raw_target.partition("?")
        try:
            query = parse_query(raw_query)
            segments = raw_path.split("/", 3)
            account = unquote(segments[1]) if len(segments) > 1 else ""
            container = unquote(segments[2]) if len(segments) > 2 else ""
            blob = unquote(segments[3], errors="strict") if len(segments) > 3 and segments[3] else None
        except UnicodeDecodeError:
            raise StorageError(400, "InvalidUri", "The requested URI does not represent any resource on the server.")
        if account != self.account or not container:
            raise StorageError(400, "InvalidUri", "The requested URI does not represent any resource on the server.")
        params = dict(query)
        comp = params.get("comp")
        if blob is None:
            if params.get("restype") != "container":
                raise StorageError(400, "InvalidQueryParameterValue", "Only container operations are supported here.")
            if method == "PUT" and comp is None:
                self.authorize(method, raw_target, headers, query, container, None, "")
                return self.create_container(container, headers)
            if method == "GET" and comp == "list":
                self.authorize(method, raw_target, headers, query, container, None, "l")
                return self.list_blobs(container, params)
            if method in ("GET", "HEAD") and comp is None:
                self.authorize(method, raw_target, headers, query, container, None, "r")
                with self.lock:
                    self.container(container)
                return 200, {}, b""
            if method == "DELETE" and comp is None:
                self.authorize(method, raw_target, headers, query, container, None, "")
                with self.lock:
                    self.container(container)
                    del self.containers[container]
                return 202, {}, b""
            raise StorageError(400, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.")
        if method in ("GET", "HEAD") and comp is None:
            self.authorize(method, raw_target, headers, query, container, blob, "r")
            return self.get_blob(container, blob, headers, head=method == "HEAD")
        if method == "GET" and comp == "blocklist":
            self.authorize(method, raw_target, headers, query, container, blob, "r")
            return self.get_block_list(container, blob, params)
        if method == "DELETE" and comp is None:
            self.authorize(method, raw_target, headers, query, container, blob, "d")
            return self.delete_blob(container, blob)
        if method == "PUT" and comp == "block":
            self.authorize(method, raw_target, headers, query, container, blob, "wc")
            return self.put_block(container, blob, params, body)
        if method == "PUT" and comp == "blocklist":
            self.authorize(method, raw_target, headers, query, container, blob, "wc")
            return self.put_block_list(container, blob, headers, body)
        if method == "PUT" and comp == "copy":
            self.authorize(method, raw_target, headers, query, container, blob, "w")
            return self.abort_copy(container, blob, params, headers)
        if method == "PUT" and comp is None and "x-ms-copy-source" in headers:
            authorized_by = self.authorize(method, raw_target, headers, query, container, blob, "wc")
            return self.copy_blob(container, blob, headers, authorized_by)
        if method == "PUT" and comp is None:
            self.authorize(method, raw_target, headers, query, container, blob, "wc")
            return self.put_blob(container, blob, headers, body)
        raise StorageError(400, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.")


def make_handler(emulator, verbose):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "LaminarAzureBlobEmulator/1.0"

        def log_message(self, format, *args):  # noqa: A002 - the base class's signature
            if verbose:
                super().log_message(format, *args)

        def serve(self, method):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {name.lower(): value for name, value in self.headers.items()}
            request_id = str(uuid.uuid4())
            try:
                status, response_headers, payload = emulator.handle(method, self.path, headers, body)
            except StorageError as error:
                status = error.status
                detail = (
                    "<AuthenticationErrorDetail>%s</AuthenticationErrorDetail>" % escape(error.detail)
                    if error.detail else ""
                )
                payload = (
                    '<?xml version="1.0" encoding="utf-8"?><Error><Code>%s</Code><Message>%s\nRequestId:%s\n'
                    "Time:%s</Message>%s</Error>"
                    % (error.code, escape(error.message), request_id,
                       datetime.datetime.now(datetime.timezone.utc).isoformat(), detail)
                ).encode()
                response_headers = {"x-ms-error-code": error.code, "Content-Type": "application/xml"}
            self.send_response(status)
            response_headers.setdefault("Content-Length", str(len(payload)))
            for name, value in response_headers.items():
                self.send_header(name, value)
            self.send_header("x-ms-request-id", request_id)
            self.send_header("x-ms-version", headers.get("x-ms-version", "2023-11-03"))
            self.send_header("Date", http_date(time.time()))
            self.end_headers()
            if method != "HEAD" and payload:
                self.wfile.write(payload)

        def do_GET(self):
            self.serve("GET")

        def do_HEAD(self):
            self.serve("HEAD")

        def do_PUT(self):
            self.serve("PUT")

        def do_DELETE(self):
            self.serve("DELETE")

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--account", default=AZURITE_ACCOUNT)
    parser.add_argument("--key", default=AZURITE_KEY)
    parser.add_argument("--bearer-token")
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    if arguments.host not in ("127.0.0.1", "localhost", "::1"):
        parser.error("the emulator listens on loopback only")
    emulator = Emulator(arguments.account, arguments.key, arguments.bearer_token)
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer((arguments.host, arguments.port), make_handler(emulator, arguments.verbose))
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
