"""Tests for okrkit's file handling: bounded reads, atomic writes, and the file errors."""

from __future__ import annotations

import errno
import io
import os
import pickle
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import okrkit
from okrkit import _files
from okrkit.errors import (
    DirectoryError,
    FileError,
    FilePermissionError,
    FormatError,
    InvalidTypeError,
    InvalidValueError,
    MissingFileError,
    OKRError,
)

# Text UTF-8 can encode: everything but the surrogates.
encodable = st.text(st.characters(exclude_categories=["Cs"]))
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
AS_ROOT = "run as root, who may read and write any file whatever its permission bits"


@pytest.fixture
def umask() -> Iterator[int]:
    """The process's umask, set to 0o022 for the test and restored after."""
    old = os.umask(0o022)
    try:
        yield 0o022
    finally:
        os.umask(old)


def leftovers(folder: Path) -> list[str]:
    """The temporary files a write left in *folder*."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


class TestFileErrors:
    @pytest.mark.parametrize(
        ("call", "error", "expected"),
        [
            (lambda: okrkit.formats.load("plan\0.json"), InvalidValueError,
             "path: expected a path without NUL characters, got 'plan\\x00.json'"),
            (lambda: okrkit.formats.dump(okrkit.Plan(), "plan\0.json"), InvalidValueError,
             "path: expected a path without NUL characters"),
            (lambda: okrkit.formats.load(0), InvalidTypeError,
             "path: expected a path: a str or an os.PathLike of one, got 0"),
            (lambda: okrkit.formats.dump(okrkit.Plan(), None, format="json"), InvalidTypeError,
             "path: expected a path: a str or an os.PathLike of one, got None"),
            (lambda: okrkit.formats.load("plan.json", check_ins=b"in.csv"), InvalidTypeError,
             "check_ins: expected a path"),
            (lambda: _files.read_bytes(Path("a\0"), max_size=None), InvalidValueError,
             "path: expected a path without NUL characters"),
        ],
    )  # fmt: skip
    def test_paths_no_file_can_have(self, call: object, error: type, expected: str) -> None:
        """A path no file can have is an okrkit error naming it, before anything is opened,
        where the OS's own answer was a bare ValueError or TypeError."""
        with pytest.raises(error) as info:
            call()  # type: ignore[operator]
        assert isinstance(info.value, OKRError)
        assert str(info.value).startswith(expected)

    @pytest.mark.parametrize(
        ("cls", "builtin"),
        [
            (FileError, OSError),
            (MissingFileError, FileNotFoundError),
            (DirectoryError, IsADirectoryError),
            (FilePermissionError, PermissionError),
        ],
    )
    def test_is_the_builtin_too(self, cls: type[FileError], builtin: type[OSError]) -> None:
        """Each file error is an OKRError and the built-in OSError a caller would catch."""
        error = cls("okrs.yaml", "it went wrong", errno.EIO)
        assert isinstance(error, OKRError)
        assert isinstance(error, builtin)
        assert ("okrs.yaml", "it went wrong", errno.EIO) == (
            error.filename,
            error.strerror,
            error.errno,
        )
        assert "okrs.yaml: it went wrong" == str(error)

    @pytest.mark.parametrize("cls", [FileError, MissingFileError, DirectoryError])
    def test_pickles(self, cls: type[FileError]) -> None:
        """A file error survives pickling whole: its class and every attribute."""
        error = cls("okrs.yaml", "No such file or directory", errno.ENOENT)
        again = pickle.loads(pickle.dumps(error))
        assert (type(error), error.filename, error.strerror, error.errno, str(error)) == (
            type(again),
            again.filename,
            again.strerror,
            again.errno,
            str(again),
        )

    @pytest.mark.parametrize(
        ("error", "cls"),
        [
            (FileNotFoundError(errno.ENOENT, "No such file or directory"), MissingFileError),
            (IsADirectoryError(errno.EISDIR, "Is a directory"), DirectoryError),
            (PermissionError(errno.EACCES, "Permission denied"), FilePermissionError),
            (OSError(errno.EIO, "Input/output error"), FileError),
        ],
    )
    def test_from_the_builtin(self, error: OSError, cls: type[FileError]) -> None:
        """An OSError becomes the file error of its kind, keeping its errno and words."""
        made = _files.file_error(error, "okrs.yaml")
        assert (cls, error.errno, f"okrs.yaml: {error.strerror}") == (
            type(made),
            made.errno,
            str(made),
        )

    def test_from_an_error_without_words(self) -> None:
        """An OSError with no strerror gives its message instead."""
        assert "okrs.yaml: it broke" == str(_files.file_error(OSError("it broke"), "okrs.yaml"))

    def test_exported(self) -> None:
        """The file errors are part of the public API."""
        names = {"FileError", "MissingFileError", "DirectoryError", "FilePermissionError"}
        assert names <= set(okrkit.__all__)
        assert names <= set(okrkit.errors.__all__)


class TestWriteText:
    @given(old=encodable, new=encodable)
    def test_reads_back_equal(self, old: str, new: str) -> None:
        """For any text, after a write the file holds exactly its UTF-8 bytes, and nothing else."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "okrs.yaml"
            path.write_bytes(old.encode())
            _files.write_text(path, new)
            assert new.encode() == path.read_bytes()
            assert ["okrs.yaml"] == os.listdir(folder)

    @given(
        old=encodable,
        new=st.text(st.characters(exclude_categories=["Cs"]), min_size=1),
        step=st.sampled_from(["write", "fsync", "replace", "chmod"]),
    )
    def test_failure_at_any_step_changes_nothing(self, old: str, new: str, step: str) -> None:
        """A write failing at any step leaves the old content, and no temporary file behind."""
        with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
            path = Path(folder) / "okrs.yaml"
            path.write_bytes(old.encode())

            def fail(*_: object) -> None:
                raise OSError(errno.ENOSPC, "No space left on device")

            patch.setattr(os, step, fail)
            with pytest.raises(FileError, match=r"okrs\.yaml: No space left on device") as caught:
                _files.write_text(path, new)
            assert errno.ENOSPC == caught.value.errno
            assert old.encode() == path.read_bytes()
            assert ["okrs.yaml"] == os.listdir(folder)

    def test_folder_synced_after_the_move(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The rename is made durable: the file is synced, then its folder after the move."""
        path = tmp_path / "okrs.yaml"
        synced: list[str] = []
        real_fsync = os.fsync

        def fsync(fd: int) -> None:
            synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)
        _files.write_text(path, "new")
        assert (["file", "folder"], "new") == (synced, path.read_text(encoding="utf-8"))

    @pytest.mark.parametrize("fails", ["open", "fsync"])
    def test_folder_that_cannot_be_synced(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: str
    ) -> None:
        """Where a folder cannot be opened or synced (Windows), the write still succeeds."""
        path = tmp_path / "okrs.yaml"
        real = {"open": os.open, "fsync": os.fsync}

        def refuse_folders(target: object, *args: object) -> object:
            is_folder = (
                os.path.isdir(target)  # type: ignore[arg-type]
                if fails == "open"
                else stat.S_ISDIR(os.fstat(target).st_mode)  # type: ignore[arg-type]
            )
            if is_folder:
                raise OSError(errno.EACCES, "Permission denied")
            return real[fails](target, *args)  # type: ignore[operator]

        monkeypatch.setattr(os, fails, refuse_folders)
        _files.write_text(path, "new")
        assert ("new", []) == (path.read_text(encoding="utf-8"), leftovers(tmp_path))

    def test_long_name(self, tmp_path: Path) -> None:
        """A file whose name is as long as names go still gets a temporary file beside it."""
        path = tmp_path / ("o" * 250 + ".json")
        _files.write_text(path, "{}")
        assert ("{}", [path.name]) == (path.read_text(), os.listdir(tmp_path))

    @pytest.mark.parametrize(
        "name",
        [
            "\N{GRINNING FACE}" * 62 + ".yml",  # 252 bytes: 64 characters would be 251
            "a" + "\N{GRINNING FACE}" * 62 + ".yml",  # 64 bytes would end inside an emoji
            "\N{LATIN SMALL LETTER E WITH ACUTE}" * 125 + ".json",  # two bytes each
        ],
    )
    def test_long_name_of_wide_characters(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
    ) -> None:
        """A name as long as names go, of many-byte characters, gets a short temporary name."""
        temps: list[str] = []
        replace = os.replace

        def record(src: str, dst: str) -> None:
            temps.append(os.path.basename(src))
            replace(src, dst)

        monkeypatch.setattr(os, "replace", record)
        path = tmp_path / name
        _files.write_text(path, "{}")
        assert ("{}", [name]) == (path.read_text(), os.listdir(tmp_path))
        encoded = os.fsencode(temps[0])
        assert len(encoded) <= 86
        # Whole characters: the bytes decode, and are the start of the name.
        assert name.startswith(encoded.decode("utf-8")[1:-21])

    def test_interrupted_write_changes_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Ctrl-C in the middle of a write leaves the old file and no temporary file."""
        path = tmp_path / "okrs.yaml"
        path.write_text("old", encoding="utf-8")

        def interrupt(_: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupt)
        with pytest.raises(KeyboardInterrupt):
            _files.write_text(path, "new")
        assert ("old", []) == (path.read_text(encoding="utf-8"), leftovers(tmp_path))

    def test_lone_surrogate_refused_before_any_file_is_opened(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Text UTF-8 cannot encode is refused, naming the file and the place, opening nothing."""
        path = tmp_path / "okrs.toml"
        path.write_text("old", encoding="utf-8")

        def no_open(*_: object) -> int:
            raise AssertionError("opened a file")

        monkeypatch.setattr(os, "open", no_open)
        with pytest.raises(FileError) as caught:
            _files.write_text(path, 'title = "t"\nunit = "\ud800"\n')
        expected = (
            f"{path}: line 2, column 9: expected text UTF-8 can encode, got the lone "
            "surrogate '\\ud800' (nothing was written)"
        )
        assert (expected, errno.EILSEQ) == (str(caught.value), caught.value.errno)
        assert "old" == path.read_text(encoding="utf-8")

    def test_new_file_gets_the_umask_mode(self, tmp_path: Path, umask: int) -> None:
        """A new file gets the bits the umask leaves of 0o666, not the temporary file's 0o600."""
        path = tmp_path / "new.json"
        _files.write_text(path, "{}")
        assert 0o666 & ~umask == stat.S_IMODE(path.stat().st_mode)

    def test_replaced_file_keeps_its_mode(self, tmp_path: Path, umask: int) -> None:
        """A file written over keeps its own permission bits."""
        path = tmp_path / "okrs.json"
        path.write_text("{}", encoding="utf-8")
        path.chmod(0o640)
        _files.write_text(path, "[]")
        assert (0o640, "[]") == (stat.S_IMODE(path.stat().st_mode), path.read_text())

    def test_symlink_replaces_the_file_it_points_to(self, tmp_path: Path) -> None:
        """Writing through a link replaces the file it points to, and keeps the link."""
        real = tmp_path / "real.yaml"
        real.write_text("old", encoding="utf-8")
        link = tmp_path / "link.yaml"
        link.symlink_to(real)
        _files.write_text(link, "new")
        assert (True, "new") == (link.is_symlink(), real.read_text(encoding="utf-8"))

    def test_dangling_symlink_creates_its_target(self, tmp_path: Path) -> None:
        """A link to no file yet makes that file, as the shell's ``>`` does."""
        link = tmp_path / "link.yaml"
        link.symlink_to(tmp_path / "real.yaml")
        _files.write_text(link, "new")
        assert (True, "new") == (link.is_symlink(), (tmp_path / "real.yaml").read_text())

    def test_directory_target(self, tmp_path: Path) -> None:
        """A folder in the way is a DirectoryError (an IsADirectoryError) naming it."""
        with pytest.raises(IsADirectoryError, match="expected a regular file, got a directory"):
            _files.write_text(tmp_path, "{}")

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A file in a folder that does not exist is a MissingFileError naming the file."""
        path = tmp_path / "nowhere" / "okrs.json"
        with pytest.raises(MissingFileError) as caught:
            _files.write_text(path, "{}")
        assert f"{path}: No such file or directory" == str(caught.value)

    def test_folder_not_writable(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A folder that refuses the temporary file is a FilePermissionError naming the file."""

        def refuse(*_: object) -> int:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(os, "open", refuse)
        with pytest.raises(FilePermissionError, match=r"okrs\.json: Permission denied"):
            _files.write_text(tmp_path / "okrs.json", "{}")

    def test_read_only_file_is_kept(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file its owner made read-only is not replaced, though its folder would allow it."""
        path = tmp_path / "okrs.json"
        path.write_text("{}", encoding="utf-8")
        monkeypatch.setattr(os, "access", lambda *_: False)
        with pytest.raises(PermissionError, match=r"okrs\.json: Permission denied"):
            _files.write_text(path, "[]")
        assert ("{}", []) == (path.read_text(), leftovers(tmp_path))

    @pytest.mark.skipif(ROOT_USER, reason=AS_ROOT)
    def test_read_only_file_for_real(self, tmp_path: Path) -> None:
        """The same, with real permission bits."""
        path = tmp_path / "okrs.json"
        path.write_text("{}", encoding="utf-8")
        path.chmod(0o444)
        with pytest.raises(FilePermissionError):
            _files.write_text(path, "[]")
        assert "{}" == path.read_text()

    def test_link_loop(self, tmp_path: Path) -> None:
        """Links in a loop are a FileError naming the path given."""
        a, b = tmp_path / "a.json", tmp_path / "b.json"
        a.symlink_to(b)
        b.symlink_to(a)
        with pytest.raises(FileError, match=r"a\.json: Too many levels of symbolic links"):
            _files.write_text(a, "{}")

    @pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
    def test_device_is_written_into_not_replaced(self) -> None:
        """``-o /dev/null`` writes into the device and leaves it a device."""
        _files.write_text("/dev/null", "{}")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
    def test_device_that_fails(self) -> None:
        """A device that refuses the text is a FileError naming it."""
        with pytest.raises(FileError, match="/dev/full: No space left on device"):
            _files.write_text("/dev/full", "{}")

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_fifo_without_a_reader_refused_without_waiting(self, tmp_path: Path) -> None:
        """A FIFO no process reads is a FileError at once, not a wait for a reader."""
        fifo = tmp_path / "okrs.yaml"
        os.mkfifo(fifo)
        with pytest.raises(FileError) as caught:
            _files.write_text(fifo, "{}")
        expected = f"{fifo}: no process is reading this FIFO: start its reader first"
        assert (expected, errno.ENXIO) == (str(caught.value), caught.value.errno)

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_fifo_with_a_reader_gets_all_the_text(self, tmp_path: Path) -> None:
        """Text many times the pipe's buffer reaches a slow reader whole, by a link too."""
        fifo = tmp_path / "okrs.yaml"
        os.mkfifo(fifo)
        link = tmp_path / "link.yaml"
        link.symlink_to(fifo)
        text = "".join(f"- {i}\n" for i in range(200_000))  # 1.6 MB
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(reader, True)
        # Held open so that the reader waits for the text rather than seeing the end at once.
        holder = os.open(fifo, os.O_WRONLY)
        parts: list[bytes] = []

        def read() -> None:
            while part := os.read(reader, 4096):
                parts.append(part)

        thread = threading.Thread(target=read)
        thread.start()
        try:
            _files.write_text(link, text)
        finally:
            os.close(holder)
            thread.join()
            os.close(reader)
        assert (text, True) == (b"".join(parts).decode(), stat.S_ISFIFO(os.stat(fifo).st_mode))

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_fifo_that_refuses_the_writer(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A FIFO that cannot be opened for another reason is the usual FileError for it."""
        fifo = tmp_path / "okrs.yaml"
        os.mkfifo(fifo)

        def refuse(*_: object) -> int:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(os, "open", refuse)
        with pytest.raises(FilePermissionError, match=r"okrs\.yaml: Permission denied$"):
            _files.write_text(fifo, "{}")


class TestReadBytes:
    @given(data=st.binary(max_size=64), max_size=st.integers(0, 64) | st.none())
    def test_reads_up_to_the_limit(self, data: bytes, max_size: int | None) -> None:
        """A file within the limit reads back whole; one over it is a FormatError."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "okrs.json"
            path.write_bytes(data)
            if max_size is not None and len(data) > max_size:
                with pytest.raises(FormatError, match=f"over the limit of {max_size} bytes"):
                    _files.read_bytes(path, max_size=max_size)
            else:
                assert data == _files.read_bytes(path, max_size=max_size)

    def test_size_refused_before_reading(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A regular file over the limit is refused from its size, without reading it."""
        path = tmp_path / "okrs.json"
        path.write_bytes(b"x" * 11)

        def no_read(*_: object, **__: object) -> bytes:
            raise AssertionError("read the file")

        monkeypatch.setattr(_files, "read_stream", no_read)
        with pytest.raises(FormatError):
            _files.read_bytes(path, max_size=10)

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    @pytest.mark.parametrize("limit", [10, None])
    def test_dev_zero(self, limit: int | None) -> None:
        """An endless device is refused at once, whatever the limit."""
        with pytest.raises(FileError) as caught:
            _files.read_bytes("/dev/zero", max_size=limit)
        assert ("/dev/zero: expected a regular file, got a character device", None) == (
            str(caught.value),
            caught.value.errno,
        )

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
    def test_fifo_refused_without_waiting(self, tmp_path: Path) -> None:
        """A FIFO no one writes to is refused at once, not waited on."""
        fifo = tmp_path / "okrs.json"
        os.mkfifo(fifo)
        with pytest.raises(FileError, match=r"got a FIFO \(named pipe\)"):
            _files.read_bytes(fifo, max_size=None)

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_link_to_a_device(self, tmp_path: Path) -> None:
        """A link is judged by what it points to, and named as given."""
        link = tmp_path / "okrs.json"
        link.symlink_to("/dev/zero")
        with pytest.raises(FileError, match=f"^{link}: expected a regular file, got a char"):
            _files.read_bytes(link, max_size=None)

    @pytest.mark.parametrize(
        ("mode", "kind"),
        [(stat.S_IFBLK, "a block device"), (stat.S_IFSOCK, "a socket"), (0, "a special file")],
    )
    def test_every_kind_named(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int, kind: str
    ) -> None:
        """What the file is instead is named: a block device, a socket, ..."""
        path = tmp_path / "okrs.json"
        path.write_bytes(b"{}")
        monkeypatch.setattr(os, "fstat", lambda _: os.stat_result((mode,) + (0,) * 9))
        with pytest.raises(FileError, match=f"expected a regular file, got {kind}$"):
            _files.read_bytes(path, max_size=None)

    def test_directory(self, tmp_path: Path) -> None:
        """A folder is a DirectoryError, also an IsADirectoryError."""
        with pytest.raises(IsADirectoryError) as caught:
            _files.read_bytes(tmp_path, max_size=None)
        assert isinstance(caught.value, DirectoryError)
        assert errno.EISDIR == caught.value.errno

    def test_missing(self, tmp_path: Path) -> None:
        """No file is a MissingFileError, also a FileNotFoundError, naming it."""
        path = tmp_path / "okrs.json"
        with pytest.raises(FileNotFoundError) as caught:
            _files.read_bytes(path, max_size=None)
        assert isinstance(caught.value, MissingFileError)
        assert f"{path}: No such file or directory" == str(caught.value)

    def test_not_a_folder(self, tmp_path: Path) -> None:
        """Other failures to open are a FileError with the system's errno and words."""
        (tmp_path / "okrs.json").write_bytes(b"{}")
        with pytest.raises(FileError) as caught:
            _files.read_bytes(tmp_path / "okrs.json" / "x.json", max_size=None)
        assert (errno.ENOTDIR, "Not a directory") == (caught.value.errno, caught.value.strerror)

    def test_permission(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file okrkit may not open is a FilePermissionError, also a PermissionError."""

        def refuse(*_: object) -> int:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(os, "open", refuse)
        with pytest.raises(FilePermissionError, match=r"okrs\.json: Permission denied"):
            _files.read_bytes(tmp_path / "okrs.json", max_size=None)

    @pytest.mark.skipif(ROOT_USER, reason=AS_ROOT)
    def test_unreadable_for_real(self, tmp_path: Path) -> None:
        """The same, with real permission bits."""
        path = tmp_path / "okrs.json"
        path.write_bytes(b"{}")
        path.chmod(0)
        with pytest.raises(FilePermissionError):
            _files.read_bytes(path, max_size=None)

    def test_failure_mid_read(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A read that fails half way is a FileError naming the file."""
        path = tmp_path / "okrs.json"
        path.write_bytes(b"{}")

        def fail(*_: object, **__: object) -> bytes:
            raise OSError(errno.EIO, "Input/output error")

        monkeypatch.setattr(_files, "read_stream", fail)
        with pytest.raises(FileError, match=r"okrs\.json: Input/output error"):
            _files.read_bytes(path, max_size=None)


class Endless(io.RawIOBase):
    """A stream of zeros without end, handing out at most *chunk* bytes a read."""

    def __init__(self, chunk: int) -> None:
        self.chunk = chunk
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.chunk)
        buffer[:n] = b"\0" * n
        self.given += n
        return n


class TestReadStream:
    @given(data=st.binary(max_size=64), chunk=st.integers(1, 8))
    def test_short_reads_are_not_the_end(self, data: bytes, chunk: int) -> None:
        """A stream handing out a few bytes at a time is read to its end."""

        class Trickle(io.RawIOBase):
            def __init__(self) -> None:
                self.rest = data

            def readable(self) -> bool:
                return True

            def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
                n = min(len(buffer), chunk, len(self.rest))
                buffer[:n] = self.rest[:n]
                self.rest = self.rest[n:]
                return n

        assert data == _files.read_stream(Trickle(), max_size=64)  # type: ignore[arg-type]
        assert data == _files.read_stream(Trickle(), max_size=None)  # type: ignore[arg-type]

    @pytest.mark.parametrize("chunk", [1, 7, 1000])
    def test_endless_stream_read_one_byte_past_the_limit(self, chunk: int) -> None:
        """An endless stream is refused having read the limit and one byte more."""
        stream = Endless(chunk)
        with pytest.raises(FormatError, match="more than 100 bytes is over the limit of 100"):
            _files.read_stream(stream, max_size=100)  # type: ignore[arg-type]
        assert 101 == stream.given


class TestSameFile:
    def test_same_and_different(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """One file by any name is the same file; a file not yet written is no other file."""
        monkeypatch.chdir(tmp_path)
        Path("okrs.yaml").write_text("x", encoding="utf-8")
        Path("link.yaml").symlink_to("okrs.yaml")
        assert _files.same_file("okrs.yaml", tmp_path / "okrs.yaml")
        assert _files.same_file("link.yaml", "./okrs.yaml")
        assert not _files.same_file("new.yaml", "okrs.yaml")
        assert _files.same_file("sub/../new.yaml", "new.yaml")
