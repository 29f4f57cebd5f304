#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for Kontakt's tests (aiosmtpd), with STARTTLS, AUTH and faults.

Every accepted message is written to SPOOL as N.eml (the bytes received) and N.json (the
envelope and the reply given). The server prints "PORT n" once it listens and stops when its
standard input closes, so it never outlives the test that started it.

Faults are chosen by the recipient's local part, so one server serves a whole test:
  rcpt450-…  RCPT answered 450          rcpt550-…  RCPT answered 550
  data451-…  DATA answered 451          data554-…  DATA answered 554
  drop-…     the connection is closed once the message's data has arrived, before the reply
  middrop-…  the connection is closed in the middle of the message's data
  slow-…     the reply to DATA comes after --slow seconds
--greeting-421 N answers the first N connections with 421 and closes them.
--idle-timeout S closes connections idle for S seconds (--idle-421: saying 421 first).
--flaky P answers that share of messages 451 or drops the connection before replying (never storing them).
"""
import argparse
import asyncio
import base64
import itertools
import json
import logging
import os
import random
import socket
import ssl
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Spool:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    def store(self, envelope, reply):
        with self.lock:
            number = next(self.counter)
        with open(os.path.join(self.folder, f"{number}.eml"), "wb") as out:
            out.write(envelope.original_content)
        with open(os.path.join(self.folder, f"{number}.json"), "w") as out:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "reply": reply}, out)


class Handler:
    def __init__(self, spool, options):
        self.spool = spool
        self.options = options
        self.queued = itertools.count(1)
        self.random = random.Random(options.seed)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("rcpt450-"):
            return "450 4.2.1 Mailbox busy, try later"
        if local.startswith("rcpt550-"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        locals_ = [to.split("@")[0].lower() for to in envelope.rcpt_tos]
        if any(l.startswith("data451-") for l in locals_):
            return "451 4.3.0 Temporary failure, try later"
        if any(l.startswith("data554-") for l in locals_):
            return "554 5.7.1 Message refused as spam"
        if any(l.startswith("drop-") for l in locals_):
            server.transport.close()
            return None
        if any(l.startswith("slow-") for l in locals_):
            await asyncio.sleep(self.options.slow)
        if self.options.flaky and self.random.random() < self.options.flaky:
            if self.random.random() < 0.5:
                return "451 4.3.0 Flaky server, try later"
            server.transport.close()
            return None
        reply = f"250 2.0.0 Ok: queued as K{next(self.queued):06d}"
        self.spool.store(envelope, reply)
        return reply

    async def auth_XOAUTH2(self, server, args):
        if len(args) > 1:
            response = base64.b64decode(args[1])
        else:
            response = await server.challenge_auth("", encode_to_b64=False)
            if response is server.AuthCommand.CANCELLED if hasattr(server, "AuthCommand") else False:
                return AuthResult(success=False, handled=False)
        fields = dict(part.split("=", 1) for part in response.decode().split("\x01") if "=" in part)
        expected_user, expected_token = self.options.xoauth2.split(":", 1)
        if fields.get("user") == expected_user and fields.get("auth") == f"Bearer {expected_token}":
            return AuthResult(success=True, auth_data=expected_user)
        return AuthResult(success=False, handled=False)


class FaultySMTP(SMTP):
    """Answers the first connections with 421 when asked to."""
    refusals_left = 0

    refused = False

    def connection_made(self, transport):
        if FaultySMTP.refusals_left > 0:
            FaultySMTP.refusals_left -= 1
            self.refused = True
            transport.write(b"421 4.3.2 Too busy, come back later\r\n")
            transport.close()
            return
        super().connection_made(transport)

    idle_421 = False

    def _timeout_cb(self):
        if FaultySMTP.idle_421:
            self.transport.write(b"421 4.4.2 Idle too long, closing connection\r\n")
        self.transport.close()

    def connection_lost(self, error):
        if not self.refused:
            super().connection_lost(error)

    async def smtp_DATA(self, arg):
        if any(to.split("@")[0].lower().startswith("middrop-") for to in self.envelope.rcpt_tos):
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            await self._reader.readuntil(b"\r\n")  # the first line of the message, then gone
            self.transport.close()
            return
        await super().smtp_DATA(arg)


class FaultyController(Controller):
    def factory(self):
        return FaultySMTP(self.handler, **self.SMTP_kwargs)


def main():
    # The faults above close connections under aiosmtpd's feet on purpose: its tracebacks about
    # them are expected, and a test run's output stays quiet.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    # Some tests ask for AUTH without TLS on purpose: to prove Kontakt refuses to send a
    # password in clear. aiosmtpd's warning about that setup is expected.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps://) instead of STARTTLS")
    parser.add_argument("--auth", help="USER:PASSWORD accepted by PLAIN and LOGIN")
    parser.add_argument("--xoauth2", help="USER:TOKEN accepted by XOAUTH2")
    parser.add_argument("--slow", type=float, default=3.0)
    parser.add_argument("--greeting-421", type=int, default=0)
    parser.add_argument("--flaky", type=float, default=0.0, help="this share of messages is answered 451 or dropped before the reply, not stored")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--idle-timeout", type=float, help="close a connection idle this many seconds")
    parser.add_argument("--idle-421", action="store_true", help="say 421 before closing an idle connection")
    options = parser.parse_args()

    def authenticator(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and options.auth:
            user, password = options.auth.split(":", 1)
            # handled=False: aiosmtpd then answers a failure with 535 itself.
            return AuthResult(success=auth_data.login.decode() == user and auth_data.password.decode() == password, handled=False)
        return AuthResult(success=False, handled=False)

    kwargs = {}
    controller_kwargs = {}
    if options.idle_timeout:
        kwargs["timeout"] = options.idle_timeout
        FaultySMTP.idle_421 = options.idle_421
    if options.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*options.tls)
        if options.implicit_tls:
            controller_kwargs["ssl_context"] = context
        else:
            kwargs["tls_context"] = context
            kwargs["require_starttls"] = options.require_starttls
    if options.auth or options.xoauth2:
        kwargs["authenticator"] = authenticator
        kwargs["auth_required"] = True
        kwargs["auth_require_tls"] = bool(options.tls) and not options.implicit_tls
    port = free_port()
    controller = FaultyController(Handler(Spool(options.spool), options), hostname="127.0.0.1", port=port, **controller_kwargs, **kwargs)
    controller.start()
    # Set after start: the controller's own readiness probe is a connection too.
    FaultySMTP.refusals_left = options.greeting_421
    print(f"PORT {port}", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
