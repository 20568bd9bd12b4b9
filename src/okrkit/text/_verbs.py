"""English verbs and their inflections, from WordNet 3.0: is a word a form of a verb, and how
much of a noun is it too?

`verb_lemma` names the verb a word is a form of ("contacted" -> "contact", "held" -> "hold",
"up-selling" -> "up-sell"), or None; `noun_weight` says how much more a verb's lemma is used
as a noun than as a verb ("ship" mostly a noun, "distribute" only a verb).  The statement
reader uses them to recognise an imperative verb it was never told about.

>>> verb_lemma("Distributed")
'distribute'
>>> verb_lemma("revenue") is None
True
>>> noun_weight("ship") > 0.5 > noun_weight("distribute")
True

The words are WordNet 3.0's (Princeton University), kept in ``verbs.tsv`` beside this module
and read on first use; its licence is ``WORDNET-LICENSE``, beside it too.  Regenerate the file
with ``python tools/build_verbs.py DICT_DIR`` (DICT_DIR holds WordNet's ``index.verb``).
"""

from __future__ import annotations

import functools
import importlib.resources

import attrs

from okrkit.errors import InvalidValueError

# WordNet's morphy: the endings a verb's inflection adds, and what its lemma ends in instead,
# in the order tried (wndb(5WN), morph.c).  "-ied" -> "-y" is ours: morphy finds "tried" in
# verb.exc, which lists only the forms of the verbs WordNet has.
_VERB_ENDINGS = (
    ("s", ""),
    ("ies", "y"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ied", "y"),
    ("ing", "e"),
    ("ing", ""),
)
# Morphy's for nouns: "resources" is a plural of the noun "resource", not a verb re-source.
_NOUN_ENDINGS = (
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
)
# Prefixes that make a verb of a verb without a hyphen: "upsell", "onboard", "relaunch".
PREFIXES = (
    "auto",
    "co",
    "cross",
    "de",
    "dis",
    "down",
    "mis",
    "off",
    "on",
    "out",
    "over",
    "pre",
    "re",
    "sub",
    "un",
    "under",
    "up",
)
_LONGEST_FIRST = sorted(PREFIXES, key=len, reverse=True)
# A phrasal verb's particles: after a hyphen one makes a noun ("sign-up", "roll-out"); the
# reader also takes them as no verb, and a verb and its particle written open as one noun.
PARTICLES = frozenset(
    ("up", "out", "off", "down", "in", "on", "over", "back", "away", "through", "about", "by")
)
_VOWELS = frozenset("aeiou")


@attrs.frozen
class Counts:
    """How often WordNet 3.0 has one lemma as a verb and as a noun.

    *verb_senses*, *noun_senses*: its senses (synsets) as each; *verb_tags*, *noun_tags*: how
    many times the Semantic Concordance's texts use it as each (cntlist.rev).
    """

    verb_senses: int
    verb_tags: int
    noun_senses: int
    noun_tags: int


@attrs.frozen
class Lexicon:
    """WordNet's verbs: the lemmas' counts, the irregular forms and the nouns that look derived.

    *not_verbs* are the nouns, adjectives and adverbs that the prefix and hyphen rules would
    take for a verb ("resource", "upcoming", "follow-up").
    """

    counts: dict[str, Counts]
    irregular: dict[str, str]
    not_verbs: frozenset[str] = frozenset()

    def lemma(self, word: str) -> str | None:
        """The lemma of the verb *word* (lower case) is a form of, or None: see `verb_lemma`."""
        found = self.inflected(word)
        if found is not None:
            return found
        if "-" in word:
            found = self.inflected(word.replace("-", ""))
            if found is not None:
                return found
            head, _, tail = word.rpartition("-")
            if head.rpartition("-")[2] in PREFIXES:
                found = self.inflected(tail)
            elif tail in self.counts:
                # "soft-launch": after another word, only the base form; "data-driven" and
                # "customer-facing" are adjectives, "best-practices" a noun.
                found = tail
            head += "-"
        else:
            head = next((p for p in _LONGEST_FIRST if self._prefixes(word, p)), "")
            found = self.inflected(word[len(head) :]) if head else None
            if found is not None and (
                len(found) < 3 or self.inflected(head + found) not in (None, head + found)
            ):
                # "overare" is no "over-be", "corang" no "co-ring": a prefix takes a verb of
                # three letters or more, in its lemma as in its form, and makes no form of
                # another verb ("coring" is "core"), so that the lemma is its own again.
                found = None
        lemma = head + found if found is not None else None
        if (
            lemma is None
            or found in PARTICLES
            or self._is_not_verb(word)
            or self._is_not_verb(lemma)  # "uptimeing": "uptime" is a noun, no verb's lemma
        ):
            return None
        return lemma

    def _prefixes(self, word: str, prefix: str) -> bool:
        """Whether *word* is *prefix* before a form of a verb of three letters or more."""
        return (
            word.startswith(prefix)
            and len(word) > len(prefix) + 2
            and self.inflected(word[len(prefix) :]) is not None
        )

    def inflected(self, word: str) -> str | None:
        """The lemma of the verb WordNet has of which *word* is a form, or None."""
        if word in self.counts:
            return word
        if word in self.irregular:
            return self.irregular[word]
        for ending, base in _VERB_ENDINGS:
            if not word.endswith(ending):
                continue
            stem = word[: -len(ending)]
            if ending == "ing" and base == "e" and not _ends_in_vowel_consonant(stem):
                # "singing" is "sing", not "singe"; "hoping" is "hope", since "hop" doubles.
                continue
            lemma = stem + base
            if lemma in self.counts:
                return lemma
            doubled = ending in ("ed", "ing") and not base and _doubled(stem)
            if doubled and stem[:-1] in self.counts:  # "stopped", "travelling"
                return stem[:-1]
        if word.endswith("ing") and word[:-3] + "e" in self.counts:  # "bathing", "changing"
            return word[:-3] + "e"
        return None

    def _is_not_verb(self, word: str) -> bool:
        """Whether *word* is a form of one of *not_verbs*, with or without its hyphens."""
        for spelling in {word, word.replace("-", "")}:
            if spelling in self.not_verbs:
                return True
            for ending, base in _NOUN_ENDINGS:
                if spelling.endswith(ending) and spelling[: -len(ending)] + base in self.not_verbs:
                    return True
        return False


def _ends_in_vowel_consonant(stem: str) -> bool:
    """Whether *stem* ends in one vowel and a consonant that doubles ("hop", not "sing")."""
    return (
        len(stem) >= 2
        and stem[-2] in _VOWELS
        and stem[-1] not in _VOWELS
        and stem[-1] not in "wxy"
        and (len(stem) < 3 or stem[-3] not in _VOWELS)
    )


def _doubled(stem: str) -> bool:
    """Whether *stem* ends in a doubled consonant ("stopp", "travell")."""
    return len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS


def parse(text: str) -> Lexicon:
    """The `Lexicon` that the text of ``verbs.tsv`` holds."""
    counts: dict[str, Counts] = {}
    irregular: dict[str, str] = {}
    not_verbs: set[str] = set()
    section = ""
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        if line.startswith("["):
            section = line
            continue
        fields = line.split("\t")
        if section == "[verbs]":
            counts[fields[0]] = Counts(*map(int, fields[1:]))
        elif section == "[irregular]":
            irregular[fields[0]] = fields[1]
        else:
            not_verbs.add(fields[0])
    return Lexicon(counts, irregular, frozenset(not_verbs))


@functools.cache
def lexicon() -> Lexicon:
    """The `Lexicon` of ``verbs.tsv``, read once per process on first use."""
    data = importlib.resources.files("okrkit.text").joinpath("verbs.tsv")
    return parse(data.read_text(encoding="utf-8"))


def verb_lemma(word: str) -> str | None:
    """The lemma of the verb *word* is a form of, in lower case, or None if it is none.

    A form is the base, an -s, -ed or -ing form (with morphy's rules, as WordNet's own
    ``wn`` finds them, and a doubled consonant dropped: "stopped", "travelling"), or an
    irregular form WordNet lists.  A word that is the base form of a verb is its own lemma
    ("found" is "found", not "find").

    A word WordNet lacks may be a verb it has behind a prefix: after one of `PREFIXES`
    ("upsell", "onboard", "relaunch"), or after a hyphen ("up-sell", "co-host"): tried whole,
    then without its hyphens, then the part after the last hyphen.  After a word that is no
    prefix only the base form counts ("soft-launch", not "data-driven"), and never a particle
    ("sign-up").  Nouns, adjectives and adverbs WordNet has are not taken apart ("resources",
    "upcoming", "follow-up").

    >>> [verb_lemma(w) for w in ("Contact", "Distributes", "held", "stopped", "studied")]
    ['contact', 'distribute', 'hold', 'stop', 'study']
    >>> [verb_lemma(w) for w in ("Up-sell", "upselling", "Onboard", "re-launched")]
    ['up-sell', 'upsell', 'onboard', 're-launch']
    >>> [verb_lemma(w) for w in ("customers", "quarterly", "resources", "data-driven")]
    [None, None, None, None]
    """
    return lexicon().lemma(word.lower())


def noun_weight(lemma: str) -> float:
    """How much more WordNet has the verb *lemma* as a noun than as a verb: from 0 to 1.

    The noun's share of the uses tagged in WordNet's texts and its senses, each sense
    counted as one use: (noun tags + noun senses) / (all tags + all senses).  1 is mostly a
    noun, 0 only a verb.  A lemma WordNet lacks (a prefix's: "onboard", "up-sell") names no
    noun it has either, so 0, but one after another word takes that of the part after the
    hyphen ("soft-launch" as "launch").  *lemma* is what `verb_lemma` gives; a word that is
    no verb's lemma is an `InvalidValueError`.

    >>> round(noun_weight("ship"), 2), round(noun_weight("test"), 2)
    (0.81, 0.45)
    >>> noun_weight("distribute"), noun_weight("onboard")
    (0.0, 0.0)
    """
    word = lemma.lower()
    lex = lexicon()
    if lex.lemma(word) != word:
        raise InvalidValueError("lemma", lemma, "the lemma of a verb, as verb_lemma gives it")
    head, _, tail = word.rpartition("-")
    if word not in lex.counts and head.rpartition("-")[2] not in PREFIXES and head:
        word = tail
    counts = lex.counts.get(word)
    if counts is None:
        return 0.0
    noun = counts.noun_tags + counts.noun_senses
    return noun / (noun + counts.verb_tags + counts.verb_senses)
