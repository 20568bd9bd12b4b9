"""Write the built-in rules' registrations as calls, so that mutmut mutates the rules' bodies.

mutmut (3.x) leaves every decorated function alone, and each built-in rule is registered by a
decorator, ``@REGISTRY.rule(...)``.  Run on a copy of the repository made for the mutation
pass (never on a working tree), this rewrites each such rule as the same function, undecorated,
followed by the same registration as a call::

    def key_result_count(plan, context): ...
    key_result_count = REGISTRY.rule("OKR101", ...)(key_result_count)

which is what the decorator does, in the same order, so the rules and their registry are the
same.  Usage: ``python tools/undecorate_rules.py src/okrkit/rules`` (see docs/design.md).
It uses libcst, which mutmut itself depends on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import libcst as cst


def _registers(decorator: cst.Decorator) -> bool:
    """Whether *decorator* is ``@<registry>.rule(...)``."""
    call = decorator.decorator
    return (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "rule"
    )


def undecorate(path: Path) -> int:
    """Rewrite the module at *path* in place; how many rules it held."""
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    body: list[cst.BaseStatement] = []
    rewritten = 0
    for statement in module.body:
        if not (
            isinstance(statement, cst.FunctionDef)
            and statement.decorators
            and all(map(_registers, statement.decorators))
        ):
            body.append(statement)
            continue
        name = statement.name.value
        body.append(statement.with_changes(decorators=()))
        # The decorator nearest the function applies first, as Python applies them.
        for decorator in reversed(statement.decorators):
            call = cst.Call(func=decorator.decorator, args=[cst.Arg(cst.Name(name))])
            assign = cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=call)
            body.append(cst.SimpleStatementLine(body=[assign]))
        rewritten += 1
    path.write_text(module.with_changes(body=body).code, encoding="utf-8")
    return rewritten


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python tools/undecorate_rules.py RULES_PACKAGE_DIR", file=sys.stderr)
        return 2
    total = sum(undecorate(path) for path in sorted(Path(argv[0]).glob("*.py")))
    print(f"{total} rules registered by calls instead of decorators")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
