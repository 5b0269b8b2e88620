"""Writing reports and baselines: whole or not at all, and never over an input.

Owns: the atomic write (a temporary file in the target's folder, renamed over the target, so a
kill during the write leaves the previous report in place) and the check that an output path is
not one of the files the run reads.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator

from .source.files import real_path, resolving


class OutputError(Exception):
    """An output that cannot or must not be written: a usage error (exit code 2)."""


def batched(text: str | Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """A report given whole or in pieces (a reporter that encodes as it goes), as strings of
    about `size` characters at least: one write each, however small the pieces."""
    if isinstance(text, str):
        yield text
        return
    held: list[str] = []
    count = 0
    for piece in text:
        held.append(piece)
        count += len(piece)
        if count >= size:
            yield "".join(held)
            held, count = [], 0
    if held:
        yield "".join(held)


def write_atomic(path: str | os.PathLike, text: str | Iterable[str]) -> None:
    """Write `text` (UTF-8; a string or its pieces, see `batched`) to `path` through a temporary
    file renamed over it. A target that exists and is not a regular file (`/dev/stdout`, a pipe)
    is written to as it is."""
    target = os.path.realpath(path)  # through a symbolic link, as a plain write would go
    folder = os.path.dirname(target) or "."
    try:
        st = os.stat(target)
        if not stat.S_ISREG(st.st_mode):
            with open(target, "w", encoding="utf-8", newline="") as out:
                for piece in batched(text):
                    out.write(piece)
            return
        mode = st.st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    import tempfile  # only when a report is written to a file
    fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                                     dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            for piece in batched(text):
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def refuse_inputs(outputs: list[str], inputs: list[str]) -> None:
    """Raise OutputError if an output path is one of the run's input files: the same path after
    symbolic links, or (an output that exists) the same file by device and inode."""
    if not outputs:
        return
    with resolving():  # the inputs' folders resolved once
        _refuse_inputs(outputs, inputs)


def _refuse_inputs(outputs: list[str], inputs: list[str]) -> None:
    real = {real_path(i): i for i in inputs}
    for out in outputs:
        hit = real.get(real_path(out))
        if hit is None:
            try:
                st = os.stat(out)
            except OSError:
                st = None  # it does not exist: no other path names it
            if st is not None:
                hit = next((i for i in inputs if _inode(i) == (st.st_dev, st.st_ino)), None)
        if hit is not None:
            raise OutputError(f"{out}: is one of the files being linted or read; armlint never "
                              f"writes to its inputs (choose another output path)")


def _inode(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino
