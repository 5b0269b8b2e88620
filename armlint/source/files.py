"""Reading files safely: regular files only, never blocking, never past a size limit, and (for
files that a scanned repository names) never outside the project.

Owns: `read_file` (the one way armlint reads an input file's bytes), `Confinement` (the folders a
file named by a template or a configuration file may lie in, after symlinks are resolved) and
`project_root` (the folder of the configuration file, or the version-control root, else the linted
path). A refusal is a `ReadRefused` whose message says why in words a person understands ("outside
the project", "not a regular file", "over the size limit"); callers turn it into a finding or a
usage error. Paths a user gives on the command line are trusted and read without confinement.

Also owns the record of what a lint looked at (`recording`): while one is open, every read (with
a digest of the bytes or the refusal), every symbolic-link resolution of a confined path, every
size and type check and every existence test is noted, so that the result cache can tell later,
without linting, whether the same files would be read with the same bytes.
"""
from __future__ import annotations

import errno
import os
import stat
from contextlib import contextmanager
from pathlib import Path

from .recent import Recent

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 64 * MB  # a linted, parameter, configuration or rule file
# Files Bicep's load*() functions read: the compiler's own limits (characters; the bytes of
# UTF-8 text are at most four times as many, and the decoded text is checked again by the caller).
LOAD_TEXT_CHARS = 131_072  # loadTextContent
LOAD_JSON_CHARS = 1_048_576  # loadJsonContent, loadYamlContent
LOAD_BASE64_BYTES = 96 * 1024  # loadFileAsBase64

_VCS_MARKERS = (".git", ".hg", ".svn", ".jj", ".bzr")


class ReadRefused(Exception):
    """A file armlint will not read; `reason` is the sentence to show."""

    def __init__(self, reason: str, missing: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.missing = missing  # the file does not exist (callers may treat that more gently)


def _os_refusal(exc: OSError) -> ReadRefused:
    return ReadRefused(f"cannot read the file: {exc.strerror}",
                       missing=exc.errno in (errno.ENOENT, errno.ENOTDIR))


def size_text(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.1f} KB".replace(".0 KB", " KB")
    return f"{n} bytes"


# --- what a lint looked at ---------------------------------------------------------------------
# Each open recording maps an observation to what was seen: ("read", path, max_bytes) -> "h:" and
# the bytes' digest or "x:" and the refusal; ("real", path) -> the resolved path; ("stat", path,
# max_bytes) -> "" or the refusal; ("exists", path) -> "1" or "0"; ("text", path) -> the digest of
# the decoded text (`text_digest`); ("clock", "") -> what no observation gives (`clock`).
# Recordings nest: an observation goes to every open one.
_RECORDINGS: list[dict] = []


@contextmanager
def recording():
    """Note what is looked at until the block ends; yields the dict the observations go to."""
    seen: dict = {}
    _RECORDINGS.append(seen)
    try:
        yield seen
    finally:
        # by identity: list.remove would take the first recording that is equal (two empty ones)
        for i in range(len(_RECORDINGS) - 1, -1, -1):
            if _RECORDINGS[i] is seen:
                del _RECORDINGS[i]
                break


def clock() -> None:
    """Note that what is being linted depends on the time it is linted at (a rule or policy that
    compares a date with now): no record of it is used again (a cached result, a replayed run),
    as `observe` never gives back what is noted here."""
    if _RECORDINGS:
        note(("clock", ""), "\0the time of the run")


def note(key: tuple, outcome: str) -> None:
    for seen in _RECORDINGS:
        seen[key] = outcome


def note_all(observations: dict) -> None:
    """Observations made earlier (a module read once per run) that the open recordings depend on
    too."""
    for seen in _RECORDINGS:
        seen.update(observations)


def digest(data: bytes) -> str:
    from .hashes import blake2b
    return blake2b(data, digest_size=16).hexdigest()


def text_digest(path: Path | str) -> str:
    """The digest of a file's decoded text ("x:" and the reason when it cannot be read): what a
    module read once per run gives every file that uses it."""
    from .text import DecodeError, decode
    try:
        return "t:" + digest(decode(_read(path, DEFAULT_MAX_BYTES)).text.encode(
            "utf-8", "surrogatepass"))
    except ReadRefused as exc:
        return "x:" + exc.reason
    except DecodeError as exc:
        return "x:" + exc.message


def exists(path: Path | str) -> bool:
    """`os.path.lexists`, noted in the open recordings."""
    found = os.path.lexists(path)
    if _RECORDINGS:
        note(("exists", os.path.abspath(path)), "1" if found else "0")
    return found


def observe(key: tuple) -> str:
    """What an observation gives now (see the recordings above), for a cached result's check."""
    kind, path = key[0], key[1]
    if kind == "read":
        try:
            return "h:" + digest(_read(path, key[2]))
        except ReadRefused as exc:
            return "x:" + exc.reason
    if kind == "real":
        return real_path(path)
    if kind == "stat":
        try:
            _stat_ok(path, key[2])
            return ""
        except ReadRefused as exc:
            return exc.reason
    if kind == "exists":
        return "1" if os.path.lexists(path) else "0"
    if kind == "text":
        return text_digest(path)
    return "\0unknown"  # an observation this version does not know: never equal


def read_file(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. Devices, FIFOs, sockets and folders
    are refused without being opened for long (opening is non-blocking), so nothing can hang or
    stream forever; a file over the limit is refused before it is read."""
    if not _RECORDINGS:
        return _read(path, max_bytes)
    key = ("read", os.path.abspath(path), max_bytes)
    try:
        data = _read(path, max_bytes)
    except ReadRefused as exc:
        note(key, "x:" + exc.reason)
        raise
    note(key, "h:" + digest(data))
    return data


def _read(path: Path | str, max_bytes: int) -> bytes:
    _stat_ok(path, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | \
        getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadRefused(f"cannot read the file: {exc.strerror}") from None
    try:
        st = os.fstat(fd)  # the file opened, which a rename after the stat could have changed
        _check_regular(st)
        _check_size(st.st_size, max_bytes)
        chunks = []
        left = max_bytes + 1  # a file that grows past the limit while it is read is refused too
        while left > 0:
            chunk = os.read(fd, min(left, 4 * MB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except BlockingIOError:
        raise ReadRefused("not a regular file") from None
    except OSError as exc:
        raise ReadRefused(f"cannot read the file: {exc.strerror}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    _check_size(len(data), max_bytes)
    return data


def _stat_ok(path: Path | str, max_bytes: int) -> None:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _os_refusal(exc) from None
    _check_regular(st)
    _check_size(st.st_size, max_bytes)


def _check_regular(st: os.stat_result) -> None:
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ReadRefused("a folder, not a file")
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "something else")
    raise ReadRefused(f"not a regular file ({kind}); armlint reads only regular files")


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise ReadRefused(f"the file is {size_text(size)}, over the limit of "
                          f"{size_text(max_bytes)} (--max-file-size)")


# --- real paths ----------------------------------------------------------------------------------
# While `resolving()` is open (a run, or one file's lint), the real path of each folder is worked
# out once: each of a run's files is confined (its real path inside a root), and os.path.realpath
# looks at every component of every path (125,000 lstat calls for the corpus's cached run, 1.1 s).
# A file's own name is still looked at each time (a symbolic link is followed); a folder replaced
# by a link during the run is not seen (the run's own inputs are not an adversary racing it).
_RESOLVING: list = []  # the memo of the open scope: folder -> its real path


class resolving:
    """`with resolving():` remembers folders' real paths until the block ends (a nested block
    shares the memo). A class, not a generator: it is opened for each file a run lints."""

    __slots__ = ("_opened",)

    def __enter__(self) -> None:
        self._opened = not _RESOLVING
        if self._opened:
            _RESOLVING.append(Recent(4096))

    def __exit__(self, *exc) -> None:
        if self._opened:
            _RESOLVING.clear()


def real_path(path: Path | str) -> str:
    """`os.path.realpath(path)`, with folders resolved once while `resolving()` is open."""
    if not _RESOLVING or os.name != "posix":
        return os.path.realpath(path)
    p = os.fspath(path)
    if not isinstance(p, str):
        return os.path.realpath(p)
    if not p.startswith("/"):
        p = os.path.join(os.getcwd(), p)
    if p.endswith("/") or "//" in p or "/." in p:
        return _real_walk(p, _RESOLVING[0])
    folder, name = p.rsplit("/", 1)
    return _resolved(_real_folder(folder or "/", _RESOLVING[0]), name)


def _real_walk(p: str, memo: dict) -> str:
    """The real path of an absolute path with ".", ".." or empty parts, component by component as
    os.path.realpath goes: ".." is the parent of the real path before it (after a link, of its
    target). Folders come from the memo (after a "..", keyed by their real parent's path)."""
    parts = p.split("/")
    odd = next((i for i in range(1, len(parts)) if parts[i] in ("", ".", "..")), None)
    if odd is None:  # only a name starting with "." (".git")
        folder, name = p.rsplit("/", 1)
        return _resolved(_real_folder(folder or "/", memo), name)
    current = _real_folder("/".join(parts[:odd]) or "/", memo)
    last = len(parts) - 1
    for i in range(odd, len(parts)):
        part = parts[i]
        if part in ("", "."):
            continue
        if part == "..":
            if _unresolved(current):
                # past a symbolic-link loop os.path.realpath stops resolving and goes up by
                # the letters: so does this, to give the same answer
                return os.path.realpath(p)
            current = current.rsplit("/", 1)[0] or "/"
        elif i == last:
            current = _resolved(current, part)  # a file's own name: looked at each time
        else:
            current = _real_folder((current if current != "/" else "") + "/" + part, memo)
    return current


def _unresolved(real: str) -> bool:
    """Whether a path worked out as real is still a link or leads through one: only a loop of
    links is left so (missing parts are not)."""
    try:
        return stat.S_ISLNK(os.lstat(real).st_mode)
    except OSError as exc:
        return exc.errno == errno.ELOOP


def _resolved(real_folder: str, name: str) -> str:
    """The real path of `name` in a folder whose real path is `real_folder`."""
    full = (real_folder if real_folder != "/" else "") + "/" + name
    try:
        link = stat.S_ISLNK(os.lstat(full).st_mode)
    except OSError:
        return full  # missing: as os.path.realpath, the rest as it is
    return os.path.realpath(full) if link else full


def _real_folder(folder: str, memo: dict) -> str:
    """The real path of an absolute, normalised folder path (the memo's, or worked out from the
    nearest folder above it that the memo holds)."""
    pending = []
    found = memo.get(folder)
    while found is None:
        if folder == "/":
            found = "/"
            break
        pending.append(folder)
        folder = folder.rsplit("/", 1)[0] or "/"
        found = memo.get(folder)
    for folder in reversed(pending):
        found = _resolved(found, folder.rsplit("/", 1)[1])
        memo[folder] = found
    return found


def is_inside(real: str, folder: str) -> bool:
    return real == folder or real.startswith(folder if folder.endswith(os.sep) else folder + os.sep)


def vcs_root(directory: Path | str, memo: dict | None = None) -> str | None:
    """The nearest folder at or above `directory` that is the top of a version-control working
    tree (it holds `.git`, `.hg`, ...), or None. `memo` (folder -> answer) lets a run that asks
    for many folders of one tree look at each folder once."""
    return _vcs_root_of_real(real_path(directory), memo)


def _vcs_root_of_real(current: str, memo: dict | None) -> str | None:
    walked = []
    found = None
    while True:
        if memo is not None and current in memo:
            found = memo[current]
            break
        walked.append(current)
        if _holds_vcs_marker(current):
            found = current
            break
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    if memo is not None:
        for folder in walked:
            memo[folder] = found
    return found


def _holds_vcs_marker(folder: str) -> bool:
    prefix = os.path.join(folder, "")
    for marker in _VCS_MARKERS:
        if os.path.lexists(prefix + marker):
            return True
    return False


def project_root(linted: Path | str, config_folder: Path | str | None = None,
                 fallback: Path | str | None = None, memo: dict | None = None,
                 resolved: bool = False) -> str:
    """The project a linted path belongs to: the folder holding its configuration file, or the
    version-control root, else `fallback` (the path named on the command line that holds it),
    else the linted path itself (its folder, for a file). A configuration file found above the
    version-control root (a `~/.armlint.yaml`) does not widen the project past the repository.
    `resolved`: `linted` is a real path already (the caller resolved it)."""
    linted_real = os.fspath(linted) if resolved else real_path(linted)
    start = linted_real if os.path.isdir(linted_real) else os.path.dirname(linted_real)
    vcs = _vcs_root_of_real(start, memo)
    if fallback is not None:
        fallback = real_path(fallback)
        if os.path.isfile(fallback):
            fallback = os.path.dirname(fallback)
        if not is_inside(start, fallback):
            fallback = None
    config = real_path(config_folder) if config_folder is not None else None
    if config is not None and not is_inside(start, config):
        config = None  # a --config file kept elsewhere says nothing about where the project is
    if config is not None and (vcs is None or is_inside(config, vcs)):
        return config
    if vcs is not None:
        return vcs
    return fallback or start


class Confinement:
    """The folders that files named by templates and configuration files may lie in."""

    def __init__(self, roots: list[str] | tuple[str, ...] = (), resolved: bool = False):
        """`resolved`: the roots are real paths already."""
        self.roots = tuple(dict.fromkeys(roots if resolved else (real_path(r) for r in roots)))

    def widened(self, *roots: str) -> Confinement:
        return Confinement(self.roots + tuple(roots))

    def check(self, path: Path | str) -> str:
        """The real path of `path`; raises ReadRefused when it lies outside every root."""
        real = real_path(path)
        if _RECORDINGS:
            note(("real", os.path.abspath(path)), real)
        if not any(is_inside(real, root) for root in self.roots):
            raise ReadRefused("it lies outside the project (the repository or the configuration "
                              "file's folder), and armlint reads no file outside it (--root "
                              "allows more folders)")
        return real

    def vet(self, path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        """Raise ReadRefused unless `read` would read `path` (without reading it)."""
        real = self.check(path)
        if not _RECORDINGS:
            _stat_ok(real, max_bytes)
            return
        key = ("stat", real, max_bytes)
        try:
            _stat_ok(real, max_bytes)
        except ReadRefused as exc:
            note(key, exc.reason)
            raise
        note(key, "")

    def read(self, path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
        """`read_file` of a path that must lie inside the roots (symlinks resolved first, so a
        link inside the project pointing out of it is refused too)."""
        return read_file(self.check(path), max_bytes)
