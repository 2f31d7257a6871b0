"""Refuse and record every socket to another machine: in a test's own process, and in a server it starts.

Sockets are blocked at the lowest level Python offers (socket.socket.connect, connect_ex,
sendto and sendmsg, socket.create_connection, and name lookups through getaddrinfo and
gethostbyname) for any address that is not this machine.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

SITECUSTOMIZE = '''"""Loaded at interpreter start (PYTHONPATH): refuse and log any socket to another machine."""
import os
from tests.support.network import NetworkBlock
NetworkBlock(os.environ["NETWORK_BLOCK_LOG"]).install()
'''
"""A sitecustomize.py for a server's PYTHONPATH (see `blocked_env`)."""


def blocked_env(workdir: Path, log: Path) -> dict[str, str]:
    """Environment for a process that must reach no other machine: its attempts are written to `log`."""
    (workdir / "sitecustomize.py").write_text(SITECUSTOMIZE)
    paths = [str(workdir), str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH", "")]
    return {"PYTHONPATH": os.pathsep.join(filter(None, paths)), "NETWORK_BLOCK_LOG": str(log)}


def local(host: object) -> bool:
    """Whether an address or host name is this machine (loopback, a Unix socket, or unset)."""
    if host is None or host == b"":
        return True
    if isinstance(host, bytes | bytearray):
        host = host.decode(errors="replace")
    host = str(host).strip("[]").lower()
    if host in ("", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


class NetworkBlock:
    """Refuses and records every attempt to reach another machine (also appended to `log` when given)."""

    def __init__(self, log: str | Path | None = None) -> None:
        self.attempts: list[str] = []
        self.log = log
        self._saved: list[tuple[object, str, object]] = []

    def _refuse(self, what: str, target: object) -> None:
        self.attempts.append(f"{what} {target!r}")
        if self.log is not None:
            with open(self.log, "a") as log:
                log.write(f"{what} {target!r}\n")
        raise OSError(f"network blocked by the test: {what} {target!r}")

    def _check_address(self, what: str, sock: socket.socket, address: Any) -> None:
        if getattr(sock, "family", None) == getattr(socket, "AF_UNIX", None):
            return
        host = address[0] if isinstance(address, tuple) else address
        if not local(host):
            self._refuse(what, address)

    def _patch(self, owner: object, name: str, make: Callable[[Any], Any]) -> None:
        original = getattr(owner, name)
        self._saved.append((owner, name, original))
        setattr(owner, name, make(original))

    def install(self) -> NetworkBlock:
        block = self

        def guard_connect(original: Any) -> Any:
            def connect(sock: socket.socket, address: Any, *args: Any, **kwargs: Any) -> Any:
                block._check_address("connect", sock, address)
                return original(sock, address, *args, **kwargs)

            return connect

        def guard_sendto(original: Any) -> Any:
            def sendto(sock: socket.socket, data: bytes, *args: Any) -> Any:
                block._check_address("sendto", sock, args[-1] if args else None)
                return original(sock, data, *args)

            return sendto

        def guard_sendmsg(original: Any) -> Any:
            def sendmsg(
                sock: socket.socket, buffers: Any, ancdata: Any = (), flags: int = 0, address: Any = None
            ) -> Any:
                if address is not None:
                    block._check_address("sendmsg", sock, address)
                    return original(sock, buffers, ancdata, flags, address)
                return original(sock, buffers, ancdata, flags)

            return sendmsg

        def guard_create_connection(original: Any) -> Any:
            def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
                if not local(address[0]):
                    block._refuse("create_connection", address)
                return original(address, *args, **kwargs)

            return create_connection

        def guard_lookup(what: str) -> Callable[[Any], Any]:
            def make(original: Any) -> Any:
                def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
                    if not local(host):
                        block._refuse(what, host)
                    return original(host, *args, **kwargs)

                return lookup

            return make

        self._patch(socket.socket, "connect", guard_connect)
        self._patch(socket.socket, "connect_ex", guard_connect)
        self._patch(socket.socket, "sendto", guard_sendto)
        self._patch(socket.socket, "sendmsg", guard_sendmsg)
        self._patch(socket, "create_connection", guard_create_connection)
        self._patch(socket, "getaddrinfo", guard_lookup("getaddrinfo"))
        self._patch(socket, "gethostbyname", guard_lookup("gethostbyname"))
        self._patch(socket, "gethostbyname_ex", guard_lookup("gethostbyname_ex"))
        return self

    def uninstall(self) -> None:
        while self._saved:
            owner, name, original = self._saved.pop()
            setattr(owner, name, original)
