"""Watching a run for its replay record (replay.py): what it looked at and what it printed.

Owns: the recorder. While a plain `armlint check` runs, the functions of `os` through which
Python looks at files and folders (stat, lstat, scandir and its entries, listdir, open, access,
readlink: os.path and pathlib call them), `open` and the environment are wrapped, so that every
answer the run got is noted: a file's type, size, times and inode; a file's bytes (by the digest
`source.files` made of the bytes the run read, so a change between the read and the record
cannot go unseen); a folder's listing; a path that did not exist; each environment variable read
(or the whole environment, when the run went through it). The standard streams are wrapped so
that what is written is kept, in order. Answers from armlint's own code, rule and schema folders
(the record checks those by their stat) and from its cache folder (derived data, checked by
their own keys; a run whose linted paths hold the cache folder or lie in it is not recorded)
are not noted.

When the run ends, it is recorded only when it may be replayed: it exited 0 or 1, wrote no file
but armlint's caches (no --output, no GITHUB_STEP_SUMMARY), forked no worker, changed neither
the working folder nor the environment, did not look at the clock (`source.files.clock`), got
the same answer each time it asked the same question, wrote text only through the streams, and
is not too big; a file read other than through `source.files` (its digest made after the run) is
recorded only when it was not changed in the two seconds before the run started (a file system's
times are coarse: a change in the same tick would not show).

Replay is for the small run a pre-commit hook repeats: a run that names more than
MAX_SCAN_ENTRIES files and folders (counted before the run, as the walk would find them) is not
watched at all, and the moment a watched run can no longer be recorded (too many observations,
too much output, a file written...) the wrappers are taken off, so that a big run pays (next to)
nothing for a record it would not write.
"""
from __future__ import annotations

import builtins
import io
import json
import os
import sys
import time

from . import replay
from .source import cachedir, files

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
MAX_OBSERVATIONS = 20_000  # about ten a linted file
MAX_SCAN_ENTRIES = 2_000  # files and folders a recorded run may name or walk
MAX_OUTPUT_CHARS = 2 * 1024 * 1024
MAX_LATE_DIGEST_BYTES = 16 * 1024 * 1024
MAX_RECORDS = 256  # the folder keeps the most recently used records
SETTLE_NS = 2_000_000_000
STALE_TEMP_NS = 600 * 1_000_000_000  # a record's temporary file this old was left by a killed run


def small_enough(paths: list[str]) -> bool:
    """Whether the paths name at most MAX_SCAN_ENTRIES files and folders, as discover.py walks
    them (hidden and dependency folders left out, symbolic links to folders not followed):
    looked at before the run, so that a run too big to be recorded is not watched. Stops
    counting at the bound."""
    from .discover import SKIP_DIRS
    left = MAX_SCAN_ENTRIES - len(paths)
    if left < 0:
        return False
    folders = [p for p in paths if os.path.isdir(p)]
    while folders:
        try:
            with os.scandir(folders.pop()) as it:
                for entry in it:
                    left -= 1
                    if left < 0:
                        return False
                    name = entry.name
                    if not name.startswith(".") and name not in SKIP_DIRS and \
                            entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
        except OSError:
            continue  # the run reports it
    return True


class Recorder:
    """Records one run of `armlint check ARGS` (see the module's docstring)."""

    def __init__(self, args: list[str], linted: list[str]):
        self.args = list(args)
        self.linted = list(linted)
        self.material = replay.key_material(args)
        self.start_ns = time.time_ns()
        self.cache_root = cachedir.cache_root()
        skip = [self.cache_root] + replay.code_roots()
        skip += [os.path.realpath(p) for p in skip]
        self._skip = tuple(dict.fromkeys(skip))
        self._skip_below = tuple(p + os.sep for p in self._skip)
        self.seen: dict = {}  # (kind, path[, mode]) -> outcome
        self.opened: dict = {}  # files opened for reading (path -> None, in order)
        self.env: dict = {}  # name -> value (None: not set)
        self.envall = False
        self.out: list = []
        self._out_chars = 0
        self.why_not: str | None = None
        self._saved: list = []
        self._notes: dict = {}
        self._recording = None
        self._tracing = False
        self._streams: list = []

    # -- the run ------------------------------------------------------------------------------
    def run(self, func, *args, **kwargs) -> None:
        """`func(*args, **kwargs)` watched; the record written after it when it may be."""
        code = None
        self._start()
        try:
            func(*args, **kwargs)
            code = 0
        except SystemExit as exc:
            code = 0 if exc.code is None else exc.code
            raise
        finally:
            self._stop()
            self._restore_streams()
            if code is not None:
                try:
                    self.finish(code)
                except Exception:  # never a failure of the run: no record
                    pass

    def fail(self, why: str) -> None:
        """The run will not be recorded: the wrappers come off now (the rest of the run is not
        watched)."""
        if self.why_not is None:
            self.why_not = why
            self._stop()

    def note(self, key: tuple, outcome: str) -> None:
        if self.why_not is not None or self._skipped(key[1]):
            return
        seen = self.seen
        before = seen.get(key)
        if before is None:
            if len(seen) >= MAX_OBSERVATIONS:
                self.fail("too many observations")
                return
            seen[key] = outcome
        elif before != outcome:
            self.fail(f"{key[1]} changed while the run looked at it")

    def wrote(self, tag: int, text: str) -> None:
        if not isinstance(text, str):
            self.fail("not text")
            return
        if self.why_not is not None:
            return
        self._out_chars += len(text)
        if self._out_chars > MAX_OUTPUT_CHARS:
            self.fail("too much output")
            return
        out = self.out
        if out and out[-1][0] == tag:
            out[-1][1] += text
        else:
            out.append([tag, text])

    # -- the record ---------------------------------------------------------------------------
    def finish(self, code) -> None:
        """Write the record, when the run may be replayed."""
        if code not in (0, 1) or self.why_not is not None:
            return
        if self._cache_meets_inputs():
            return
        digests = {}
        for key, outcome in self._notes.items():
            if key[0] == "clock":
                return  # the result depends on when it ran
            if key[0] == "read" and outcome.startswith("h:"):
                digests[key[1]] = outcome
        reads = []
        late_bytes = 0
        for path in self.opened:
            if ("r", path) in self.seen:
                return  # it could not be opened once, and could once
            found = digests.get(path)
            if found is None:
                found = self._late_digest(path)
                if found is None:
                    return
                late_bytes += int(found[1])
                if late_bytes > MAX_LATE_DIGEST_BYTES:
                    return
                found = found[0]
            reads.append([path, found])
        ours = _code_entries()
        if ours is None:
            return
        seen: dict = {kind: [] for kind in replay.OBSERVERS}
        for key, outcome in self.seen.items():
            seen[key[0]].append([*key[1:], outcome])
        seen["r"] += reads
        seen["m"] = [[p, replay.folder_now(p)] for p in
                     dict.fromkeys(os.path.abspath(p) for p in sys.path)]
        record = {"format": replay.FORMAT, "key": self.material,
                  "env": sorted([k, v] for k, v in self.env.items()),
                  "envall": replay.environment_digest() if self.envall else None,
                  "code": ours, "seen": seen,
                  "out": self.out, "exit": code}
        data = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogatepass")
        if len(data) > replay.MAX_RECORD_BYTES:
            return
        path = replay.record_path(self.material)
        if cachedir.write_atomic(path, data):
            _bound(os.path.dirname(path))

    def _late_digest(self, path: str) -> tuple[str, int] | None:
        """The digest of a file the run read with open(), made now: only when the file is as the
        run found it and was not changed just before the run (a change in the same tick of the
        file system's clock would leave its times as they were)."""
        then = self.seen.get(("s", path))
        now = replay.stat_now(path, True)
        if then is None or now != then:
            return None
        if now.startswith("f"):
            size, mtime, ctime, _ = now[1:].split(":")
            if max(int(mtime), int(ctime)) >= self.start_ns - SETTLE_NS:
                return None
            return replay.content_now(path), int(size)
        return replay.content_now(path), 0

    def _cache_meets_inputs(self) -> bool:
        """Whether armlint's cache folder lies in a linted folder or holds a linted path: then
        its own files would be inputs, and they are not recorded."""
        cache = os.path.realpath(self.cache_root)
        for p in self.linted:
            real = os.path.realpath(p)
            if files.is_inside(cache, real) or files.is_inside(real, cache):
                return True
        return False

    # -- the wrappers -------------------------------------------------------------------------
    def _start(self) -> None:
        self._tracing = True
        self._recording = files.recording()
        self._notes = self._recording.__enter__()
        for module, name, wrapper in _wrappers(self):
            self._saved.append((module, name, getattr(module, name)))
            setattr(module, name, wrapper)
        self._streams = [(sys, "stdout", sys.stdout), (sys, "stderr", sys.stderr)]
        sys.stdout = _Tee(sys.stdout, 1, self)
        sys.stderr = _Tee(sys.stderr, 2, self)
        self._environ_class = os.environ.__class__
        self._traced_class = _traced_environ(self)  # kept: a method of it may be running
        os.environ.__class__ = self._traced_class

    def _stop(self) -> None:
        """Take the wrappers off (at the end of the run, or as soon as it cannot be recorded).
        The standard streams stay wrapped until the end (`_restore_streams`): `print` holds
        the stream it writes to without a reference, so replacing it while `print` writes
        (the output past its bound) would free the stream under it."""
        if not self._tracing:
            return
        self._tracing = False
        os.environ.__class__ = self._environ_class
        for module, name, value in reversed(self._saved):
            setattr(module, name, value)
        self._saved.clear()
        self._recording.__exit__(None, None, None)

    def _restore_streams(self) -> None:
        for module, name, value in self._streams:
            setattr(module, name, value)
        self._streams = []

    def path(self, p) -> str | None:
        """The absolute path of `p` as the system resolves it (".." kept: after a symbolic link
        it is not the folder above), or None for a file descriptor."""
        if isinstance(p, int):
            return None
        p = os.fspath(p)
        if isinstance(p, bytes):
            p = os.fsdecode(p)
        return p if os.path.isabs(p) else os.path.join(os.getcwd(), p)

    def _skipped(self, path: str) -> bool:
        """Whether a path lies in armlint's code or cache folders (never through "..")."""
        return (path in self._skip or path.startswith(self._skip_below)) and \
            ".." not in path

    def outside_caches(self, p) -> bool:
        path = self.path(p)
        return path is None or not self._skipped(path)


def _code_entries() -> list | None:
    """Every file of armlint's code, rules and schemas as the result cache's code stamp has it
    ("path|size|mtime_ns", walked once a process), and every folder above them as
    "path|/|mtime_ns": an edit changes a file's line, an addition or removal its folder's."""
    from .resultcache import code_folders, code_lines
    lines = code_lines()
    if any(line.endswith("|unreadable") for line in lines):
        return None
    folders = dict.fromkeys(code_folders())
    for line in lines:
        folder = os.path.dirname(line.rsplit("|", 2)[0])
        while folder not in folders and len(folder) > 1:
            folders[folder] = None
            folder = os.path.dirname(folder)
    out = list(lines)
    for folder in folders:
        try:
            out.append(f"{folder}|/|{os.stat(folder).st_mtime_ns}")
        except OSError:
            return None
    return out


def _bound(folder: str) -> None:
    """Keep the MAX_RECORDS most recently used records (a replay touches its record), and remove
    the temporary files that runs killed while writing left (older than STALE_TEMP_NS)."""
    stale = time.time_ns() - STALE_TEMP_NS
    entries = []
    try:
        with os.scandir(folder) as it:
            for e in it:
                if e.name.endswith(".json"):
                    entries.append((e.stat().st_mtime_ns, e.path))
                elif e.name.endswith(".tmp") and e.stat().st_mtime_ns < stale:
                    try:
                        os.unlink(e.path)
                    except OSError:
                        pass
    except OSError:
        return
    if len(entries) <= MAX_RECORDS:
        return
    entries.sort()
    for _, path in entries[:len(entries) - MAX_RECORDS * 4 // 5]:
        try:
            os.unlink(path)
        except OSError:
            pass


class _Tee:
    """A standard stream whose text is also kept for the record."""

    def __init__(self, stream, tag: int, recorder: Recorder):
        self._stream = stream
        self._tag = tag
        self._recorder = recorder

    def write(self, text):
        try:
            written = self._stream.write(text)
        except BaseException:
            self._recorder.fail("the output could not be written")
            raise
        self._recorder.wrote(self._tag, text)
        return written

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        if name == "buffer":
            self._recorder.fail("bytes written past the text stream")
        return getattr(self._stream, name)


def _traced_environ(recorder: Recorder):
    base = os.environ.__class__

    class TracedEnviron(base):
        def __getitem__(self, key):
            try:
                value = base.__getitem__(self, key)
            except KeyError:
                recorder.env[key] = None
                raise
            recorder.env[key] = value
            return value

        def __iter__(self):
            recorder.envall = True
            return base.__iter__(self)

        def __len__(self):
            recorder.envall = True
            return base.__len__(self)

        def __setitem__(self, key, value):
            recorder.fail("the environment changed")
            base.__setitem__(self, key, value)

        def __delitem__(self, key):
            recorder.fail("the environment changed")
            base.__delitem__(self, key)

    return TracedEnviron


def _wrappers(rec: Recorder) -> list:
    """(module, name, wrapper) for each function through which the run looks at files."""
    real = {name: getattr(os, name) for name in (
        "stat", "lstat", "scandir", "listdir", "open", "access", "readlink", "fstat")}
    real_open = builtins.open
    note, path_of = rec.note, rec.path

    def stat(path, *, dir_fd=None, follow_symlinks=True):
        where = path_of(path)
        if dir_fd is not None:
            rec.fail("dir_fd")
        elif where is not None and rec._skipped(where):
            return real["stat"](path, follow_symlinks=follow_symlinks)
        kind = "s" if follow_symlinks else "l"
        try:
            st = real["stat"](path, dir_fd=dir_fd, follow_symlinks=follow_symlinks)
        except OSError as exc:
            if where is not None:
                note((kind, where), f"e{exc.errno}")
            raise
        if where is not None:
            note((kind, where), replay.stat_outcome(st))
        return st

    def lstat(path, *, dir_fd=None):
        return stat(path, dir_fd=dir_fd, follow_symlinks=False)

    def listdir(path="."):
        where = path_of(path)
        if where is None:
            rec.fail("a folder listed by descriptor")
        try:
            names = real["listdir"](path)
        except OSError as exc:
            if where is not None:
                note(("n", where), f"e{exc.errno}")
            raise
        if where is not None:
            note(("n", where), replay.listing_outcome(list(names)))
        return names

    def scandir(path="."):
        where = path_of(path)
        if where is None:
            rec.fail("a folder listed by descriptor")
        elif rec._skipped(where):
            return real["scandir"](path)  # armlint's code or caches: nothing to note below
        try:
            it = real["scandir"](path)
        except OSError as exc:
            if where is not None:
                note(("d", where), f"e{exc.errno}")
            raise
        return _Scan(it, where, rec, stat)

    def open_fd(path, flags, mode=0o777, *, dir_fd=None):
        where = path_of(path)
        if dir_fd is not None:
            rec.fail("dir_fd")
        if flags & _WRITE_FLAGS:
            if rec.outside_caches(path):
                rec.fail("a file written")
            return real["open"](path, flags, mode, dir_fd=dir_fd)
        try:
            fd = real["open"](path, flags, mode, dir_fd=dir_fd)
        except OSError as exc:
            if where is not None:
                note(("r", where), f"e{exc.errno}")
            raise
        if where is not None:
            _opened(where, real["fstat"](fd))
        return fd

    def _opened(where: str, st) -> None:
        if not rec._skipped(where):
            note(("s", where), replay.stat_outcome(st))
            rec.opened.setdefault(where)

    def open_file(file, mode="r", *args, **kwargs):
        if isinstance(file, int):
            return real_open(file, mode, *args, **kwargs)
        if any(c in mode for c in "wax+"):
            if rec.outside_caches(file):
                rec.fail("a file written")
            return real_open(file, mode, *args, **kwargs)
        where = path_of(file)
        try:
            f = real_open(file, mode, *args, **kwargs)
        except OSError as exc:
            note(("r", where), f"e{exc.errno}")
            raise
        try:
            _opened(where, real["fstat"](f.fileno()))
        except Exception:
            rec.fail("an opened file without a descriptor")
        return f

    def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
        where = path_of(path)
        if dir_fd is not None or effective_ids or not follow_symlinks or where is None:
            rec.fail("access")
        found = real["access"](path, mode, dir_fd=dir_fd, effective_ids=effective_ids,
                               follow_symlinks=follow_symlinks)
        if where is not None:
            note(("a", where, mode), "1" if found else "0")
        return found

    def readlink(path, *, dir_fd=None):
        where = path_of(path)
        if dir_fd is not None:
            rec.fail("dir_fd")
        try:
            target = real["readlink"](path, dir_fd=dir_fd)
        except OSError as exc:
            if where is not None:
                note(("k", where), f"e{exc.errno}")
            raise
        if where is not None:
            shown = os.fsdecode(target) if isinstance(target, bytes) else target
            note(("k", where), "k" + shown)
        return target

    def refusing(name: str, why: str, check_paths: bool = False):
        original = getattr(os, name)

        def wrapper(*args, **kwargs):
            paths = [a for a in args if isinstance(a, (str, bytes, os.PathLike))]
            if not check_paths or not paths or any(rec.outside_caches(p) for p in paths):
                rec.fail(why)
            return original(*args, **kwargs)
        return wrapper

    wrappers = [(os, "stat", stat), (os, "lstat", lstat), (os, "listdir", listdir),
                (os, "scandir", scandir), (os, "open", open_fd), (os, "access", access),
                (os, "readlink", readlink), (builtins, "open", open_file), (io, "open", open_file)]
    for name in ("replace", "rename", "unlink", "remove", "rmdir", "mkdir", "utime", "chmod",
                 "symlink", "link", "truncate"):
        if hasattr(os, name):
            wrappers.append((os, name, refusing(name, "a file changed", check_paths=True)))
    for name in ("fork", "forkpty", "chdir", "fchdir", "system", "posix_spawn", "posix_spawnp",
                 "execv", "execve", "putenv", "unsetenv"):
        if hasattr(os, name):
            wrappers.append((os, name, refusing(name, f"os.{name}")))
    return wrappers


class _Scan:
    """os.scandir's iterator, noting the listing (when the run read all of it) and handing out
    entries whose stat goes through the tracer."""

    def __init__(self, it, where: str | None, rec: Recorder, stat):
        self._it = it
        self._where = where
        self._rec = rec
        self._stat = stat
        self._names: list[str] = []
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        try:
            entry = next(self._it)
        except StopIteration:
            if not self._done and self._where is not None:
                self._done = True
                self._rec.note(("d", self._where), replay.listing_outcome(self._names))
            raise
        self._names.append(entry.name + "\0" + replay.entry_type(entry))
        return _Entry(entry, self._stat)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        if not self._done and self._where is not None:
            # the run stopped early: the listing is what it saw and the rest of the same listing
            self._done = True
            try:
                self._names.extend(e.name + "\0" + replay.entry_type(e) for e in self._it)
            except OSError:
                self._rec.fail("a listing that could not be finished")
            self._rec.note(("d", self._where), replay.listing_outcome(self._names))
        self._it.close()


class _Entry:
    """An os.DirEntry whose stat (and, for a symbolic link, the type it leads to) is noted; its
    name, own type and symbolic-link-ness are the listing's."""

    __slots__ = ("_entry", "_stat", "name", "path")

    def __init__(self, entry, stat):
        self._entry = entry
        self._stat = stat
        self.name = entry.name
        self.path = entry.path

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def is_symlink(self) -> bool:
        return self._entry.is_symlink()

    def is_dir(self, *, follow_symlinks=True) -> bool:
        if follow_symlinks and self._entry.is_symlink():
            return self._kind_through_link(0o040000)
        return self._entry.is_dir(follow_symlinks=False)

    def is_file(self, *, follow_symlinks=True) -> bool:
        if follow_symlinks and self._entry.is_symlink():
            return self._kind_through_link(0o100000)
        return self._entry.is_file(follow_symlinks=False)

    def _kind_through_link(self, kind: int) -> bool:
        try:
            return self._stat(self.path).st_mode & 0o170000 == kind
        except OSError:
            return False

    def stat(self, *, follow_symlinks=True):
        return self._stat(self.path, follow_symlinks=follow_symlinks)

    def inode(self) -> int:
        return self._stat(self.path, follow_symlinks=False).st_ino
