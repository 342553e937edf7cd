"""`parley actors check|who`: the officeholders dictionary, for users who extend it with their own files.

`check` validates a file in the dictionary's format (extractors/data/officeholders/README.md) and names the file
and row of the first problem; `who` prints what Parley would resolve for a name at a date, and why, with the
built-in files plus those of the PARLEY_ACTORS_FILES setting.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from streams.settings import get_settings

actors_app = typer.Typer(help="The officeholders dictionary: check a file, ask who a name is.", no_args_is_help=True)


@actors_app.command("check")
def check(files: Annotated[list[Path], typer.Argument(help="Dictionary files (TSV, the built-in format).")]) -> None:
    """Validate dictionary files: exit 0 and a count per file, or exit 1 naming the file and row that is wrong."""
    from extractors.resolve import officeholders

    for path in files:
        if not path.is_file():
            typer.echo(f"error: {path}: no such file", err=True)
            raise typer.Exit(1)
        try:
            rows = officeholders.read_rows(path)
        except officeholders.DictionaryError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from exc
        people = {(t.key, t.country) for t, _, _ in rows}
        typer.echo(f"{path}: ok, {len(rows)} rows, {len(people)} people")


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


@actors_app.command("who")
def who(
    name: Annotated[str, typer.Argument(help="A name as an article writes it: 'Lavrov', 'Marco Rubio', 'Kim'.")],
    on: Annotated[str | None, typer.Option("--on", help="The article's date (YYYY-MM-DD); default: any date.")] = None,
    title: Annotated[str | None, typer.Option(help="The title the article gives ('President').")] = None,
    country: Annotated[list[str] | None, typer.Option(help="A country the article names (ISO3); repeatable.")] = None,
) -> None:
    """What Parley resolves NAME to at a date, and why (exit 1 when it stays unresolved)."""
    from extractors.resolve import officeholders

    day = _date(on)
    try:
        officeholders.configure(get_settings().actor_paths)
    except officeholders.DictionaryError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    answer = officeholders.who(name, day, title=title, countries=set(country or ()) or None)
    typer.echo(f"{name}: {answer.country or 'unresolved'} ({answer.reason})")
    held = officeholders.office_at(answer, day)
    if held is not None:
        typer.echo(f"  office then: {held.office} of {held.country}, {held.span()}")
    for t in answer.terms[:12]:
        typer.echo(f"  {t.name}: {t.office} of {t.country}, {t.span()}  [{t.source}]")
    if answer.country is None:
        raise typer.Exit(1)
