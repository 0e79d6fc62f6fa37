"""Scoring against gold files: lenient matching as the guidelines define it, the diff, the command."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lmcoop
from conftest import ROOT, SHARED_CORPUS
from lmcoop.evaluate import (
    GoldArticle,
    GoldFileError,
    Scores,
    evaluate,
    format_diffs,
    gold_problems,
    read_gold,
    read_predictions,
    score_predictions,
)

OUR_GOLD = ROOT / "tests" / "data" / "gold.jsonl"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lmcoop", *args], capture_output=True, text=True, timeout=300, check=False
    )


def score(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    scores = Scores()
    scores.add("doc", gold, pred)
    return scores.report()


# --------------------------------------------------------------------------- our gold file


def test_our_gold_file_follows_the_guidelines() -> None:
    articles = read_gold(OUR_GOLD)
    assert 3 <= len(articles) <= 5
    for article in articles:
        assert gold_problems(article) == [], article.id


def test_our_gold_file_passes_the_corpus_validator() -> None:
    validator = SHARED_CORPUS / "validate.py"
    if not validator.exists():
        pytest.skip("the shared corpus is not here")
    result = subprocess.run(
        [sys.executable, str(validator), str(OUR_GOLD)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


def test_gold_scored_against_itself_is_perfect_everywhere() -> None:
    articles = read_gold(OUR_GOLD)
    result = score_predictions(articles, {a.id: a.gold for a in articles})
    report = result.report()
    assert report["overall"] == 1.0
    for name, value in report.items():
        if name != "overall":
            assert value.get("f1", value.get("acc")) == 1.0, name
    assert all(not diff.entries for diff in result.diffs)


def test_gold_problems_names_what_is_not_written_in_the_text() -> None:
    article = GoldArticle(
        id="x",
        text="Dr. Mina Osei spoke.",
        gold={"people": [{"name": "Mina Osei", "position": "Chair", "role": "speaker"}], "agreements": []},
    )
    problems = gold_problems(article)
    assert any("people[0].position" in p and "'Chair'" in p for p in problems)
    assert any("people[0].role" in p for p in problems)


# --------------------------------------------------------------------------- matching rules

PERSON = {"name": "Mina Osei", "position": "Director", "organization": None, "country": None, "role": "attendee"}


@pytest.mark.parametrize(
    ("gold_name", "pred_name", "matches"),
    [
        ("Mina Osei", "Mina Osei", True),
        ("Mina Osei", "MINA OSEI", True),
        ("OSEI, Mina", "Mina Osei", True),
        ("Tran Van Hoang", "Tran Van-Hoang", True),
        ("Mina Osei", "Mina", False),
        ("Mina Osei", "Mina Osei Jr", False),
    ],
)
def test_person_names_ignore_case_punctuation_and_order(gold_name: str, pred_name: str, matches: bool) -> None:
    report = score({"people": [{**PERSON, "name": gold_name}]}, {"people": [{**PERSON, "name": pred_name}]})
    assert report["people"]["tp"] == int(matches)
    assert report["attendees"]["tp"] == int(matches)


@pytest.mark.parametrize(
    ("gold_org", "pred_org", "matches"),
    [
        ("Green Rivers Foundation", "the Green Rivers Foundation", True),
        ("Lancang Water Research Institute", "LWRI", True),  # through the acronym the gold defines
        ("LWRI", "Lancang Water Research Institute", True),
        ("Mekong Freshwater Ecology Center", "Mekong Freshwater Ecology Centre", False),  # 3 of 5 words: < 0.75
        ("Institute of Coastal and Marine Sciences", "Coastal Marine Sciences Institute", True),  # same words
        ("Green Rivers Foundation", "Blue Rivers Foundation", False),
    ],
)
def test_organizations_match_by_name_acronym_or_most_words(gold_org: str, pred_org: str, matches: bool) -> None:
    orgs = [{"name": "Lancang Water Research Institute", "acronym": "LWRI", "parent": None}]
    gold = {"organizations": [*orgs, {"name": gold_org, "acronym": None}]}
    pred = {"organizations": [*orgs, {"name": pred_org, "acronym": None}]}
    assert score(gold, pred)["organizations"]["tp"] == 1 + int(matches)


@pytest.mark.parametrize(
    ("gold_position", "pred_position", "right"),
    [
        ("Commissioner", "Commissioner for Environment", True),
        ("Commissioner for Environment", "Commissioner", True),
        ("Minister", "Minister of Water Resources", True),
        ("Director", "Deputy Director", False),
        ("Director", None, False),
        (None, None, True),
    ],
)
def test_positions_may_keep_or_drop_a_portfolio(
    gold_position: str | None, pred_position: str | None, right: bool
) -> None:
    report = score(
        {"people": [{**PERSON, "position": gold_position}]}, {"people": [{**PERSON, "position": pred_position}]}
    )
    assert report["people.position"]["acc"] == float(right)


@pytest.mark.parametrize(
    ("gold", "pred", "matches"),
    [
        ({"kind": "mou", "text": "a Memorandum of Understanding (MoU)"}, {"kind": "mou", "text": "Memorandum"}, True),
        (
            {"kind": "mou", "text": "a Memorandum of Understanding"},
            {"kind": "agreement", "text": "a Memorandum"},
            False,
        ),
        (
            {
                "kind": "framework",
                "name": "Green Belt Framework 2020-2030",
                "text": "the Green Belt Framework 2020-2030",
            },
            {"kind": "framework", "name": "Green Belt Framework", "text": "Framework"},
            True,
        ),
        ({"kind": "agreement", "text": "a cooperation agreement"}, {"kind": "agreement", "text": "a loan deal"}, False),
    ],
)
def test_agreements_match_by_kind_and_shared_words(gold: dict[str, Any], pred: dict[str, Any], matches: bool) -> None:
    assert score({"agreements": [gold]}, {"agreements": [pred]})["agreements"]["tp"] == int(matches)


def test_dates_match_by_holding_surface_and_value_separately() -> None:
    gold = {"dates": [{"text": "16 April 2024", "value": "2024-04-16"}, {"text": "2015", "value": "2015"}]}
    pred = {"dates": [{"text": "On 16 April 2024", "value": "2024-04-16"}, {"text": "2015", "value": "2016"}]}
    report = score(gold, pred)
    assert (report["dates.text"]["tp"], report["dates.text"]["fp"], report["dates.text"]["fn"]) == (2, 0, 0)
    assert (report["dates.value"]["tp"], report["dates.value"]["fp"], report["dates.value"]["fn"]) == (1, 1, 1)


def test_empty_against_empty_is_perfect_and_extras_against_empty_are_not() -> None:
    assert score({"people": []}, {"people": []})["people"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}
    assert score({"people": []}, {"people": [PERSON]})["people"]["p"] == 0.0


def test_overall_is_the_mean_of_the_headline_numbers() -> None:
    gold = {"title": "A", "published": None, "people": [PERSON]}
    report = score(gold, {"title": "A", "published": "2020-01-01", "people": []})
    # dates.value 1, people 0, attendees 0, organizations 1, agreements 1, title 1, published 0
    assert report["overall"] == round(4 / 7, 4)


# --------------------------------------------------------------------------- the diff


def test_diff_lists_missed_extra_and_different_records() -> None:
    gold = {
        "title": "Wetland Survey Begins",
        "dates": [{"text": "March 2023", "value": "2023-03"}],
        "people": [PERSON, {**PERSON, "name": "Kofi Mensah"}],
    }
    pred = {
        "title": "Wetland Survey Begins",
        "dates": [{"text": "March 2023", "value": "XXXX-03"}],
        "people": [{**PERSON, "position": "Chair"}, {**PERSON, "name": "Efua Boateng"}],
    }
    result = score_predictions([GoldArticle("doc-1", "", gold)], {"doc-1": pred})
    lines = list(format_diffs(result.diffs))
    assert lines[0] == "== doc-1"
    text = "\n".join(lines)
    assert "- people" in text and "Kofi Mensah" in text
    assert "+ people" in text and "Efua Boateng" in text
    assert "~ people.position" in text and "Mina Osei: Director  →  Chair" in text
    assert "~ dates.value" in text and "2023-03" in text and "XXXX-03" in text
    assert "title" not in text


def test_articles_without_differences_print_nothing() -> None:
    articles = read_gold(OUR_GOLD)
    result = score_predictions(articles, {a.id: {"gold": a.gold} for a in articles})
    assert list(format_diffs(result.diffs)) == []


# --------------------------------------------------------------------------- reading files


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not valid JSON"),
        ('["a list"]', "expected an object"),
        ('{"id": "a", "gold": {}}', '"text"'),
        ('{"id": "a", "text": "x"}', '"gold"'),
    ],
)
def test_bad_gold_lines_are_named_with_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "ok", "text": "x", "gold": {}}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=rf"gold.jsonl:3: .*{message}"):
        read_gold(path)


def test_duplicate_gold_ids_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "gold": {}}\n' * 2, encoding="utf-8")
    with pytest.raises(GoldFileError, match="used twice"):
        read_gold(path)


def test_missing_gold_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match=r"nope\.jsonl"):
        read_gold(tmp_path / "nope.jsonl")


def test_evaluate_parses_with_the_given_parser() -> None:
    articles = read_gold(OUR_GOLD)
    report = evaluate(articles, lmcoop.Parser()).report()
    assert 0.0 <= report["overall"] <= 1.0
    assert report["people"]["tp"] + report["people"]["fn"] == sum(len(a.gold["people"]) for a in articles)


# --------------------------------------------------------------------------- the command


def test_evaluate_command_prints_a_table_and_overall() -> None:
    result = run("evaluate", str(OUR_GOLD))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("overall ")
    assert any(line.startswith("people ") and "F1" in line for line in lines)
    assert any(line.startswith("title ") and "acc" in line for line in lines)


def test_evaluate_command_json_and_diff(tmp_path: Path) -> None:
    plain = run("evaluate", "--json", str(OUR_GOLD))
    assert plain.returncode == 0, plain.stderr
    report = json.loads(plain.stdout)
    assert "overall" in report and "f1" in report["people"]
    both = run("evaluate", "--json", "--diff", str(OUR_GOLD))
    data = json.loads(both.stdout)
    assert data["scores"] == report
    assert {entry["change"] for diff in data["diff"] for entry in diff["entries"]} <= {"missed", "extra", "differs"}


def test_evaluate_command_scores_saved_predictions(tmp_path: Path) -> None:
    preds = tmp_path / "pred.jsonl"
    articles = read_gold(OUR_GOLD)
    preds.write_text("".join(json.dumps({"id": a.id, **a.gold}) + "\n" for a in articles), encoding="utf-8")
    assert set(read_predictions(preds)) == {a.id for a in articles}
    result = run("evaluate", "--predictions", str(preds), "--diff", str(OUR_GOLD))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "overall 1.0000"


def test_evaluate_command_names_a_bad_gold_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = run("evaluate", str(bad))
    assert result.returncode == 2
    assert "bad.jsonl:1" in result.stderr and "JSON" in result.stderr


# --------------------------------------------------------------------------- agreement with score.py


def load_corpus_scorer() -> ModuleType:
    path = SHARED_CORPUS / "score.py"
    if not path.exists():
        pytest.skip("the shared corpus is not here")
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_articles() -> list[GoldArticle]:
    articles = []
    for name in ("seeds.jsonl", "dev.jsonl"):
        if not (SHARED_CORPUS / name).exists():
            pytest.skip("the shared corpus is not here")
        articles.extend(read_gold(SHARED_CORPUS / name))
    return articles


def corpus_report(module: ModuleType, articles: list[GoldArticle], preds: dict[str, dict[str, Any]]) -> Any:
    scorer = module.Scorer()
    for article in articles:
        scorer.doc(article.text, article.gold, preds.get(article.id, {}))
    return scorer.report()


def perturbed(gold: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A plausible wrong answer: dropped, reworded, re-cased, re-kinded and invented records."""
    pred = copy.deepcopy(gold)
    if rng.random() < 0.3:
        pred["title"] = "  ".join((pred.get("title") or "").split()) or "A Headline"
    if rng.random() < 0.3:
        pred["published"] = None
    if pred.get("event") and rng.random() < 0.3:
        pred["event"] = None if rng.random() < 0.5 else {**pred["event"], "kind": "meeting", "location": "Online"}
    pred["dates"] = [
        {**d, "text": "on " + d["text"], "value": d["value"] if rng.random() < 0.7 else None}
        for d in pred.get("dates") or []
        if rng.random() < 0.8
    ] + [{"text": "2001", "value": "2001"}] * rng.randint(0, 2)
    people = []
    for p in pred.get("people") or []:
        if rng.random() < 0.2:
            continue
        name = p["name"].upper() if rng.random() < 0.3 else " ".join(reversed(p["name"].split()))
        position = (p.get("position") or "") + (" for Environment" if rng.random() < 0.3 else "")
        role = p.get("role") if rng.random() < 0.8 else "mentioned"
        organization = p.get("organization") if rng.random() < 0.7 else "Ministry of Environment"
        people.append({**p, "name": name, "position": position or None, "role": role, "organization": organization})
    pred["people"] = people + [{"name": "Invented Person", "role": "attendee"}] * rng.randint(0, 1)
    orgs = []
    for o in pred.get("organizations") or []:
        if rng.random() < 0.2:
            continue
        name = o["acronym"] if o.get("acronym") and rng.random() < 0.5 else o["name"]
        orgs.append({**o, "name": name, "acronym": o.get("acronym") if rng.random() < 0.7 else None})
    pred["organizations"] = orgs
    agreements = []
    for a in pred.get("agreements") or []:
        kind = a["kind"] if rng.random() < 0.8 else "agreement"
        text = " ".join(a["text"].split()[1:]) if rng.random() < 0.5 else a["text"]
        parties = [x for x in a.get("parties") or [] if rng.random() < 0.7]
        agreements.append({**a, "kind": kind, "text": text, "name": None, "parties": parties})
    pred["agreements"] = agreements
    return pred


def test_numbers_agree_with_the_corpus_scorer_on_parser_output() -> None:
    module = load_corpus_scorer()
    articles = corpus_articles()
    parser = lmcoop.Parser()
    preds = {a.id: parser.parse(a.text, id=a.id).model_dump(mode="json") for a in articles}
    ours = score_predictions(articles, preds).report()
    assert ours == corpus_report(module, articles, preds)


@pytest.mark.parametrize("seed", range(5))
def test_numbers_agree_with_the_corpus_scorer_on_wrong_answers(seed: int) -> None:
    module = load_corpus_scorer()
    articles = corpus_articles()
    rng = random.Random(seed)
    preds = {a.id: perturbed(a.gold, rng) for a in articles if rng.random() < 0.9}
    ours = score_predictions(articles, preds).report()
    assert ours == corpus_report(module, articles, preds)
    assert ours["overall"] < 1.0


# --------------------------------------------------------------------------- properties

WORDS = st.sampled_from(["Mina", "Osei", "Centre", "of", "the", "Water", "Institute", "MFEC", "2020", "-", ","])
PHRASE = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
# A surface of only "the", "of", "and" or punctuation matches nothing, not even itself, in the corpus
# scorer too; real surfaces always hold a word.
SURFACE = st.tuples(PHRASE, st.sampled_from(["Mina", "Water", "2020"])).map(" ".join)
DATE = st.fixed_dictionaries({"text": SURFACE, "value": st.sampled_from(["2020", "2020-05", None])})
PERSON_RECORD = st.fixed_dictionaries(
    {"name": PHRASE, "position": st.none() | PHRASE, "role": st.sampled_from(["attendee", "mentioned"])}
)
ORG = st.fixed_dictionaries({"name": PHRASE, "acronym": st.none() | st.sampled_from(["MFEC", "WI"])})
AGREEMENT = st.fixed_dictionaries({"kind": st.sampled_from(["mou", "agreement"]), "text": SURFACE})
GOLD = st.fixed_dictionaries(
    {
        "title": st.none() | PHRASE,
        "dates": st.lists(DATE, max_size=4),
        "people": st.lists(PERSON_RECORD, max_size=4),
        "organizations": st.lists(ORG, max_size=4),
        "agreements": st.lists(AGREEMENT, max_size=3),
    }
)


@given(GOLD)
def test_any_gold_scored_against_itself_is_perfect(gold: dict[str, Any]) -> None:
    assert score(gold, copy.deepcopy(gold))["overall"] == 1.0


@given(GOLD, GOLD)
def test_every_record_is_counted_once_as_paired_missed_or_extra(gold: dict[str, Any], pred: dict[str, Any]) -> None:
    report = score(gold, pred)
    for name, key in (("people", "people"), ("organizations", "organizations"), ("agreements", "agreements")):
        assert report[name]["tp"] + report[name]["fn"] == len(gold[key])
        assert report[name]["tp"] + report[name]["fp"] == len(pred[key])
    for value in report.values():
        if isinstance(value, dict) and "f1" in value:
            assert 0.0 <= value["p"] <= 1.0 and 0.0 <= value["r"] <= 1.0 and 0.0 <= value["f1"] <= 1.0
