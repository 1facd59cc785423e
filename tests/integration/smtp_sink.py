"""smtp_sink.py: a real SMTP server for the alerts' tests (Debian's python3-aiosmtpd), started by a test
through harness.spawn:

    /usr/bin/python3 smtp_sink.py PORT FOLDER

It listens on 127.0.0.1:PORT and writes each message it accepts to FOLDER as <arrival ns>-<n>.eml, whole
(tmp file, then rename, so a reader never sees half a message), with the envelope's recipient in the name's
.rcpt twin. A recipient whose local part starts with "reject" is refused with 550 (a permanent failure).
With SINK_LOGIN=user:password in the environment it requires that login (AUTH PLAIN or LOGIN, without TLS:
the relay is on loopback)."""
import asyncio
import itertools
import os
import sys
import time

from aiosmtpd.smtp import SMTP, AuthResult

PORT, FOLDER = int(sys.argv[1]), sys.argv[2]
COUNT = itertools.count(1)


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 <%s>: recipient refused by the test" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%d-%d" % (time.time_ns(), next(COUNT))
        tmp = os.path.join(FOLDER, "." + name)
        with open(tmp + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos))
        os.rename(tmp + ".rcpt", os.path.join(FOLDER, name + ".rcpt"))
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(tmp, os.path.join(FOLDER, name + ".eml"))
        return "250 Message accepted for delivery"


async def main():
    loop = asyncio.get_running_loop()
    login = os.environ.get("SINK_LOGIN")
    options = {}
    if login:
        def check(server, session, envelope, mechanism, auth_data):
            user = auth_data.login.decode() if isinstance(auth_data.login, bytes) else auth_data.login
            password = auth_data.password.decode() if isinstance(auth_data.password, bytes) else auth_data.password
            return AuthResult(success=f"{user}:{password}" == login, handled=False)
        options = {"authenticator": check, "auth_required": True, "auth_require_tls": False}
    server = await loop.create_server(lambda: SMTP(Handler(), hostname="sink.test", **options), "127.0.0.1", PORT)
    async with server:
        await server.serve_forever()


asyncio.run(main())
