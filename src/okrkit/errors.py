"""The exceptions and warnings okrkit raises.

Every exception derives from `OKRError`, and each also derives from the built-in a
caller would naturally catch (`ValueError`, `TypeError`, `KeyError`, `OSError` and its
`FileNotFoundError`, `IsADirectoryError`, `PermissionError`), so code that knows nothing
of okrkit still handles it.  Messages say what was wrong, where (a path
such as ``objectives[2].key_results[1].target``), the value seen and what was expected.
"""

from __future__ import annotations

import math
import re
import reprlib
from collections.abc import Iterable

import attrs

__all__ = [
    "AlignmentError",
    "CycleError",
    "DirectoryError",
    "FileError",
    "FilePermissionError",
    "FormatError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingFileError",
    "OKRError",
    "OKRWarning",
    "Problem",
    "RuleError",
    "ScoringError",
    "UnknownIdError",
    "exception_text",
    "parser_problem",
    "safe_repr",
]


class _SafeRepr(reprlib.Repr):
    """`reprlib.Repr` that shows a huge integer by its length, as ``repr`` of it may fail."""

    def repr_int(self, x: int, level: int) -> str:
        # Python refuses to write an int of more than 4,300 digits (sys.set_int_max_str_digits),
        # and hex, octal and binary literals or YAML's base-60 numbers read into such ints.
        if x.bit_length() <= 200:  # up to 60 digits: shown whole
            return repr(x)
        return f"an integer of {_digits(x):,} digits"


def _digits(x: int) -> int:
    """How many decimal digits *x* has, without writing it out."""
    n = abs(x)
    digits = int(math.log10(n)) + 1
    # log10 of an int is a float: near a power of ten it may be one off either way.
    if n < 10 ** (digits - 1):
        return digits - 1
    if n >= 10**digits:
        return digits + 1
    return digits


_repr = _SafeRepr()
_repr.maxstring = 60
_repr.maxother = 60
_repr.maxlevel = 3


def safe_repr(value: object) -> str:
    """A short repr of any value, however long, deep or large; it never raises.

    Long strings keep their head and tail, huge integers show their length, and
    anything whose own ``repr`` fails shows its type.  Every message that shows a value
    a user gave uses it.

    >>> safe_repr("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxx'"
    >>> safe_repr([[[[[1]]]]])
    '[[[[...]]]]'
    >>> safe_repr(16**5000)
    'an integer of 6,021 digits'
    """
    try:
        return _repr.repr(value)
    except Exception:  # a container's own __iter__ or __len__ may raise anything
        return f"<{type(value).__name__} that cannot be shown>"


# Python's words for an integer too long to read: "Exceeds the limit (4300 digits) for integer
# string conversion: value has 5000 digits; use sys.set_int_max_str_digits() ...".
_TOO_MANY_DIGITS = re.compile(r"\((?P<limit>\d+) digits\).*?has (?P<digits>\d+) digits")


def parser_problem(error: ValueError | OverflowError) -> str:
    """What a parser's `ValueError` or `OverflowError` means to the person who wrote the document.

    Parsers let Python's own messages through, which speak of Python (``use
    sys.set_int_max_str_digits()``), not of the document; those a document can cause are said
    here in its terms.

    >>> parser_problem(OverflowError("int too large to convert to float"))
    'a number too large to read'
    >>> parser_problem(ValueError("Exceeds the limit (4300 digits) for integer string "
    ...     "conversion: value has 5000 digits; use sys.set_int_max_str_digits()"))
    'an integer of 5,000 digits, more than the 4,300 that can be read'
    """
    text = str(error)
    found = _TOO_MANY_DIGITS.search(text)
    if found:
        digits, limit = int(found["digits"]), int(found["limit"])
        return f"an integer of {digits:,} digits, more than the {limit:,} that can be read"
    if isinstance(error, OverflowError):
        return "a number too large to read"
    if text.startswith("offset must be a timedelta"):
        return "a UTC offset of 24 hours or more"
    return text


def exception_text(error: BaseException) -> str:
    """What *error* says, after its type's name; it never raises, whatever the error's ``str``.

    For an exception raised by code okrkit runs but did not write (a custom rule, a module of
    rules), whose message is told to the user: past 500 characters it is shortened.

    >>> exception_text(ZeroDivisionError("division by zero"))
    'ZeroDivisionError: division by zero'
    """
    try:
        said = str(error)
    except Exception:  # an error whose own str() fails is still named
        said = "(its message could not be shown)"
    if len(said) > _SAID_MAX:  # the head says what; a megabyte of it is a screenful of noise
        said = f"{said[:_SAID_MAX]}... ({len(said) - _SAID_MAX:,} more characters)"
    return f"{type(error).__name__}: {said}"


_SAID_MAX = 500


class OKRError(Exception):
    """The root of every exception okrkit raises."""


def _join(prefix: str, path: str) -> str:
    """Join two parts of a path: ``objectives[0]`` + ``target`` -> ``objectives[0].target``."""
    if not prefix:
        return path
    if not path or path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class _LocatedError(OKRError):
    """An error about one value at one place: what was expected there, and what was seen.

    *hint* is a guess at what was meant, said after the value (``did you mean 0.6?``).
    """

    path: str
    value: object
    expected: str
    hint: str | None

    def __init__(self, path: str, value: object, expected: str, hint: str | None = None) -> None:
        self.path = path
        self.value = value
        self.expected = expected
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return where + self.said

    @property
    def said(self) -> str:
        """What is wrong, without the path: ``expected ..., got ...`` and the hint if any."""
        hint = "" if self.hint is None else f" ({self.hint})"
        return f"expected {self.expected}, got {safe_repr(self.value)}{hint}"

    def under(self, prefix: str) -> _LocatedError:
        """The same error, with its path placed under *prefix* (``objectives[0]``)."""
        return type(self)(_join(prefix, self.path), self.value, self.expected, self.hint)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.value, self.expected, self.hint))


class InvalidValueError(_LocatedError, ValueError):
    """A value is of the right type but breaks a rule of its field.

    >>> str(InvalidValueError("confidence", 1.5, "a number from 0 to 1"))
    'confidence: expected a number from 0 to 1, got 1.5'
    >>> str(InvalidValueError("confidence", 60, "a number from 0 to 1", "did you mean 0.6?"))
    'confidence: expected a number from 0 to 1, got 60 (did you mean 0.6?)'
    """


class InvalidTypeError(_LocatedError, TypeError):
    """A value is of the wrong type for its field.

    >>> str(InvalidTypeError("weight", "heavy", "a number"))
    "weight: expected a number, got 'heavy'"
    """


class CycleError(InvalidValueError):
    """A cycle label or cycle arithmetic that okrkit cannot make sense of."""


class UnknownIdError(OKRError, KeyError):
    """No objective, key result or KPI has the id asked for.

    >>> str(UnknownIdError("churn", "a key result"))
    "no key result with id 'churn'"
    """

    def __init__(self, id: str, what: str = "an objective or key result") -> None:
        self.id = id
        self.what = what
        super().__init__(id)

    def __str__(self) -> str:
        noun = self.what.removeprefix("an ").removeprefix("a ")
        return f"no {noun} with id {safe_repr(self.id)}"

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.id, self.what))


class ScoringError(OKRError, ValueError):
    """A score, progress or forecast asked of something that cannot give one."""


class RuleError(OKRError, RuntimeError):
    """A rule failed while it ran: `code` names it, and what it raised is the ``__cause__``.

    >>> str(RuleError("ACME001", ZeroDivisionError("division by zero")))
    'rule ACME001 failed: ZeroDivisionError: division by zero'
    """

    def __init__(self, code: str, error: BaseException) -> None:
        self.code = code
        self.error = error
        super().__init__(f"rule {code} failed: {exception_text(error)}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.code, self.error))


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found in a document: where it is, the value seen there and what was expected.

    `message` says what is wrong; ``str()`` puts the file (with the line and column, when
    known: ``okrs.yaml:12:7``) and the path before it, as an error lists it.  `expected` is
    set when a value was not what its place takes, and `value` is then the value seen;
    `line` and `column` when the format has lines and the place is known (`okrkit.load` and
    `okrkit.loads` find it, by a second pass over the text only when there is a problem).
    The `path` is where the reader was: ``$.objectives[0].weight`` in a document, ``row 3,
    column 'kr.title'`` in a CSV table, ``line 5`` in Markdown.

    >>> problem = Problem.unexpected("$.objectives[0].weight", "heavy", "a number")
    >>> str(problem)
    "$.objectives[0].weight: expected a number, got 'heavy'"
    >>> problem.path, problem.value, problem.expected
    ('$.objectives[0].weight', 'heavy', 'a number')
    """

    message: str
    path: str = ""
    # Shown by `message`; any value a document holds, so neither compared nor hashed.
    value: object = attrs.field(default=None, eq=False, repr=safe_repr)
    expected: str | None = None
    line: int | None = None
    column: int | None = None
    file: str | None = None

    @classmethod
    def unexpected(cls, path: str, value: object, expected: str) -> Problem:
        """The problem of *value*, at *path*, that is not the *expected* kind of value."""
        message = f"expected {expected}, got {safe_repr(value)}"
        return cls(message=message, path=path, value=value, expected=expected)

    def __str__(self) -> str:
        where, path, message = self.file, self.path, self.message
        if where is not None and self.line is not None:
            # A file's problem opens with its place, as compilers and linters write it, and
            # the path or message need not say the line again.
            where += f":{self.line}" if self.column is None else f":{self.line}:{self.column}"
            if path == f"line {self.line}":  # a Markdown problem's path
                path = ""
            message = message.replace(f" at line {self.line}, column {self.column}:", ":", 1)
        return ": ".join([part for part in (where, path) if part] + [message])


class _ProblemsError(OKRError):
    """Many problems found at once, raised together.

    `details` holds each `Problem` with its fields; `problems` says each in one string.
    """

    details: tuple[Problem, ...]
    problems: tuple[str, ...]

    def __init__(self, problems: Iterable[Problem | str] | str) -> None:
        given = (problems,) if isinstance(problems, str) else tuple(problems)
        self.details = tuple(p if isinstance(p, Problem) else Problem(message=p) for p in given)
        self.problems = tuple(map(str, self.details))
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            lines = "".join(f"\n  {p}" for p in self.problems)
            message = f"{len(self.problems)} problems:{lines}"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.details,))


class FormatError(_ProblemsError, ValueError):
    """A document that cannot be read; `problems` lists every problem found, each with its path.

    `details` holds the same problems as `Problem` values, to read their fields.

    >>> str(FormatError(["$.okrkit: expected 1, got 2"]))
    '$.okrkit: expected 1, got 2'
    >>> str(FormatError(["$.a: expected a number, got 'x'", "$.b: missing"]))
    "2 problems:\\n  $.a: expected a number, got 'x'\\n  $.b: missing"
    >>> FormatError([Problem.unexpected("$.a", "x", "a number")]).details[0].expected
    'a number'
    """

    @classmethod
    def invalid(
        cls, syntax: str, problem: str, *, line: int | None = None, column: int | None = None
    ) -> FormatError:
        """The error of text that is not valid *syntax* (JSON, YAML, TOML): where, if known.

        >>> str(FormatError.invalid("JSON", "Expecting value", line=1, column=7))
        '$: invalid JSON at line 1, column 7: Expecting value'
        """
        where = "" if line is None else f" at line {line}, column {column}"
        message = f"invalid {syntax}{where}: {problem}"
        return cls([Problem(path="$", message=message, line=line, column=column)])


class AlignmentError(_ProblemsError, ValueError):
    """Objectives aligned to ids that do not exist, or aligned in a loop; `problems` lists them all.

    >>> str(AlignmentError(["a -> b -> a: alignment loop"]))
    'a -> b -> a: alignment loop'
    """


class FileError(OKRError, OSError):
    """A file okrkit cannot read or write: `filename` names it, `strerror` says what is wrong.

    An `OSError` with the `errno` of the call that failed (`errno.EILSEQ` for text that UTF-8
    cannot encode), or None when none did (a file that is not a regular file).  The subclasses
    are also the built-in a caller would catch: `MissingFileError` a `FileNotFoundError`,
    `DirectoryError` an `IsADirectoryError`, `FilePermissionError` a `PermissionError`.

    >>> str(FileError("okrs.yaml", "expected a regular file, got a FIFO"))
    'okrs.yaml: expected a regular file, got a FIFO'
    """

    filename: str
    strerror: str

    def __init__(self, filename: str, strerror: str, errno: int | None = None) -> None:
        # OSError's three-argument form sets errno, strerror and filename.
        super().__init__(errno, strerror, filename)

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.filename, self.strerror, self.errno))


class MissingFileError(FileError, FileNotFoundError):
    """No file at the path, or no folder to hold one.

    >>> str(MissingFileError("okrs.yaml", "No such file or directory"))
    'okrs.yaml: No such file or directory'
    """


class DirectoryError(FileError, IsADirectoryError):
    """A folder where a file was expected."""


class FilePermissionError(FileError, PermissionError):
    """A file okrkit is not allowed to read or write."""


class OKRWarning(UserWarning):
    """The root of okrkit's warnings: legal but questionable, flagged rather than forbidden."""
