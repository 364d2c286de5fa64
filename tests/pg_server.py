"""A throwaway PostgreSQL server for the store tests, from Debian's binaries.

``start()`` finds ``initdb``/``pg_ctl`` under ``/usr/lib/postgresql/*/bin``, creates a
cluster in a fresh temporary folder, and starts it on a free loopback port (as the
``postgres`` user when we are root: the server refuses to run as root). ``stop()`` ends
it and removes the folder. Tests skip, saying why, only when the binaries are absent.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Server:
    """A running server: its folder, port and the command prefix to act as its owner."""

    folder: Path
    port: int
    bindir: Path
    as_user: list[str]

    def url(self, dbname: str = "postgres") -> str:
        """Return the connection URL of database ``dbname``."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        """Stop the server and delete its cluster."""
        subprocess.run(
            [*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"),
             "-m", "immediate", "stop"],
            capture_output=True, check=False, timeout=60,
        )  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def find_bindir() -> Path | None:
    """Return the newest ``/usr/lib/postgresql/<v>/bin`` holding initdb and pg_ctl, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)  # fmt: skip
    for initdb in reversed(found):
        bindir = Path(initdb).parent
        if (bindir / "pg_ctl").exists():
            return bindir
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start() -> Server:
    """Return a started server (raises RuntimeError with the server's log if it fails)."""
    bindir = find_bindir()
    if bindir is None:
        raise FileNotFoundError("no /usr/lib/postgresql/*/bin/initdb")
    folder = Path(tempfile.mkdtemp(prefix="newsevents-pg-", dir="/tmp"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        owner = "postgres"
        try:
            pw = pwd.getpwnam(owner)
        except KeyError:
            owner, pw = "nobody", pwd.getpwnam("nobody")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", owner, "--"]
    data = folder / "data"
    run = [*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
           "-E", "UTF8", "--no-sync"]  # fmt: skip
    subprocess.run(run, capture_output=True, check=True, timeout=120)
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    proc = subprocess.run(
        [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
         "-l", str(folder / "log"), "-w", "-t", "60", "start"],
        capture_output=True, text=True, check=False, timeout=90,
    )  # fmt: skip
    if proc.returncode != 0:
        log = (folder / "log").read_text() if (folder / "log").exists() else proc.stderr
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {log[-2000:]}")
    return Server(folder, port, bindir, as_user)
