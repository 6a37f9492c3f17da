"""A stacked second stage over the SVM's probabilities and the hand-made cues: does it help?

What it measures. The shipped model is one linear SVM (sigmoid-calibrated) over
hundreds of thousands of hashed n-grams plus a few dozen hand-made cues; being
linear, it cannot learn interactions between cues ("shall" + a boilerplate
topic -> none; a cited law + a party as subject -> statutory; e-mail + no
modal -> implied ...). This script puts a small non-linear model on top, a
shallow ``HistGradientBoostingClassifier``, whose inputs are

- (a) the first stage's calibrated probabilities for the statement,
- (b) the same for the previous and the next statement (NaN when there is none),
- (c) the dense hand-made cues (``features.hand_features``, not the n-grams),

and scores three variants: a+b+c, a+c (no neighbours) and a+b (no cues).

How it is trained, so the second stage never sees a first-stage score from a
model that trained on that statement: the first-stage inputs of corpus rows
are ``out_of_batch_probabilities`` (5 folds grouped by corpus batch, exactly
as ``reqx train`` makes them for the threshold). The second stage is fit on
those rows; its own out-of-batch probabilities (same 5 folds) choose the
P(none) threshold with ``choose_none_threshold``, the shipped rule. At use,
the first stage is the shipped model (``models/requirements.skops``) and the
second stage reads its probabilities.

Scores:

- leave-batch-out: each of the 5 batch-grouped folds predicted by a second
  stage fit on the other four folds, with its threshold chosen on the other
  four folds only (nested, as ``benchmarks/email_threshold.py`` does for the
  shipped rule, which is the comparison column). The paired interval of the
  gain resamples corpus documents. By default the first-stage inputs of the
  training folds are the shared 5-fold out-of-batch ones, whose models saw the
  left-out fold (second-order leakage); ``--nested`` refits the first stage
  inside each outer fold (4 x 5 more SVM fits, about 10 minutes) so that no
  number the second stage is fit or scored on came from a model that saw the
  left-out batch.
- dev (``../shared/eval/dev.jsonl``, measured only, nothing chosen on it):
  the shipped model against the stacked one, paired 95% bootstrap over dev
  documents (``bootstrap_intervals``, as ``reqx evaluate --against``), and by
  document type (e-mail, contract). Dev rows carry their neighbours as text
  only, so the neighbours' first-stage probabilities are the shipped model's
  on ``context_before`` / ``context_after`` (with the statement as their
  context on the near side).
- size and speed: the second stage's skops file size; in one process pinned
  to one core, the shipped model's labelling of N corpus statements
  (annotations included, as ``reqx classify``) against the extra second-stage
  work (hand cues and the booster's prediction; neighbours' probabilities are
  a shift of the same array); and the cold-start cost of importing the
  booster's module and loading its file in a fresh process.

Second-stage settings are fixed in advance (``STAGE2``), not searched on dev.

Run (16 minutes on a busy 2-core machine the first time, 21 with
``--nested``: 75 second-stage fits for the nested leave-batch-out; the
first-stage fold probabilities are cached in ``--cache``, default
/tmp/reqx-stacked, one folder per corpus checksum; ``--speed 0`` skips the
timing)::

    nice -n 10 .venv/bin/python benchmarks/stacked_second_stage.py [--nested]

Figures of the first run (session 16 corpus, 34,890 statements from 1,881
documents; 67 cue columns; dev 491 statements, 267 documents; the runs with
and without ``--nested`` give the same dev figures, as they should):

| | shipped | a+b+c | a+c | a+b |
|---|---|---|---|---|
| threshold (stacked out-of-batch) | 0.75 | 0.75 | 0.75 | 0.75 |
| dev macro-F1 | 0.628 | 0.597 | 0.600 | 0.618 |
| paired gain, 95% | | -0.057 to -0.007 | -0.055 to -0.003 | -0.033 to +0.013 |
| dev requirement F1 | 0.795 | 0.781 | 0.766 | 0.788 |
| (P / R) | 0.746 / 0.851 | 0.741 / 0.826 | 0.724 / 0.814 | 0.750 / 0.831 |
| paired gain, 95% | | -0.030 to +0.004 | -0.046 to -0.013 | -0.024 to +0.011 |
| dev `implied` recall | 0.581 | 0.516 | 0.548 | 0.532 |
| paired gain, 95% | | -0.131 to -0.014 | -0.116 to +0.026 | -0.136 to +0.021 |
| dev `statutory` precision | 0.491 | 0.450 | 0.458 | 0.476 |
| paired gain, 95% | | -0.122 to +0.040 | -0.110 to +0.036 | -0.076 to +0.041 |
| dev e-mail macro / req. F1 | 0.506 / 0.578 | 0.433 / 0.581 | 0.399 / 0.556 | 0.486 / 0.585 |
| dev contract macro / req. F1 | 0.533 / 0.752 | 0.541 / 0.737 | 0.500 / 0.719 | 0.503 / 0.737 |
| leave-batch-out macro-F1 | 0.840 | 0.847 | 0.845 | 0.842 |
| paired gain, 95% | | +0.005 to +0.010 | +0.003 to +0.008 | +0.000 to +0.005 |
| leave-batch-out requirement F1 | 0.907 | 0.910 | 0.909 | 0.907 |
| paired gain, 95% | | +0.001 to +0.004 | +0.001 to +0.003 | -0.002 to +0.001 |
| leave-batch-out, first stage nested: macro-F1 | 0.840 | 0.848 | 0.850 | 0.845 |
| paired gain, 95% | | +0.006 to +0.011 | +0.008 to +0.013 | +0.003 to +0.007 |
| nested: requirement F1 | 0.907 | 0.910 | 0.912 | 0.908 |
| paired gain, 95% | | +0.001 to +0.004 | +0.003 to +0.006 | -0.001 to +0.002 |

(dev e-mail: 136 statements; its macro-F1 gain for a+b+c is -0.148 to -0.006,
`statutory` precision 0.300 -> 0.154. Dev contract: 136 statements, every
interval spans zero.) About 45 dev labels change for a+b+c, scattered over all
label pairs; the number of `implied` answers stays 75, so it is not a shift of
class priors but cue interactions learnt on our text that do not hold on real
text. The first stage's out-of-batch fits took 109 s, the nested ones 59-83 s
per outer fold; one second-stage fit 2-12 s of CPU.

Size and speed (a+b+c): second-stage skops file 3.6 MB (11.3 MB shipped, so
14.9 MB together, under the 20 MB target); loading it costs 0.45 s of CPU at
every cold start (the shipped 11 MB loads in 0.05 s); no extra import
(``sklearn.calibration`` already imports ``sklearn.ensemble``). In one process
pinned to one core, 20,000 corpus statements: annotation and the shipped
model 2.7 s (7,346 statements/s), the second stage 2.0 s more (0.56-0.59 s
the hand cues again, 1.5-2.0 s the booster's 800 trees), so 4,236
statements/s: about 40% slower, below the 5,000 target.

Verdict: not kept. On held-out corpus batches it gains a little (+0.007 to
+0.010 macro-F1, intervals above zero, nested or not), but on dev every
variant is worse, two of them measurably (macro-F1 interval below zero); it
repeats the pattern of this README's other corpus-only gains, and costs 40% of
the speed and 0.45 s of cold start.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = next(
    (
        path
        for path in (
            ROOT.parent / "shared" / "eval" / "dev.jsonl",
            Path("/work/shared/eval/dev.jsonl"),
        )
        if path.is_file()
    ),
    Path("/work/shared/eval/dev.jsonl"),
)
SEED = 20261126
# Fixed before any score was seen: shallow trees, slow learning, large leaves.
STAGE2 = {
    "max_depth": 3,
    "max_iter": 200,
    "learning_rate": 0.05,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": SEED,
}
VARIANTS = {
    "a+b+c": ("own", "neighbours", "cues"),
    "a+c": ("own", "cues"),
    "a+b": ("own", "neighbours"),
}


def stage2() -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**STAGE2)


def neighbour_rows(docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Positions of each row's previous and next row in the same document (-1: none)."""
    count = len(docs)
    before = np.array([i - 1 if i > 0 and docs[i - 1] == docs[i] else -1 for i in range(count)])
    after = np.array(
        [i + 1 if i + 1 < count and docs[i + 1] == docs[i] else -1 for i in range(count)]
    )
    return before, after


def shifted(probabilities: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``probabilities[rows]`` with NaN where ``rows`` is -1."""
    result = probabilities[np.maximum(rows, 0)].copy()
    result[rows < 0] = np.nan
    return result


def inputs(
    parts: Sequence[str], own: np.ndarray, before: np.ndarray, after: np.ndarray, cues: np.ndarray
) -> np.ndarray:
    blocks = {"own": [own], "neighbours": [before, after], "cues": [cues]}
    return np.hstack([block for part in parts for block in blocks[part]])


def decide(classes: Sequence[str], probabilities: np.ndarray, threshold: float) -> list[str]:
    """``NoneThresholdClassifier.decide``."""
    names = np.asarray(classes)
    none = list(classes).index("none")
    others = probabilities.copy()
    others[:, none] = -1.0
    labels = names[np.argmax(others, axis=1)]
    labels[probabilities[:, none] >= threshold] = "none"
    return [str(label) for label in labels]


def folds_of(fold_index: Sequence[np.ndarray], count: int) -> np.ndarray:
    fold = np.full(count, -1)
    for k, index in enumerate(fold_index):
        fold[index] = k
    return fold


def stacked_out_of_fold(
    features: np.ndarray, labels: np.ndarray, fold: np.ndarray, keep: np.ndarray
) -> tuple[list[str], dict[int, np.ndarray]]:
    """Second-stage probabilities of each fold among rows ``keep``, fit on the other folds."""
    result: dict[int, np.ndarray] = {}
    classes: list[str] = []
    for k in sorted(set(fold[keep])):
        train = keep & (fold != k)
        model = stage2().fit(features[train], labels[train])
        classes = [str(c) for c in model.classes_]
        result[int(k)] = model.predict_proba(features[keep & (fold == k)])
    return classes, result


def threshold_of(classes: list[str], parts: dict[int, np.ndarray], labels, fold) -> float:
    from extractor.training import FoldProbabilities, choose_none_threshold

    folds = [(parts[k], list(labels[fold == k])) for k in sorted(parts)]
    return choose_none_threshold(FoldProbabilities(classes, folds))


def figures(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    from extractor.evaluation import score

    result = score(gold, predicted)
    return {
        "macro_f1": result.macro_f1,
        "requirement_f1": result.requirement_f1,
        "requirement_precision": result.requirement_precision,
        "requirement_recall": result.requirement_recall,
        "implied_recall": result.per_class["implied"]["recall"],
        "statutory_precision": result.per_class["statutory"]["precision"],
    }


def compare(
    title: str,
    gold: Sequence[str],
    docs: Sequence[str],
    shipped: Sequence[str],
    stacked: dict[str, list[str]],
) -> dict[str, object]:
    """Each variant's figures and the paired 95% interval of its gain over the shipped rule."""
    from extractor.evaluation import HEADLINE_FIGURES, bootstrap_intervals

    result: dict[str, object] = {
        "statements": len(gold),
        "documents": len(set(docs)),
        "shipped": figures(gold, shipped),
    }
    print(f"\n{title}: {len(gold)} statements, {len(set(docs))} documents")
    names = list(figures(gold, shipped))
    print(f"  {'':12s}" + "".join(f"{name[:14]:>15s}" for name in names))
    print(f"  {'shipped':12s}" + "".join(f"{result['shipped'][n]:15.3f}" for n in names))  # type: ignore[index]
    for variant, labels in stacked.items():
        gain = bootstrap_intervals(gold, labels, shipped, docs).gain
        result[variant] = {
            **figures(gold, labels),
            "paired_gain_95": {name: gain[name] for name in HEADLINE_FIGURES},
            "changed_labels": sum(a != b for a, b in zip(labels, shipped, strict=True)),
        }
        print(f"  {variant:12s}" + "".join(f"{result[variant][n]:15.3f}" for n in names))  # type: ignore[index]
        print(
            f"  {'  gain 95%':12s}"
            + "".join(
                f"{gain[n][0]:+7.3f}/{gain[n][1]:+.3f}" if n in gain else f"{'':15s}" for n in names
            )
        )
    return result


def cached_out_of_batch(corpus, cache: Path):
    """``out_of_batch_probabilities(corpus)``, cached in ``cache``."""
    from extractor.training import FoldProbabilities, out_of_batch_probabilities

    path = cache / "out_of_batch.npz"
    labels = np.array([item.label for item in corpus])
    if path.is_file():
        data = np.load(path, allow_pickle=False)
        indices = [data[f"index{k}"] for k in range(int(data["folds"]))]
        return FoldProbabilities(
            [str(c) for c in data["classes"]],
            [(data[f"proba{k}"], list(labels[index])) for k, index in enumerate(indices)],
            indices,
        )
    start = time.perf_counter()
    folds = out_of_batch_probabilities(corpus)
    print(f"out-of-batch first stage: {time.perf_counter() - start:.0f} s")
    arrays: dict[str, Any] = {
        "classes": np.array(folds.classes),
        "folds": len(folds.folds),
        **{f"index{k}": index for k, index in enumerate(folds.indices)},
        **{f"proba{k}": part[0] for k, part in enumerate(folds.folds)},
    }
    np.savez(path, **arrays)
    return folds


def nested_first_stage(corpus, fold: np.ndarray, k: int, cache: Path) -> np.ndarray:
    """First-stage probabilities of every row outside fold ``k``, out of batch among those rows."""
    from extractor.training import out_of_batch_probabilities

    path = cache / f"nested_{k}.npy"
    if path.is_file():
        return np.load(path)
    rest = np.flatnonzero(fold != k)
    start = time.perf_counter()
    inner = out_of_batch_probabilities([corpus[i] for i in rest], folds=4)
    print(f"  nested first stage without fold {k}: {time.perf_counter() - start:.0f} s")
    probabilities = np.full((len(corpus), len(inner.classes)), np.nan)
    for index, (proba, _) in zip(inner.indices, inner.folds, strict=True):
        probabilities[rest[index]] = proba
    np.save(path, probabilities)
    return probabilities


def leave_batch_out(
    corpus, out_of_batch, cues: np.ndarray, nested: bool, cache: Path
) -> tuple[dict[str, object], dict[str, list[float]]]:
    """Each fold predicted by a second stage (and threshold) fit on the other folds only."""
    from extractor.training import FoldProbabilities, choose_none_threshold

    count = len(corpus)
    labels = np.array([item.label for item in corpus])
    docs = [item.doc for item in corpus]
    fold = folds_of(out_of_batch.indices, count)
    classes = out_of_batch.classes
    own = np.zeros((count, len(classes)))
    for index, (proba, _) in zip(out_of_batch.indices, out_of_batch.folds, strict=True):
        own[index] = proba
    before, after = neighbour_rows(docs)
    shipped = np.empty(count, dtype=object)
    stacked = {name: np.empty(count, dtype=object) for name in VARIANTS}
    chosen: dict[str, list[float]] = {name: [] for name in ["shipped", *VARIANTS]}
    for k in range(len(out_of_batch.folds)):
        rest = [j for j in range(len(out_of_batch.folds)) if j != k]
        others = FoldProbabilities(
            classes, [out_of_batch.folds[j] for j in rest], [out_of_batch.indices[j] for j in rest]
        )
        t = choose_none_threshold(others)
        chosen["shipped"].append(t)
        test = fold == k
        shipped[test] = decide(classes, own[test], t)
        # Training rows' first-stage inputs: shared out-of-batch, or refit without fold k.
        first = own.copy()
        if nested:
            inner = nested_first_stage(corpus, fold, k, cache)
            first[~test] = inner[~test]
        for name, parts in VARIANTS.items():
            x = inputs(parts, first, shifted(first, before), shifted(first, after), cues)
            inner_classes, inner_parts = stacked_out_of_fold(x, labels, fold, ~test)
            t2 = threshold_of(inner_classes, inner_parts, labels, fold)
            chosen[name].append(t2)
            model = stage2().fit(x[~test], labels[~test])
            stacked[name][test] = decide(
                [str(c) for c in model.classes_], model.predict_proba(x[test]), t2
            )
        print(f"  fold {k}: thresholds " + ", ".join(f"{n} {v[-1]}" for n, v in chosen.items()))
    result = compare(
        "leave-batch-out (5 folds by batch" + (", first stage nested)" if nested else ")"),
        list(labels),
        docs,
        list(shipped),
        {name: list(values) for name, values in stacked.items()},
    )
    return result, chosen


def dev_inputs(shipped, gold) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The shipped model's probabilities of each dev statement and of its two neighbours."""
    from dataclasses import replace

    from extractor.annotating import annotations_of

    examples = [item.example for item in gold]
    _, own = shipped.labels_and_probabilities(examples)
    neighbours = []
    for side in ("context_before", "context_after"):
        texts = [getattr(example, side) for example in examples]
        present = np.array([bool(text.strip()) for text in texts])
        notes = annotations_of(texts)
        near = [
            replace(
                example,
                text=text,
                context_before="" if side == "context_before" else example.text,
                context_after=example.text if side == "context_before" else "",
                section=example.section,
                annotations=note,
            )
            for example, text, note in zip(examples, texts, notes, strict=True)
        ]
        _, probabilities = shipped.labels_and_probabilities(near)
        probabilities = probabilities.copy()
        probabilities[~present] = np.nan
        neighbours.append(probabilities)
    return own, neighbours[0], neighbours[1]


def speed(model_path: Path, stage2_path: Path, count: int) -> dict[str, float]:
    """Statements/s on one core with and without the second stage, and its cold-start cost."""
    from extractor.annotating import annotations_of
    from extractor.classifying import collection_paused, load_model
    from extractor.features import Example, hand_features

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    texts = [
        json.loads(line)["text"]
        for path in sorted((ROOT / "corpus" / "statements").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts = [texts[n % len(texts)] for n in range(count)]
    shipped = load_model(model_path)
    import skops.io as sio

    second = sio.load(stage2_path, trusted=sio.get_untrusted_types(file=stage2_path))
    timings: dict[str, list[float]] = {"first_stage_s": [], "second_stage_extra_s": []}
    for _ in range(3):
        start = time.process_time()
        with collection_paused():
            notes = annotations_of(texts)
            examples = [Example(text=t, annotations=n) for t, n in zip(texts, notes, strict=True)]
            _, own = shipped.labels_and_probabilities(examples)
        middle = time.process_time()
        with collection_paused():
            cues = np.array([hand_features(example) for example in examples])
            rows = np.arange(count)
            x = inputs(
                ("own", "neighbours", "cues"),
                own,
                shifted(own, rows - 1),
                shifted(own, np.where(rows + 1 < count, rows + 1, -1)),
                cues,
            )
            second.predict_proba(x)
        end = time.process_time()
        timings["first_stage_s"].append(middle - start)
        timings["second_stage_extra_s"].append(end - middle)
    first, extra = min(timings["first_stage_s"]), min(timings["second_stage_extra_s"])
    code = (
        "import time; s=time.process_time(); import skops.io as sio;"
        " from sklearn.ensemble import HistGradientBoostingClassifier; m=time.process_time();"
        f" p={str(stage2_path)!r}; sio.load(p, trusted=sio.get_untrusted_types(file=p));"
        " print(m-s, time.process_time()-m)"
    )
    imports, loads = [], []
    for _ in range(3):
        out = subprocess.run(
            ["taskset", "-c", "0", sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
    base = (
        "import time; import sklearn.svm, sklearn.calibration, skops.io;"
        " s=time.process_time(); from sklearn.ensemble import HistGradientBoostingClassifier;"
        " print(time.process_time()-s)"
    )
    extra_import = min(
        float(
            subprocess.run(
                ["taskset", "-c", "0", sys.executable, "-c", base],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(3)
    )
    return {
        "statements": count,
        "shipped_statements_per_s": round(count / first),
        "stacked_statements_per_s": round(count / (first + extra)),
        "second_stage_extra_s": round(extra, 2),
        "second_stage_import_after_svm_imports_s": round(extra_import, 3),
        "second_stage_file_load_s": round(min(loads), 3),
        "load_average": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/reqx-stacked"))
    parser.add_argument("--nested", action="store_true", help="refit the first stage per fold")
    parser.add_argument("--speed", type=int, default=20000, help="statements timed (0: skip)")
    args = parser.parse_args()

    from extractor.classifying import load_model
    from extractor.features import hand_features
    from extractor.training import (
        choose_none_threshold,
        corpus_checksum,
        load_corpus,
        load_gold,
        scores_by_document_type,
    )

    card = json.loads((ROOT / "models" / "requirements.card.json").read_text(encoding="utf-8"))
    if card["corpus_sha256"] != corpus_checksum():
        raise SystemExit("corpus/ changed since the shipped model was trained; retrain first")
    cache = args.cache / card["corpus_sha256"][:12]
    cache.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus()
    out_of_batch = cached_out_of_batch(corpus, cache)
    threshold = choose_none_threshold(out_of_batch)
    if threshold != float(card["none_threshold"]):
        raise SystemExit(f"the rule chose {threshold}, the card says {card['none_threshold']}")
    cues = np.array([hand_features(item.example) for item in corpus])
    results: dict[str, object] = {"stage2": STAGE2, "cue_columns": int(cues.shape[1])}

    lbo, chosen = leave_batch_out(corpus, out_of_batch, cues, args.nested, cache)
    results["leave_batch_out"] = lbo
    results["leave_batch_out_thresholds"] = chosen

    # The second stage as it would ship: fit on all out-of-batch rows.
    count = len(corpus)
    labels = np.array([item.label for item in corpus])
    docs = [item.doc for item in corpus]
    fold = folds_of(out_of_batch.indices, count)
    own = np.zeros((count, len(out_of_batch.classes)))
    for index, (proba, _) in zip(out_of_batch.indices, out_of_batch.folds, strict=True):
        own[index] = proba
    before, after = neighbour_rows(docs)
    gold = load_gold(args.gold)
    shipped = load_model(ROOT / "models" / "requirements.skops")
    assert list(shipped.classes) == list(out_of_batch.classes)
    dev_own, dev_before, dev_after = dev_inputs(shipped, gold)
    dev_cues = np.array([hand_features(item.example) for item in gold])
    gold_labels = [item.label for item in gold]
    shipped_labels = decide(shipped.classes, dev_own, threshold)
    dev_stacked: dict[str, list[str]] = {}
    thresholds: dict[str, float] = {}
    import skops.io as sio

    for name, parts in VARIANTS.items():
        x = inputs(parts, own, shifted(own, before), shifted(own, after), cues)
        classes, parts_proba = stacked_out_of_fold(x, labels, fold, np.ones(count, bool))
        thresholds[name] = threshold_of(classes, parts_proba, labels, fold)
        start = time.process_time()
        model = stage2().fit(x, labels)
        fit_s = time.process_time() - start
        x_dev = inputs(parts, dev_own, dev_before, dev_after, dev_cues)
        dev_stacked[name] = decide(
            [str(c) for c in model.classes_], model.predict_proba(x_dev), thresholds[name]
        )
        path = cache / f"stage2_{name}.skops"
        sio.dump(model, path)
        results[f"stage2_{name}"] = {
            "threshold": thresholds[name],
            "fit_cpu_s": round(fit_s, 1),
            "file_bytes": path.stat().st_size,
        }
    print("\nthresholds chosen on stacked out-of-batch probabilities:", thresholds)
    dev = compare(
        f"dev {args.gold.name}",
        gold_labels,
        [item.doc for item in gold],
        shipped_labels,
        dev_stacked,
    )
    assert dev["shipped"]["macro_f1"] == float(card["dev"]["model"]["macro_f1"]), "not reproduced"  # type: ignore[index]
    by_type: dict[str, dict[str, object]] = {}
    for kind in ("email", "contract"):
        rows = [i for i, item in enumerate(gold) if item.doc_type == kind]
        by_type[kind] = compare(
            f"dev, {kind} only",
            [gold_labels[i] for i in rows],
            [gold[i].doc for i in rows],
            [shipped_labels[i] for i in rows],
            {name: [labels_[i] for i in rows] for name, labels_ in dev_stacked.items()},
        )
    dev["by_document_type"] = by_type
    dev["all_types_requirement_f1"] = {
        name: {kind: s.requirement_f1 for kind, s in scores_by_document_type(gold, lab).items()}
        for name, lab in [("shipped", shipped_labels), *dev_stacked.items()]
    }
    results["dev"] = dev

    if args.speed:
        results["speed"] = speed(
            ROOT / "models" / "requirements.skops", cache / "stage2_a+b+c.skops", args.speed
        )
        print("\nspeed:", results["speed"])
    name = "results_nested.json" if args.nested else "results.json"
    (cache / name).write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"\nwritten {cache / name}")


if __name__ == "__main__":
    main()
