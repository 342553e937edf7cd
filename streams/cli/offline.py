"""`parley extract` and `parley eval`: offline extraction and scoring, no Kafka."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from streams.cli import errors
from streams.settings import get_settings


def read_jsonl(path: str | Path) -> list[dict]:
    """Every object of a JSONL file, or stdin for `-`; the first bad line is a UserError naming it."""
    return errors.read_jsonl(path)


def _nlp(load_nlp: Any, model: str | None) -> Any:
    try:
        return load_nlp(model)
    except RuntimeError as exc:  # extractors.load_nlp: the model is not installed
        raise errors.UserError(str(exc)) from exc


def _snapshot(load_snapshot: Any, path: Path) -> Any:
    try:
        return load_snapshot(path)
    except FileNotFoundError as exc:
        raise errors.UserError(f"{path}: no such people snapshot") from exc
    except ValueError as exc:  # not JSON, another format, a version that does not match its content
        raise errors.UserError(f"{path}: not a people snapshot ({exc})") from exc


def _articles(source: str, max_text_chars: int, strict: bool) -> tuple[list[Any], int]:
    """The articles of SOURCE (a JSONL file, `-`, or a folder of .json/.jsonl files) and the number of bad lines
    skipped; each bad line is named on stderr, or, with `strict`, stops the command."""
    from schemas.article import InputRejected, article_from_mapping

    articles, bad = [], 0
    for where, raw in errors.raw_inputs(source):
        try:
            row = errors.parse_object(raw, where)
            try:
                articles.append(article_from_mapping(row, max_text_chars))
            except InputRejected as exc:
                raise errors.BadLine(where, f"rejected ({exc})") from exc
        except errors.BadLine as exc:
            if strict:
                raise
            bad += 1
            typer.echo(f"{exc.where}: {exc.why}; skipped", err=True)
    return articles, bad


def _configure_actors(paths: list[Path]) -> None:
    """The users' officeholders files (PARLEY_ACTORS_FILES), validated before any article is read."""
    if not paths:
        return
    from extractors.resolve import officeholders

    try:
        officeholders.configure(paths)
    except (officeholders.DictionaryError, OSError) as exc:
        raise errors.UserError(f"PARLEY_ACTORS_FILES: {exc}") from exc


def extract(
    input: Annotated[Path, typer.Argument(
        help="Articles: a JSONL file (one JSON object a line), - for stdin, or a folder of .json (one article "
             "each) and .jsonl files.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: the setting).")] = None,
    people: Annotated[Path | None, typer.Option(help="People snapshot (default: PARLEY_PEOPLE_SNAPSHOT).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Stop at the first bad line (exit 1, nothing written) instead of skipping it.")] = False,
) -> None:
    """Offline extraction, no Kafka: one {"id", "meetings", "quotes"} line per article (SCORING.md format).

    A bad line (not JSON, not an object, not an article by the input contract) is named on stderr with its file
    and line number and skipped; the exit code stays 0 and the last stderr line counts the skipped lines. With
    --strict the first bad line stops the command with exit 1 before anything is written."""
    from extractors import extract_batch, load_nlp, load_snapshot

    settings = get_settings()
    _configure_actors(settings.actor_paths)
    articles, bad = _articles(str(input), settings.max_text_chars, strict)
    snapshot_file = people or settings.people_snapshot
    snapshot = _snapshot(load_snapshot, snapshot_file) if snapshot_file else None
    out = output.open("wb") if output else sys.stdout.buffer
    try:
        nlp = _nlp(load_nlp, model or settings.spacy_model)
        for result in extract_batch(articles, nlp, batch_size=settings.nlp_batch_size, snapshot=snapshot):
            out.write(orjson.dumps(result.to_dict()) + b"\n")
    finally:
        if output:
            out.close()
        else:
            out.flush()
    if bad:
        typer.echo(f"extracted {len(articles)} article(s), skipped {bad} bad line(s)", err=True)


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold corpus (ANNOTATION.md format), or - for stdin.")],
    pred: Annotated[Path | None, typer.Argument(help="Predictions (`parley extract` output), or - for stdin; "
                                                     "extracted from GOLD when omitted.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object, for machines.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List every miss and spurious item on stderr.")] = False,
    intervals: Annotated[int, typer.Option("--bootstrap", help="Bootstrap rounds for 95% intervals (0: none).")] = 1000,
    model: Annotated[str | None, typer.Option(help="spaCy model (default: the setting).")] = None,
) -> None:
    """Score extractions by the rules of SCORING.md (the same numbers as ../shared/tools/score.py).

    A GOLD file none of whose records has a `gold` key is refused (exit 2): it would score 0 for everything."""
    from extractors.core.scoring import bootstrap, score

    errors.require_single_stdin(gold, pred)
    if intervals < 0:
        raise errors.UserError("--bootstrap must be 0 or more", errors.USAGE)
    gold_rows = read_jsonl(gold)
    if not any("gold" in r for r in gold_rows):
        raise errors.UserError(f"{errors.label(gold)}: no record has a `gold` key ({len(gold_rows)} record(s)); "
                               "is it an articles or predictions file?", errors.USAGE)
    if pred is not None:
        pred_by_id = {}
        for n, r in enumerate(read_jsonl(pred), 1):
            if "id" not in r:
                raise errors.UserError(f"{errors.label(pred)} record {n}: no `id`")
            pred_by_id[r["id"]] = r
    else:
        from extractors import extract_batch, load_nlp
        from schemas.article import InputRejected, article_from_mapping

        _configure_actors(get_settings().actor_paths)

        articles = []
        for n, r in enumerate(gold_rows, 1):
            try:
                articles.append(article_from_mapping({k: v for k, v in r.items() if k != "gold"}))
            except InputRejected as exc:
                raise errors.UserError(f"{errors.label(gold)} record {n}: not an article ({exc})") from exc
        nlp = _nlp(load_nlp, model or get_settings().spacy_model)
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
