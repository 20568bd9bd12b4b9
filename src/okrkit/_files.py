"""Reading and writing files: every read bounded, every write atomic.

Every file okrkit writes goes through `write_text`: the text is encoded before anything is
opened, written to a temporary file beside the target, flushed to disk and moved over the
target with `os.replace`, so that a failure at any step leaves the target as it was and no
temporary file behind.  Every file okrkit reads goes through `read_bytes` (or `read_stream`
for stdin): only regular files, and never more than the limit plus one byte, so that a
device such as ``/dev/zero`` or a huge file is refused before it fills memory.  Problems are
`okrkit.FileError`\\ s naming the file; a document over the limit is an `okrkit.FormatError`,
as `okrkit.formats.loads` makes it of a long text.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Collection, Sequence
from typing import IO

from okrkit.errors import (
    DirectoryError,
    FileError,
    FilePermissionError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    MissingFileError,
    Problem,
)

__all__ = [
    "checked_path",
    "file_error",
    "read_bytes",
    "read_stream",
    "same_file",
    "write_files",
    "write_text",
]

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_error(error: OSError, filename: str) -> FileError:
    """The okrkit error for *error*, met reading or writing *filename*."""
    strerror = error.strerror or str(error)
    if isinstance(error, FileNotFoundError):
        try:
            link = os.readlink(filename)
        except (OSError, ValueError):
            pass  # no link: the file itself is missing
        else:
            strerror = f"a symbolic link to {link!r}, which does not exist"
        return MissingFileError(filename, strerror, error.errno)
    if isinstance(error, IsADirectoryError):
        return DirectoryError(filename, strerror, error.errno)
    if isinstance(error, PermissionError):
        return FilePermissionError(filename, strerror, error.errno)
    return FileError(filename, strerror, error.errno)


def _too_big(limit: int) -> FormatError:
    message = f"document of more than {limit} bytes is over the limit of {limit} bytes"
    return FormatError([Problem(path="$", message=message)])


def read_stream(stream: IO[bytes], *, max_size: int | None) -> bytes:
    """Everything *stream* holds, reading at most *max_size* + 1 bytes; `FormatError` if over.

    Reads until the end, as a short read (from a pipe, say) is not the end.
    """
    limit = None if max_size is None else max_size + 1
    parts: list[bytes] = []
    size = 0
    while limit is None or size < limit:
        part = stream.read(-1 if limit is None else limit - size)
        if not part:
            break
        parts.append(part)
        size += len(part)
    if max_size is not None and size > max_size:
        raise _too_big(max_size)
    return b"".join(parts)


def checked_path(path: object, what: str = "path") -> str:
    """*path* as a str, if it can name a file: an okrkit error naming *what* if not."""
    name = os.fspath(path) if isinstance(path, os.PathLike) else path
    if not isinstance(name, str):
        raise InvalidTypeError(what, path, "a path: a str or an os.PathLike of one")
    if "\0" in name:  # the OS would refuse it with a bare ValueError
        raise InvalidValueError(what, name, "a path without NUL characters")
    return name


def read_bytes(path: str | os.PathLike[str], *, max_size: int | None) -> bytes:
    """The bytes of the regular file at *path*, at most *max_size*; an okrkit error if not.

    A directory, FIFO or device (or a link to one) is a `FileError`, found with `os.fstat`
    on the file opened: checking first and opening after would leave a gap to swap it in.
    """
    name = checked_path(path)
    try:
        # O_NONBLOCK: opening a FIFO that no one writes to returns at once instead of
        # waiting for a writer; it changes nothing for a regular file.
        fd = os.open(name, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise file_error(error, name) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(name, info.st_mode)
        if max_size is not None and info.st_size > max_size:
            raise _too_big(max_size)
        with open(fd, "rb", closefd=False) as file:
            try:
                return read_stream(file, max_size=max_size)
            except OSError as error:  # a disk or network file system failing mid-read
                raise file_error(error, name) from None
    finally:
        os.close(fd)


def _not_regular(name: str, mode: int) -> FileError:
    kind = next((what for test, what in _KINDS if test(mode)), "a special file")
    strerror = f"expected a regular file, got {kind}"
    if stat.S_ISDIR(mode):
        return DirectoryError(name, strerror, errno.EISDIR)
    return FileError(name, strerror)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write *text* to the file at *path* as UTF-8, atomically: all of it, or nothing changed.

    The text is encoded first; then written to a temporary file in the target's folder,
    flushed and synced to disk, given the target's permission bits (or, for a new file, the
    usual ones the umask leaves), and moved over the target.  A link is followed: the file
    it points to is replaced, and the link kept.  A target that exists but is not a regular
    file (``/dev/null``, a FIFO) is written into, as there is nothing there to keep; a FIFO
    that no process reads is a `FileError` at once, not waited on.
    """
    write_files([(path, text)])


def write_files(
    files: Sequence[tuple[str | os.PathLike[str], str | None]],
    *,
    unnamed: Collection[str | os.PathLike[str]] = (),
) -> None:
    """Write each text to its file as `write_text` does, together; None removes the file.

    The files in *unnamed* are those the user did not name (the files beside a CSV table): a
    link there is replaced by the file, never followed, so that writing them cannot change a
    file elsewhere that the user never meant to write.

    Every text is encoded, every target checked and every temporary file written and synced
    before any target changes, so a failure up to there (a full disk, a read-only file, text
    UTF-8 cannot encode) changes no file and leaves no temporary behind.  Then, in the order
    given, each temporary replaces its target and each file to remove is removed (a link
    itself, not what it points to; a missing one is fine).  Each replace is atomic, but not
    the set: a crash between two of them leaves the earlier ones done and the later ones not,
    so a caller puts the file that says the others are current last.
    """
    steps: list[tuple[str, str, str | None, bytes | None, int | None]] = []
    try:
        unfollowed = {os.fspath(p) for p in unnamed}
        for path, text in files:
            steps.append(_prepare(path, text, steps, follow=os.fspath(path) not in unfollowed))
    except BaseException:
        _discard(steps)
        raise
    folders: set[str] = set()
    for i, (name, target, temp, data, mode) in enumerate(steps):
        try:
            if data is not None:  # a special file, written into
                assert mode is not None
                _write_into(target, name, data, mode)
            elif temp is not None:
                os.replace(temp, target)
            else:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(target)
        except BaseException as error:
            _discard(steps[i:])
            if isinstance(error, OSError) and not isinstance(error, FileError):
                raise file_error(error, name) from None
            raise
        folders.add(os.path.dirname(target))
    for folder in sorted(folders):
        _sync_folder(folder)


def _discard(steps: Sequence[tuple[str, str, str | None, bytes | None, int | None]]) -> None:
    """Remove the temporary files of *steps* that are still there."""
    for _, _, temp, _, _ in steps:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _prepare(
    path: str | os.PathLike[str],
    text: str | None,
    before: Sequence[tuple[str, str, str | None, bytes | None, int | None]],
    *,
    follow: bool = True,
) -> tuple[str, str, str | None, bytes | None, int | None]:
    """One file's step: (name, target, temporary, bytes to write into it, its mode).

    For text to a regular or new file, the temporary is written; for a special file, the
    bytes are kept to write into it; for None, the target is the file to remove.
    """
    name = checked_path(path)
    if text is None:
        try:
            kind = os.lstat(name).st_mode
        except FileNotFoundError:
            return name, name, None, None, None
        except OSError as error:
            raise file_error(error, name) from None
        if stat.S_ISDIR(kind):
            raise _not_regular(name, kind)
        return name, name, None, None, None
    data = _encode(text, name)
    target = os.path.realpath(name) if follow else os.path.abspath(name)
    mode: int | None
    try:
        mode = os.stat(target).st_mode if follow else os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise file_error(error, name) from None
    if mode is not None and stat.S_ISLNK(mode):
        mode = None  # a link not followed is replaced, as by a new file
    if mode is not None and stat.S_ISDIR(mode):
        raise _not_regular(name, mode)
    if mode is not None and not stat.S_ISREG(mode):
        return name, target, None, data, mode
    if mode is not None and not os.access(target, os.W_OK):
        # Replacing needs only the folder's permission: a file made read-only to keep it
        # is refused, as writing into it would be.
        raise FilePermissionError(name, os.strerror(errno.EACCES), errno.EACCES)
    if any(step[1] == target for step in before):
        raise InvalidValueError("path", name, "each file once")
    folder, base = os.path.split(target)
    # Hidden, and short enough for any file name limit (255 bytes) whatever the target's: at
    # most 64 bytes of its name, 86 in all.  Cut by bytes, as a character may take four
    # (64 emoji are 256 bytes), and between characters, so the name is still text.
    head = base[:64]
    while len(os.fsencode(head)) > 64:
        head = head[:-1]
    temp = os.path.join(folder, f".{head}.{secrets.token_hex(8)}.tmp")
    try:
        # 0o666, as open() uses, so that a new file gets what the umask leaves; a
        # replaced file's own bits are set before anything is written.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o666 if mode is None else 0o600)  # fmt: skip
    except OSError as error:
        raise file_error(error, name) from None
    try:
        try:
            if mode is not None:
                os.chmod(temp, stat.S_IMODE(mode))
            rest = memoryview(data)
            while rest:  # os.write may write less than it is given
                rest = rest[os.write(fd, rest) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise file_error(error, name) from None
        raise
    return name, target, temp, None, None


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable: without it a crash soon after may bring the old file back.

    Best effort: some systems (Windows) cannot open a folder, and the new file is in place
    whatever happens here.
    """
    try:
        fd = os.open(folder or os.curdir, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _write_into(target: str, name: str, data: bytes, mode: int) -> None:
    """Write *data* into the existing special file *target* (a device, a FIFO) of *mode*.

    A FIFO that no process reads is a `FileError` at once: opening it to write would
    otherwise wait for a reader, for ever if none comes.
    """
    try:
        # O_NONBLOCK: opening a FIFO with no reader fails at once (ENXIO) instead of waiting.
        fd = os.open(target, os.O_WRONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as error:
        if stat.S_ISFIFO(mode) and error.errno == errno.ENXIO:
            raise FileError(
                name, "no process is reading this FIFO: start its reader first", errno.ENXIO
            ) from None
        raise file_error(error, name) from None
    try:
        # Blocking again to write: else a write to a FIFO whose reader is slower than us
        # writes part of the data, or fails with EAGAIN, once the pipe's buffer is full.
        if _NONBLOCK:  # pragma: no branch - Windows has no O_NONBLOCK, and no FIFOs to wait on
            os.set_blocking(fd, True)
        rest = memoryview(data)
        while rest:  # os.write may write less than it is given
            rest = rest[os.write(fd, rest) :]
    except OSError as error:
        raise file_error(error, name) from None
    finally:
        os.close(fd)


def _encode(text: str, name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        column = error.start - (text.rfind("\n", 0, error.start) + 1) + 1
        char = text[error.start]
        raise FileError(
            name,
            f"line {line}, column {column}: expected text UTF-8 can encode, got the lone "
            f"surrogate {char!r} (nothing was written)",
            errno.EILSEQ,
        ) from None


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether *a* and *b* are the same file: by device and inode when both exist, else by
    their resolved paths (an output not written yet is no input).
    """
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)
