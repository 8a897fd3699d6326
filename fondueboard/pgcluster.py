"""A throwaway PostgreSQL cluster for the test suite and the benchmark: initdb in a temporary
folder, started on a free loopback port, removed afterwards. PostgreSQL refuses to run as root,
so as root the server runs as an unprivileged user (postgres, else a system user we create)."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

# Durability off: a throwaway cluster never has to survive a crash, and tests run faster.
THROWAWAY_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
                      "max_connections": "200"}


class ClusterUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def server_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _unprivileged_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "fondueboard"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "fondueboard"], check=True)
    return "fondueboard"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_cluster(settings: dict[str, str] | None = None) -> Iterator[str]:
    """Yields the URL (without database name) of a fresh cluster; stops and deletes it on exit."""
    bindir = server_bindir()
    if bindir is None:
        raise ClusterUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql")
    user = _unprivileged_user()
    base = Path(tempfile.mkdtemp(prefix="fondueboard-pg-"))
    base.chmod(0o755)
    data, log = base / "data", base / "server.log"
    if user:
        shutil.chown(base, user)
    prefix = ["runuser", "-u", user, "--"] if user else []

    def run(*args):
        subprocess.run(prefix + [str(a) for a in args], check=True, capture_output=True, text=True)

    port = _free_port()
    options = " ".join(f"-c {k}={v}" for k, v in {**THROWAWAY_SETTINGS, **(settings or {})}.items())
    run(bindir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")
    run(bindir / "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "start", "-o",
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 {options}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    """Create database `name` (our own identifier, never user input) and return its URL."""
    from sqlalchemy import create_engine, text

    admin = create_engine(f"{server_url}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\''))
    admin.dispose()
    return f"{server_url}/{name}"
