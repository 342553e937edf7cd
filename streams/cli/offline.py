"""`parley extract` and `parley eval`: offline extraction and scoring, no Kafka."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from streams.settings import get_settings


def read_jsonl(path: Path) -> list[dict]:
    with path.open("rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]


def extract(
    input: Annotated[Path, typer.Argument(help="Articles, one JSON object per line.", exists=True, dir_okay=False)],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: the setting).")] = None,
    people: Annotated[Path | None, typer.Option(help="People snapshot (default: PARLEY_PEOPLE_SNAPSHOT).")] = None,
) -> None:
    """Offline extraction, no Kafka: one {"id", "meetings", "quotes"} line per article (SCORING.md format)."""
    from extractors import extract_batch, load_nlp, load_snapshot
    from schemas.article import InputRejected, article_from_mapping

    settings = get_settings()
    nlp = load_nlp(model or settings.spacy_model)
    snapshot_file = people or settings.people_snapshot
    snapshot = load_snapshot(snapshot_file) if snapshot_file else None
    articles = []
    for n, row in enumerate(read_jsonl(input), 1):
        try:
            articles.append(article_from_mapping(row, settings.max_text_chars))
        except InputRejected as exc:
            typer.echo(f"line {n}: rejected ({exc})", err=True)
    out = output.open("wb") if output else sys.stdout.buffer
    try:
        for result in extract_batch(articles, nlp, batch_size=settings.nlp_batch_size, snapshot=snapshot):
            out.write(orjson.dumps(result.to_dict()) + b"\n")
    finally:
        if output:
            out.close()


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold corpus (ANNOTATION.md format).", exists=True, dir_okay=False)],
    pred: Annotated[Path | None, typer.Argument(help="Predictions; extracted from GOLD when omitted.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object, for machines.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List every miss and spurious item on stderr.")] = False,
    intervals: Annotated[int, typer.Option("--bootstrap", help="Bootstrap rounds for 95% intervals (0: none).")] = 1000,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: the setting).")] = None,
) -> None:
    """Score extractions by the rules of SCORING.md (the same numbers as ../shared/tools/score.py)."""
    from extractors.scoring import bootstrap, score

    gold_rows = read_jsonl(gold)
    if pred is not None:
        pred_by_id = {r["id"]: r for r in read_jsonl(pred)}
    else:
        from extractors import extract_batch, load_nlp
        from schemas.article import article_from_mapping

        nlp = load_nlp(model or get_settings().spacy_model)
        articles = [article_from_mapping({k: v for k, v in r.items() if k != "gold"}) for r in gold_rows]
        pred_by_id = {e.id: e.to_dict() for e in extract_batch(articles, nlp)}
    found: list[dict] | None = [] if details else None
    result = score(gold_rows, pred_by_id, found)
    ci = bootstrap(gold_rows, pred_by_id, rounds=intervals) if intervals else {}
    if json_out:
        typer.echo(orjson.dumps({**result, "bootstrap_95": ci}).decode())
    else:
        for key in ("meetings", "meetings_ignoring_status", "contact_pairs", "quotes_span", "quotes_attributed"):
            r = result[key]
            typer.echo(f"{key:26} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}  "
                       f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")
        typer.echo("meeting_attributes        " + orjson.dumps(result["meeting_attributes"]).decode())
        typer.echo("quote_attributes          " + orjson.dumps(result["quote_attributes"]).decode())
        typer.echo("quote_recall_by_type      " + orjson.dumps(result["quote_recall_by_type"]).decode())
        if ci:
            typer.echo(f"bootstrap 95% intervals ({intervals} rounds over articles):")
            for label, (lo, hi) in ci.items():
                typer.echo(f"  {label:30} [{lo:.3f}, {hi:.3f}]")
    if found is not None:
        for d in found:
            sys.stderr.write(orjson.dumps(d).decode() + "\n")


def register(app: typer.Typer) -> None:
    """Adds `extract` and `eval` to the `parley` command."""
    app.command()(extract)
    app.command("eval")(evaluate)
