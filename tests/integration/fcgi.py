"""fcgi.py: a minimal FastCGI client, to talk to `pressroom serve` directly with parameters a test chooses
(HTTPS=on, no nginx in between). One request per connection, as nginx does without fastcgi_keep_conn."""
import socket
import struct

BEGIN, END, PARAMS, STDIN, STDOUT, STDERR = 1, 3, 4, 5, 6, 7


def _record(kind, content, request_id=1):
    return struct.pack(">BBHHBx", 1, kind, request_id, len(content), 0) + content


def _pair(name, value):
    out = b""
    for s in (name, value):
        out += bytes([len(s)]) if len(s) < 128 else struct.pack(">I", len(s) | 0x80000000)
    return out + name + value


def request(socket_path, params, body=b""):
    """Send one request; returns (status, headers as a dict with lower-case names, body bytes)."""
    encoded = b"".join(_pair(k.encode(), v.encode()) for k, v in params.items())
    data = _record(BEGIN, struct.pack(">HB5x", 1, 0))  # responder role, close after
    data += _record(PARAMS, encoded) + _record(PARAMS, b"")
    for i in range(0, len(body), 32768):
        data += _record(STDIN, body[i:i + 32768])
    data += _record(STDIN, b"")
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(10)
        s.connect(socket_path)
        s.sendall(data)
        chunks = []
        while True:
            c = s.recv(65536)
            if not c:
                break
            chunks.append(c)
    raw, stdout = b"".join(chunks), b""
    while len(raw) >= 8:
        _, kind, _, length, padding = struct.unpack(">BBHHB", raw[:7])
        if kind == STDOUT:
            stdout += raw[8:8 + length]
        raw = raw[8 + length + padding:]
    head, _, payload = stdout.partition(b"\r\n\r\n")
    headers = {}
    for line in head.decode("latin-1").split("\r\n"):
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), []).append(value.strip())
    status = int(headers.get("status", ["200"])[0].split()[0])
    return status, headers, payload
