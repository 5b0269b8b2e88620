"""Replaying a run: `armlint check` repeated on unchanged inputs prints what it printed before.

Owns: the replay record (its key, its format, where it is kept) and the check that a record
still holds, made before anything heavy is imported. A pre-commit hook runs the same
`armlint check FILES` again and again; when the same arguments meet the same working folder,
the same armlint (its code, rules and schemas, by path, size, times and inode), the same
interpreter and installed packages, the same kind of output streams (a terminal or not, their
encodings), the same values of every environment variable the run read, and every file and
folder the run looked at gives the same answer (a file's bytes by digest as well as its size,
times and inode; a folder's listing; a file or folder that did not exist still does not), the
run's stored output is written again, in the order it was written, and the process exits with
the stored code, without importing the API, click, the catalogue or the model (issue 12).

`replaytrace` watches a run and writes its record; only a plain run is recorded: one that wrote
nothing but its output and armlint's caches, forked no worker, read no clock and exited 0 or 1
(see there). Records are plain JSON (read here with the C scanner of `json`, whose module would
import `re`: a third of a replay), never a pickle, in `replay/` of the cache folder, written
through a temporary file and a rename; a record that cannot be read, is corrupt, or was made for
another key is a miss, and the run goes the normal way (and writes it again). Any doubt is a
miss.
"""
from __future__ import annotations

import os
import sys

from .source import cachedir

FORMAT = 1
FOLDER = "replay"
MAX_RECORD_BYTES = 4 * 1024 * 1024
MAX_READ_BYTES = 64 * 1024 * 1024  # a file bigger than this is never part of a record
_IFMT = 0o170000
_TYPES = {0o100000: "f", 0o040000: "d", 0o120000: "l", 0o010000: "p", 0o020000: "c",
          0o060000: "b", 0o140000: "s"}


def enabled(args: list[str]) -> bool:
    """Whether a run may be replayed or recorded at all (the caches are not turned off)."""
    return not cachedir.disabled() and "--no-cache" not in args


def key_material(args: list[str]) -> list:
    """Everything a record is for, besides the files, the environment and armlint's code: the
    arguments, the working folder, the interpreter and its settings, where armlint is, and
    whether the output streams are terminals (colour and the progress bar depend on it) with
    their encodings."""
    streams = []
    for stream in (sys.stdout, sys.stderr):
        try:
            streams.append([stream.isatty(), stream.encoding, stream.errors])
        except Exception:
            streams.append(None)
    return [FORMAT, os.getcwd(), sys.executable, sys.argv[0] if sys.argv else "", sys.version,
            list(sys.flags), list(sys.warnoptions), list(sys.path), package_dir(), streams,
            list(args)]


def package_dir() -> str:
    return os.path.dirname(os.path.abspath(__file__))


def code_roots() -> list[str]:
    """The folders of armlint's code, built-in rules and schemas (as engine/loader.py finds the
    rules and schemas: inside the package when installed, beside it in a checkout)."""
    package = package_dir()
    roots = [package]
    for name in ("rules", "schemas"):
        inside = os.path.join(package, name)
        if not os.path.isdir(inside):
            roots.append(os.path.join(os.path.dirname(package), name))
    return roots


def record_path(material: list) -> str:
    from .source.hashes import blake2b
    name = blake2b(repr(material).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return cachedir.cache_path(FOLDER, name + ".json")


# -- what a file, a folder, a stat gives ---------------------------------------------------------

def stat_outcome(st) -> str:
    """What a stat says that a run may depend on: the type, and for a regular file its size,
    modification and change times and inode (a file rewritten, even with its old time, has a
    new change time)."""
    kind = _TYPES.get(st.st_mode & _IFMT, "o")
    if kind == "f":
        return f"f{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
    return kind


def stat_now(path: str, follow: bool) -> str:
    try:
        return stat_outcome(os.stat(path) if follow else os.lstat(path))
    except OSError as exc:
        return f"e{exc.errno}"


def listing_outcome(entries: list[str]) -> str:
    """A folder's listing: its sorted entries (name and type), as a digest."""
    from .source.hashes import blake2b
    entries.sort()
    return "h" + blake2b("\0".join(entries).encode("utf-8", "surrogatepass"),
                         digest_size=16).hexdigest()


def entry_type(entry) -> str:
    if entry.is_symlink():
        return "l"
    if entry.is_dir(follow_symlinks=False):
        return "d"
    return "f" if entry.is_file(follow_symlinks=False) else "o"


def scan_now(path: str) -> str:
    try:
        with os.scandir(path) as it:
            return listing_outcome([e.name + "\0" + entry_type(e) for e in it])
    except OSError as exc:
        return f"e{exc.errno}"


def names_now(path: str) -> str:
    try:
        return listing_outcome(os.listdir(path))
    except OSError as exc:
        return f"e{exc.errno}"


def content_now(path: str) -> str:
    """A file's bytes as a digest (the result cache's, `source.files.digest`), the type of
    what is not a regular file (never opened for long: non-blocking), or the error."""
    from .source.hashes import blake2b
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | \
        getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return f"e{exc.errno}"
    try:
        st = os.fstat(fd)
        kind = _TYPES.get(st.st_mode & _IFMT, "o")
        if kind != "f":
            return "t" + kind
        if st.st_size > MAX_READ_BYTES:
            return "big"
        chunks = []
        left = MAX_READ_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 4 * 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            return "big"
        return "h:" + blake2b(b"".join(chunks), digest_size=16).hexdigest()
    except OSError as exc:
        return f"e{exc.errno}"
    finally:
        os.close(fd)


def access_now(path: str, mode: int) -> str:
    return "1" if os.access(path, mode) else "0"


def link_now(path: str) -> str:
    try:
        return "k" + os.readlink(path)
    except OSError as exc:
        return f"e{exc.errno}"


def folder_now(path: str) -> str:
    """A folder of the import path: its modification time and inode (a package installed or
    removed there changes it)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"e{exc.errno}"
    return f"{st.st_mtime_ns}:{st.st_ino}"


def environment_digest() -> str:
    from .source.hashes import blake2b
    text = "\0".join(f"{k}={v}" for k, v in sorted(os.environ.items()))
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# Each kind of observation and how to make it now, from the record's item (the path, for "a" the
# mode, then the outcome); the order is the order of the check (file contents last).
OBSERVERS = {
    "m": lambda o: folder_now(o[0]),
    "s": lambda o: stat_now(o[0], True),
    "l": lambda o: stat_now(o[0], False),
    "k": lambda o: link_now(o[0]),
    "a": lambda o: access_now(o[0], o[1]),
    "d": lambda o: scan_now(o[0]),
    "n": lambda o: names_now(o[0]),
    "r": lambda o: content_now(o[0]),
}


# -- the check ------------------------------------------------------------------------------------

def replay(args: list[str]) -> None:
    """Write the stored output of `armlint check ARGS` and exit with its code, when its record
    still holds; return (having written nothing) otherwise."""
    if not enabled(args):
        return
    try:
        material = key_material(args)
        path = record_path(material)
        record = _load(path)
        if record is None or not holds(record, material):
            return
        out = [(int(tag), text) for tag, text in record["out"]]
        if not all(tag in (1, 2) and isinstance(text, str) for tag, text in out):
            return
        code = record["exit"]
        if code not in (0, 1):
            return
    except Exception:  # a record of another shape: run the normal way
        return
    try:
        os.utime(path)  # recently used: the last to be removed when the folder is full
    except OSError:
        pass
    for tag, text in out:
        stream = sys.stdout if tag == 1 else sys.stderr
        stream.write(text)
        stream.flush()
    sys.exit(code)


def holds(record: dict, material: list) -> bool:
    """Whether the record was made for this key and all it depends on is as it was."""
    if record.get("format") != FORMAT or record.get("key") != material:
        return False
    environ = os.environ
    for name, value in record["env"]:
        if environ.get(name) != value:
            return False
    if record.get("envall") is not None and record["envall"] != environment_digest():
        return False
    for line in record["code"]:
        path, size, mtime = line.rsplit("|", 2)
        try:
            st = os.stat(path)
        except OSError:
            return False
        if st.st_mtime_ns != int(mtime) or (size != "/" and st.st_size != int(size)):
            return False
    for kind in OBSERVERS:
        observe = OBSERVERS[kind]
        for item in record["seen"].get(kind, ()):
            if observe(item) != item[-1]:
                return False
    return True


def _load(path: str) -> dict | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        data = b""
        while len(data) <= MAX_RECORD_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            data += chunk
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > MAX_RECORD_BYTES:
        return None
    try:
        value = loads(data.decode("utf-8", "surrogatepass"))
    except Exception:
        return None
    return value if isinstance(value, dict) else None


class _Plain:
    """What the C scanner of `json` reads its settings from: plain JSON, no NaN or Infinity."""
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    memo: dict = {}

    @staticmethod
    def parse_constant(name):
        raise ValueError(f"not plain JSON: {name}")


def loads(text: str):
    """`json.loads` of text without whitespace around it, without importing `json` (and `re`)."""
    try:
        from _json import make_scanner
    except ImportError:  # pragma: no cover - another Python
        import json
        return json.loads(text)
    value, end = make_scanner(_Plain)(text, 0)
    if end != len(text):
        raise ValueError("extra data")
    return value
