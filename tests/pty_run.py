"""Run the installed `nerlibya` command (the console script beside this Python) as a user at a terminal does:
stdin and stderr a pseudo-terminal of a given size that is the process's controlling terminal, stdout the same
terminal, a pipe or a file; Ctrl-C typed on the terminal (the tty driver sends SIGINT to the whole foreground
process group, workers included)."""

from __future__ import annotations

import fcntl
import os
import re
import selectors
import shutil
import struct
import subprocess
import sys
import termios
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
NERLIBYA = str(Path(sys.executable).parent / "nerlibya")
SHELL = shutil.which("bash") or "/bin/sh"


@dataclass
class Seen:
    stdout: str  # what reached a pipe or a file ("" when stdout was the terminal)
    terminal: str  # everything the terminal received (stdout too, when stdout was the terminal)
    code: int


def _controlling_terminal() -> None:  # in the child: a session of its own, whose terminal is its stdin
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def run(command: str, stdout: str = "pipe", columns: int = 80, cwd: Path = ROOT, interrupt_when: Optional[str] = None,
        interrupt_after: float = 0.0, timeout: float = 180, env: Optional[dict] = None) -> Seen:
    """`command`, a shell command line (README's own words, `nerlibya` being the installed script), with stdout
    `"terminal"`, `"pipe"` or a file path. `interrupt_when`: type Ctrl-C `interrupt_after` seconds after the
    terminal first shows this text."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    out_file = open(stdout, "wb") if stdout not in ("pipe", "terminal") else None
    target = slave if stdout == "terminal" else (out_file or subprocess.PIPE)
    environment = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm-256color",
                   "PATH": f"{Path(NERLIBYA).parent}{os.pathsep}{os.environ.get('PATH', '')}", **(env or {})}
    for variable in ("NO_COLOR", "FORCE_COLOR", "CI", "PYTEST_CURRENT_TEST"):
        environment.pop(variable, None)
    process = subprocess.Popen([SHELL, "-c", command], stdin=slave, stdout=target, stderr=slave, cwd=cwd,
                               env=environment, preexec_fn=_controlling_terminal, close_fds=True)
    os.close(slave)
    if out_file:
        out_file.close()
    try:
        terminal, piped = _collect(process, master, interrupt_when, interrupt_after, timeout)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    if out_file:
        piped = Path(stdout).read_bytes()
    return Seen(piped.decode("utf-8", "replace"), terminal.decode("utf-8", "replace"), process.wait())


def _collect(process: subprocess.Popen, master: int, interrupt_when: Optional[str], interrupt_after: float,
             timeout: float):
    terminal, piped = bytearray(), bytearray()
    selector = selectors.DefaultSelector()
    selector.register(master, selectors.EVENT_READ)
    if process.stdout is not None:
        selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    open_streams, interrupt_at = len(selector.get_map()), None
    while open_streams and time.monotonic() < deadline:
        if interrupt_at is not None and time.monotonic() >= interrupt_at:
            os.write(master, b"\x03")  # Ctrl-C, as typed: SIGINT to the whole foreground process group
            interrupt_at = None
        for key, _ in selector.select(timeout=0.1):
            try:
                chunk = os.read(key.fd, 65536)
            except OSError:  # EIO: every writer of the terminal has closed it
                chunk = b""
            if not chunk:
                selector.unregister(key.fileobj)
                open_streams -= 1
                continue
            (terminal if key.fd == master else piped).extend(chunk)
            if interrupt_when and interrupt_when.encode() in terminal:
                interrupt_at, interrupt_when = time.monotonic() + interrupt_after, None
    selector.close()
    if process.stdout is not None:
        process.stdout.close()
    return bytes(terminal), bytes(piped)


_SEQUENCE = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|[\r\n]|[^\x1b\r\n]+")


def screen(terminal: str) -> list[str]:
    """The lines a user reads once the command is over: the terminal's output replayed through the few
    controls rich writes (carriage return, new line, cursor up, erase line, colours), scrollback included."""
    lines, row, column = [""], 0, 0
    for match in _SEQUENCE.finditer(terminal):
        text, (argument, command) = match.group(0), match.groups()[:2]
        if text == "\r":
            column = 0
        elif text == "\n":
            row += 1
            lines += [""] * (row + 1 - len(lines))
        elif command == "A":
            row = max(0, row - int(argument or 1))
        elif command == "K":
            lines[row] = lines[row][:column] if argument in ("", "0") else ""
        elif command is None and not text.startswith("\x1b"):
            line = lines[row].ljust(column)
            lines[row] = line[:column] + text + line[column + len(text):]
            column += len(text)
    return [line.rstrip() for line in lines]
