"""smtp_sink.py: a real SMTP server for the alerts' tests (Debian's python3-aiosmtpd), started by a test
through harness.spawn:

    /usr/bin/python3 smtp_sink.py PORT FOLDER

It listens on 127.0.0.1:PORT and writes each message it accepts to FOLDER as <arrival ns>-<n>.eml, whole
(tmp file, then rename, so a reader never sees half a message), with the envelope's recipient in the name's
.rcpt twin. A recipient whose local part starts with "reject" is refused with 550 (a permanent failure)."""
import asyncio
import itertools
import os
import sys
import time

from aiosmtpd.smtp import SMTP

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
    server = await loop.create_server(lambda: SMTP(Handler(), hostname="sink.test"), "127.0.0.1", PORT)
    async with server:
        await server.serve_forever()


asyncio.run(main())
