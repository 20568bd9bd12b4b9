"""Tests for okrkit.text._verbs: WordNet's verbs, their forms, and how much each is a noun."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrkit.errors import InvalidValueError
from okrkit.text._verbs import (
    PREFIXES,
    Counts,
    Lexicon,
    lexicon,
    noun_weight,
    parse,
    verb_lemma,
)

ROOT = Path(__file__).resolve().parent.parent
LEMMAS = sorted(lexicon().counts)
IRREGULAR = sorted(lexicon().irregular.items())
lemmas = st.sampled_from(LEMMAS)
words = st.text(st.sampled_from("abcdeilnoprstuy-"), max_size=14)


def regular_forms(lemma: str) -> set[str]:
    """The -s, -ed and -ing forms English spelling may give *lemma*, doubled consonant or not."""
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) else lemma
    y = lemma[:-1] + "i" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else None
    forms = {lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing", stem + "ing"}
    forms |= {stem + "ed", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if y:
        forms |= {y + "es", y + "ed"}
    return forms


def inflection(lemma: str) -> str:
    """One regular form of *lemma*, spelled as English spells most verbs'."""
    return sorted(regular_forms(lemma))[len(lemma) % 3]


class TestVerbLemma:
    @given(
        st.text(st.sampled_from("abcdegilmnoprstuy-"), max_size=16)
        | st.sampled_from(
            ["uptimeing", "officeed", "upcomings", "outages", "re-launched", "co-hosting"]
        )
    )
    def test_a_lemma_is_its_own_and_has_a_weight(self, word: str) -> None:
        """What verb_lemma gives is its own lemma, and noun_weight takes it: the reader may
        ask both of any word ("Uptimeing" once gave "uptime", which is no verb)."""
        lemma = verb_lemma(word)
        if lemma is not None:
            assert lemma == verb_lemma(lemma)
            assert 0.0 <= noun_weight(lemma) <= 1.0

    def test_a_prefix_before_an_irregular_form(self) -> None:
        """Every prefix before every irregular form: what verb_lemma gives is its own lemma
        and has a weight ("overare" once gave "overbe", which noun_weight refused)."""
        for prefix in PREFIXES:
            for form, _ in IRREGULAR:
                lemma = verb_lemma(prefix + form)
                if lemma is not None:
                    assert lemma == verb_lemma(lemma)
                    assert 0.0 <= noun_weight(lemma) <= 1.0

    @given(lemmas)
    def test_lemma_is_its_own(self, lemma: str) -> None:
        """Every verb lemma in the file is its own lemma."""
        assert lemma == verb_lemma(lemma)

    @given(lemmas, st.sampled_from(["s", "ed", "ing"]))
    def test_regular_form_names_a_verb_it_is_a_form_of(self, lemma: str, ending: str) -> None:
        """A regular form gives back its lemma, or another verb it is also a form of."""
        forms = sorted(f for f in regular_forms(lemma) if f.endswith(ending))
        for form in forms:
            found = verb_lemma(form)
            if found is not None:
                assert form in regular_forms(found) | {found} or form in lexicon().irregular

    @given(lemmas)
    def test_plain_forms_come_back(self, lemma: str) -> None:
        """The -s and -ing forms of a verb ending in two consonants other than s, x, y, z, h
        give back the verb, when no other verb nor irregular form is spelled so ("cop" is
        "copping": "coping" is "cope")."""
        if lemma[-1] in "aeiousxyzh-" or lemma[-2:-1] in tuple("aeiou"):
            return
        lex = lexicon()
        for form in (lemma + "s", lemma + "ing"):
            if form not in lex.counts and form not in lex.irregular:
                assert lemma == verb_lemma(form)

    @given(st.sampled_from(IRREGULAR))
    def test_irregular_forms(self, pair: tuple[str, str]) -> None:
        """Each irregular form that is no verb of its own gives the lemma verb.exc names."""
        form, lemma = pair
        expected = form if form in lexicon().counts else lemma
        assert expected == verb_lemma(form)

    @given(st.one_of(lemmas, lemmas.map(inflection), words))
    def test_case_does_not_matter(self, word: str) -> None:
        """Upper, title and lower case give the same lemma."""
        assert verb_lemma(word) == verb_lemma(word.upper()) == verb_lemma(word.title())

    @given(st.one_of(lemmas.map(inflection), words, st.tuples(st.sampled_from(PREFIXES), lemmas)))
    def test_lemma_is_a_fixed_point(self, word: str | tuple[str, str]) -> None:
        """A lemma found, derived or not, is its own lemma."""
        found = verb_lemma(word if isinstance(word, str) else "-".join(word))
        assert found is None or found == verb_lemma(found)

    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("Contact", "contact"),
            ("contacted", "contact"),
            ("Distribute", "distribute"),
            ("distributing", "distribute"),
            ("Up-sell", "up-sell"),
            ("up-sold", "up-sell"),
            ("upsell", "upsell"),
            ("Upselling", "upsell"),
            ("Onboard", "onboard"),
            ("onboarded", "onboard"),
            ("offboarding", "offboard"),
            ("re-launch", "re-launch"),
            ("relaunched", "relaunch"),
            ("co-host", "co-host"),
            ("co-hosting", "co-host"),
            ("co-operate", "cooperate"),
            ("soft-launch", "soft-launch"),
            ("held", "hold"),
            ("ran", "run"),
            ("wrote", "write"),
            ("built", "build"),
            ("found", "found"),
            ("stopped", "stop"),
            ("putting", "put"),
            ("travelling", "travel"),
            ("tried", "try"),
            ("studies", "study"),
            ("applied", "apply"),
            ("goes", "go"),
            ("pushes", "push"),
            ("uses", "use"),
            ("hoping", "hope"),
            ("singing", "sing"),
            ("changing", "change"),
            ("freed", "free"),
            ("refactored", "refactor"),
            ("deprioritize", "deprioritize"),
        ],
    )
    def test_verbs(self, word: str, expected: str) -> None:
        """Worked examples: plain, prefixed, hyphenated and irregular forms."""
        assert expected == verb_lemma(word)

    @pytest.mark.parametrize(
        "word",
        [
            "revenue",
            "customers",
            "quarterly",
            "NPS",
            "",
            "-",
            "resources",  # a noun, not re-source
            "outage",
            "uptime",
            "upcoming",  # an adjective, not up-come
            "cofounders",
            "co-founders",
            "follow-up",
            "sign-ups",  # a particle after the hyphen
            "roll-out",
            "data-driven",  # a participle after another word: an adjective
            "customer-facing",
            "best-practices",
            "re-xyzzy",
            "rexy",
        ],
    )
    def test_not_verbs(self, word: str) -> None:
        """Nouns, adjectives, and words WordNet's verbs do not explain, are no verbs."""
        assert verb_lemma(word) is None


class TestNounWeight:
    @given(lemmas)
    def test_bounded(self, lemma: str) -> None:
        """A verb's noun weight is from 0 to 1."""
        assert 0.0 <= noun_weight(lemma) <= 1.0

    @given(lemmas)
    def test_case_does_not_matter(self, lemma: str) -> None:
        """The lemma's case does not change its weight."""
        assert noun_weight(lemma) == noun_weight(lemma.upper())

    @pytest.mark.parametrize(
        ("lemma", "expected"),
        [
            ("ship", 50 / 62),  # 49 uses and 1 sense as a noun; 7 and 5 as a verb
            ("test", 42 / 94),
            ("churn", 1 / 4),
            ("budget", 9 / 12),
            ("document", 8 / 14),
            ("distribute", 0.0),
            ("onboard", 0.0),  # WordNet has no noun "onboard" either
            ("up-sell", 0.0),
        ],
    )
    def test_weights(self, lemma: str, expected: float) -> None:
        """Worked examples, from WordNet's counts."""
        assert expected == pytest.approx(noun_weight(lemma))

    def test_ambiguous_words_order(self) -> None:
        """ "ship" and "budget" are mostly nouns, "test" and "churn" mostly verbs."""
        assert noun_weight("ship") > noun_weight("budget") > 0.5 > noun_weight("test")
        assert noun_weight("test") > noun_weight("churn") > noun_weight("hire")

    def test_after_another_word(self) -> None:
        """A lemma after a word that is no prefix weighs as the part after the hyphen."""
        assert noun_weight("launch") == noun_weight("soft-launch")
        assert noun_weight("market") == noun_weight("mid-market")

    @pytest.mark.parametrize("word", ["revenue", "held", "stopped", "resources"])
    def test_not_a_lemma(self, word: str) -> None:
        """A word that is no verb's lemma is an InvalidValueError naming it."""
        with pytest.raises(InvalidValueError, match=repr(word)):
            noun_weight(word)


class TestLexicon:
    def test_parse(self) -> None:
        """The file's three sections, comments and blank lines skipped."""
        text = "# header\n[verbs]\nhold\t2\t3\t4\t5\n\n[irregular]\nheld\thold\n[not-verbs]\nupx\n"
        expected = Lexicon({"hold": Counts(2, 3, 4, 5)}, {"held": "hold"}, frozenset({"upx"}))
        assert expected == parse(text)

    def test_read_lazily_once(self) -> None:
        """Importing okrkit.text and the module reads nothing; the first use reads it once."""
        code = (
            "import okrkit.text, okrkit.text._verbs as v; "
            "before = v.lexicon.cache_info().currsize; "
            "v.verb_lemma('held'); v.noun_weight('hold'); "
            "print(before, v.lexicon.cache_info().misses)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert "0 1" == out.strip()

    def test_header_names_source_and_licence(self) -> None:
        """The data file says where its words come from, and the licence is beside it."""
        package = ROOT / "src" / "okrkit" / "text"
        head = (package / "verbs.tsv").read_text(encoding="utf-8")[:400]
        assert "WordNet 3.0" in head
        assert "WORDNET-LICENSE" in head
        assert "Princeton University" in (package / "WORDNET-LICENSE").read_text(encoding="utf-8")


def _tool() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("build_verbs", ROOT / "tools" / "build_verbs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestBuild:
    def test_builds_from_a_wordnet_directory(self, tmp_path: Path) -> None:
        """tools/build_verbs.py writes the three sections from WordNet's files, the same twice."""
        files = {
            "index.verb": "  1 licence\nhold v 2 1 @ 2 1 0\nsell v 1 1 @ 1 1 0\n"
            "set_up v 1 0 1 0 0\n",
            "index.noun": "hold n 1 1 @ 1 0 0\nresource n 1 0 1 0 0\nupsell n 1 0 1 0 0\n",
            "index.adj": "upcoming a 1 0 1 0 0\n",
            "index.adv": "",
            "verb.exc": "held hold\nsold sell\nsells sell\nset_up set_up\n",
            "noun.exc": "",
            "adj.exc": "",
            "cntlist.rev": "hold%2:40:00:: 1 7\nhold%1:04:00:: 1 3\nhold%3:00:00:: 1 1\n",
        }
        for name, text in files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        tool = _tool()
        assert 0 == tool.main([str(tmp_path), str(tmp_path / "a.tsv")])
        assert 0 == tool.main([str(tmp_path), str(tmp_path / "b.tsv")])
        text = (tmp_path / "a.tsv").read_text(encoding="utf-8")
        assert text == (tmp_path / "b.tsv").read_text(encoding="utf-8")
        lex = parse(text)
        assert {"hold": Counts(2, 7, 1, 3), "sell": Counts(1, 0, 0, 0)} == lex.counts
        assert {"held": "hold", "sold": "sell"} == lex.irregular
        assert frozenset({"upsell"}) == lex.not_verbs

    def test_usage(self) -> None:
        """Without a directory, the tool says how to run it."""
        assert 2 == _tool().main([])
