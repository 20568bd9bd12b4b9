"""Build ``src/okrkit/text/verbs.tsv``, the verbs okrkit.text knows, from WordNet 3.0.

Usage, from the repository's root::

    PYTHONPATH=src python tools/build_verbs.py DICT_DIR [OUT]

DICT_DIR is a WordNet 3.0 database directory, holding ``index.verb``, ``index.noun``,
``index.adj``, ``index.adv``, ``verb.exc``, ``noun.exc``, ``adj.exc`` and ``cntlist.rev``:
Debian's ``wordnet-base`` package installs one as ``/usr/share/wordnet`` (or unpack its
``.deb`` with ``dpkg-deb -x``), and Princeton's ``WNdb-3.0.tar.gz`` holds one as ``dict/``.
OUT defaults to ``src/okrkit/text/verbs.tsv``.  The same input gives the same bytes.

The file has three sections, each a line per word, sorted, its fields separated by tabs:

- ``[verbs]``: every verb lemma of one word (hyphens allowed, no ``_``) in lower case, with
  its number of senses as a verb, the times the Semantic Concordance tags it as one
  (``cntlist.rev``), and the same two numbers as a noun;
- ``[irregular]``: each irregular form of ``verb.exc`` and its lemma, but those that the
  rules of ``okrkit.text._verbs`` find ("stopped");
- ``[not-verbs]``: the nouns, adjectives and adverbs (and their irregular plurals) that the
  prefix and hyphen rules of ``okrkit.text._verbs`` would take for a verb: "resource" for
  re-source, "upcoming", "follow-up".
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from okrkit.text._verbs import Counts, Lexicon

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "okrkit" / "text" / "verbs.tsv"
HEADER = """\
# English verbs, from WordNet 3.0 (https://wordnet.princeton.edu).
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
# Used under the WordNet 3.0 licence: WORDNET-LICENSE, beside this file.
# Made by tools/build_verbs.py; regenerate with it, do not edit.
"""
# cntlist.rev's sense keys name the part of speech by number (wndb(5WN), senseidx(5WN)).
_VERB, _NOUN = "2", "1"


def senses(path: Path) -> dict[str, int]:
    """Each lemma of one word in an ``index.*`` file, and its number of senses (synsets)."""
    found: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):  # the licence, at the top
            continue
        fields = line.split()
        if "_" not in fields[0]:
            found[fields[0].lower()] = int(fields[2])
    return found


def tags(path: Path) -> dict[str, Counter[str]]:
    """Per part of speech (``cntlist.rev``'s number), each lemma's tagged uses, summed."""
    found: dict[str, Counter[str]] = {_VERB: Counter(), _NOUN: Counter()}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, count = line.split()
        lemma, _, rest = key.partition("%")
        if rest[0] in found:
            found[rest[0]][lemma.lower()] += int(count)
    return found


def exceptions(path: Path) -> dict[str, str]:
    """Each one-word inflected form of an ``*.exc`` file and its first lemma."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        form, lemma, *_ = line.split()
        if "_" not in form + lemma:
            found.setdefault(form, lemma)
    return found


def build(wordnet: Path) -> str:
    """The text of ``verbs.tsv``, from the WordNet 3.0 database in the directory *wordnet*."""
    verbs, nouns = senses(wordnet / "index.verb"), senses(wordnet / "index.noun")
    tagged = tags(wordnet / "cntlist.rev")
    counts = {
        lemma: Counts(
            verb_senses=n,
            verb_tags=tagged[_VERB][lemma],
            noun_senses=nouns.get(lemma, 0),
            noun_tags=tagged[_NOUN][lemma],
        )
        for lemma, n in verbs.items()
    }
    # The forms the rules would not find, or would take for another verb: "held", but not
    # "stopped", which the rules find without help.  (verb.exc lists "co-opts" as "coopts",
    # which WordNet has not.)
    regular = Lexicon(counts, {})
    irregular = {
        form: lemma
        for form, lemma in exceptions(wordnet / "verb.exc").items()
        if lemma in counts and regular.inflected(form) != lemma
    }
    lexicon = Lexicon(counts, irregular)
    others = set(nouns) | set(senses(wordnet / "index.adj")) | set(senses(wordnet / "index.adv"))
    for exc in ("noun.exc", "adj.exc"):
        others |= {f for f, lemma in exceptions(wordnet / exc).items() if lemma in others}
    # Only those the rules take apart: "meeting" is a form of "meet" whatever else it is.
    not_verbs = sorted(
        w for w in others if lexicon.inflected(w) is None and lexicon.lemma(w) is not None
    )
    lines = [HEADER, "[verbs]"]
    lines += [
        f"{w}\t{c.verb_senses}\t{c.verb_tags}\t{c.noun_senses}\t{c.noun_tags}"
        for w, c in sorted(counts.items())
    ]
    lines += ["", "[irregular]"] + [f"{f}\t{lemma}" for f, lemma in sorted(irregular.items())]
    lines += ["", "[not-verbs]", *not_verbs]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Write ``verbs.tsv`` from the WordNet directory ``argv[0]`` to ``argv[1]`` or `OUT`."""
    if len(argv) not in (1, 2):
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) == 2 else OUT
    out.write_text(build(Path(argv[0])), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
