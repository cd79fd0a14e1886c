"""The command line: each command a thin shell over a library function.

Exit codes (for cron and scripts):
  0  ran; warnings about bad input, if any, were printed
  1  nothing could be read (no document in any input)
  2  usage error (bad option or argument)
  3  new high-severity discrepancies found (nightly only)
  4  the run failed (a database or output problem, see the message)
"""
from __future__ import annotations

import os
import sys
import time

import click

from . import __version__
from .documents import Problem, ReadStats, iter_documents
from .progress import Progress

EXIT_OK, EXIT_NO_INPUT, EXIT_USAGE, EXIT_ALERT, EXIT_FAILED = 0, 1, 2, 3, 4


def _warn(p: Problem) -> None:
    click.echo(f"warning: {p}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="factcheck")
def main():
    """Find where Arabic news reports disagree about the same figure.

    \b
    Inputs are folders or files: .txt (first line is the headline, the id is
    the file name; a NAME.meta.json sidecar may give source/published/url),
    .jsonl / .jsonl.gz / .json records with id, source, title, text and
    optionally published and url.

    \b
    Typical use:
      factcheck extract seeds/ --format csv -o claims.csv   every figure, as a table
      factcheck check seeds/ -o reports/                    contradictions + HTML report
      factcheck nightly -c factcheck.toml                   the cron job (state, history)
      factcheck review ID --dismiss --by NAME               an editor's decision

    Run any command with --help for its options and exit codes.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True, help="Output table format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here instead of standard output (required for parquet).")
@click.option("--source", help="Outlet name for .txt files without a sidecar (never guessed).")
@click.option("--quantities-only", is_flag=True,
              help="Leave out years, dates, times, ordinals and specs (kept by default, with their kind).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to extract with (default: every core); the output is the same for any number.")
def extract(paths, fmt, output, source, quantities_only, progress, jobs):
    """Extract every figure from PATHS with its frame.

    One row a figure: doc, source, start, end (offsets into the document
    text), text, value, low/high (the interval the wording allows),
    qualifier (exact, approx, at_least, more_than, less_than, up_to, range,
    vague), kind (count, percent, money, duration, distance, measure, or the
    non-counts year, date, time, ordinal, spec), unit (currency code for
    money, time unit for durations), norm (a date YYYY-MM-DD or MM-DD, a
    time HH:MM, a score A-B), sense (age, ratio, share, implied_currency),
    counted (the noun), concept, event, entities, owner, scope, attribution,
    sentence.

    \b
    Examples:
      factcheck extract seeds/ --format csv -o claims.csv
      factcheck extract corpus.jsonl.gz --format parquet -o claims.parquet
    """
    from .claims import extract_parallel
    from functools import partial

    from .tables import jsonl_lines, write_lines, write_table
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE")
    stats = ReadStats()
    bar = Progress(paths, enabled=progress, label="extracting")
    def claims():
        docs = iter_documents(paths, source=source, warn=_warn, stats=stats)
        for doc, found in extract_parallel(docs, jobs):
            bar.advance()
            for c in found:
                if quantities_only and c.kind not in ("count", "percent", "money", "duration", "distance", "measure"):
                    continue
                yield c

    def lines():  # JSON lines are made by the workers: the parent only writes
        docs = iter_documents(paths, source=source, warn=_warn, stats=stats)
        for doc, found in extract_parallel(docs, jobs, transform=partial(jsonl_lines, quantities_only=quantities_only)):
            bar.advance()
            yield from found
    t0 = time.perf_counter()
    try:
        n = write_lines(lines(), output) if fmt == "jsonl" else write_table(claims(), fmt, output)
    except OSError as e:
        bar.close()
        click.echo(f"error: cannot write {output}: {e.strerror or e}", err=True)
        sys.exit(EXIT_FAILED)
    bar.close()
    click.echo(f"{stats.documents} documents, {n} figures in {time.perf_counter() - t0:.1f}s"
               f"{f'; {len(stats.problems)} warnings' if stats.problems else ''}", err=True)
    if stats.documents == 0:
        click.echo("error: no document could be read", err=True)
        sys.exit(EXIT_NO_INPUT)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), default="reports", show_default=True,
              help="Folder for discrepancies.json, claims.csv and report.html.")
@click.option("--source", help="Outlet name for .txt files without a sidecar (never guessed).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
def check(paths, out_dir, source, progress):
    """Find figures that disagree across the documents in PATHS.

    Groups documents into stories, aligns figures that speak of the same
    quantity (same counted thing, event, owner and time scope, names matched
    across spellings), compares them as intervals and writes, in OUTPUT:

    \b
      discrepancies.json  every discrepancy, most severe first, with stable ids
      claims.csv          every figure found (the table behind the report)
      report.html         the editors' report (one self-contained file)

    \b
    Example:
      factcheck check seeds/ -o reports/
    """
    from pathlib import Path

    from .check import run_check, write_outputs
    stats = ReadStats()
    bar = Progress(paths, enabled=progress, label="checking")
    t0 = time.perf_counter()
    result = run_check(iter_documents(paths, source=source, warn=_warn, stats=stats),
                       on_document=lambda d: bar.advance())
    bar.close()
    if stats.documents == 0:
        click.echo("error: no document could be read", err=True)
        sys.exit(EXIT_NO_INPUT)
    try:
        written = write_outputs(result, Path(out_dir))
    except OSError as e:
        click.echo(f"error: cannot write to {out_dir}: {e}", err=True)
        sys.exit(EXIT_FAILED)
    sev = {}
    for d in result.discrepancies:
        sev[d.severity] = sev.get(d.severity, 0) + 1
    click.echo(f"{stats.documents} documents, {len(result.claims)} figures, {len(result.discrepancies)} discrepancies "
               f"({', '.join(f'{k} {v}' for k, v in sorted(sev.items())) or 'none'}) in {time.perf_counter() - t0:.1f}s"
               f"{f'; {len(stats.problems)} warnings' if stats.problems else ''}", err=True)
    click.echo(f"report: {written['html']}", err=True)


@main.command()
@click.option("-c", "--config", type=click.Path(dir_okay=False), help="TOML file with a [nightly] table.")
@click.option("-i", "--input", "inputs", multiple=True, type=click.Path(),
              help="Input folder or file (repeatable); replaces the config's inputs.")
@click.option("--db", "database", type=click.Path(dir_okay=False), help="SQLite database (default factcheck.db).")
@click.option("--reports", type=click.Path(file_okay=False), help="Reports folder (default reports).")
@click.option("--date", "night", help="The night to run as, YYYY-MM-DD (default today).")
@click.option("--wait", type=float, help="Seconds to wait for another run's lock (default 0: exit at once).")
@click.option("--log", type=click.Path(dir_okay=False), help="Log file (default REPORTS/nightly.log).")
@click.option("--source", help="Outlet name for .txt inputs without a sidecar.")
def nightly(config, inputs, database, reports, night, wait, log, source):
    """Ingest new documents, compare them with everything stored, report.

    Each run is one night: documents already seen with the same content are
    not processed again; new figures are compared with stored ones published
    within a few days; REPORTS/YYYY-MM-DD/report.html (and discrepancies.json),
    REPORTS/latest/ and REPORTS/index.html are written.  Each discrepancy is
    new, open (seen before) or gone; editors' decisions (factcheck review)
    are kept forever.

    \b
    Exit codes, for cron:
      0  ran, no new high-severity discrepancy
      1  no document could be read
      3  ran, and found new high-severity discrepancies (alert someone)
      4  failed (database unusable, output not writable): see the log
      5  another run holds the lock (nothing was done)

    \b
    Example crontab line (every night at 02:30):
      30 2 * * *  cd /srv/factcheck && .venv/bin/factcheck nightly -c factcheck.toml
    """
    from .nightly import ConfigError, load_config, nightly_main
    try:
        cfg = load_config(config, inputs=inputs, database=database, reports=reports, night=night, wait=wait,
                          log=log, source=source)
    except ConfigError as e:
        raise click.UsageError(str(e))
    sys.exit(nightly_main(cfg))


@main.command()
@click.argument("discrepancy", required=False)
@click.option("--confirm", "decision", flag_value="confirm", help="The discrepancy is real.")
@click.option("--dismiss", "decision", flag_value="dismiss", help="Not a real discrepancy: do not raise it again.")
@click.option("--reopen", "decision", flag_value="reopen", help="Undo a dismissal.")
@click.option("--note", help="Why (kept with the decision).")
@click.option("--by", "by", default=lambda: os.environ.get("USER") or os.environ.get("LOGNAME") or "unknown",
              show_default="$USER", help="Who decided.")
@click.option("--list", "list_", is_flag=True, help="List decisions (of DISCREPANCY, or all).")
@click.option("--export", "export", type=click.Path(dir_okay=False), help="Write all decisions to a JSON file.")
@click.option("--import", "import_", type=click.Path(exists=True, dir_okay=False),
              help="Add decisions from a JSON file (those already recorded are skipped).")
@click.option("-c", "--config", type=click.Path(dir_okay=False), help="TOML file with a [nightly] table.")
@click.option("--db", "database", type=click.Path(dir_okay=False), help="SQLite database.")
def review(discrepancy, decision, note, by, list_, export, import_, config, database):
    """Record an editor's decision on a discrepancy, or list them.

    Decisions are appended, never changed: the history of who decided what,
    and when, stays in the database.  A dismissed discrepancy does not come
    back as new; the report lists it in a collapsed section.

    \b
    Examples:
      factcheck review d1a2b3c4d5e6 --dismiss --note "different incidents" --by layla
      factcheck review --list
      factcheck review --export decisions.json
    """
    import json as _json

    from .nightly import ConfigError, load_config
    from .store import Store, StoreError
    db = database
    if not db:
        try:
            db = load_config(config, inputs=["-"]).database if config else "factcheck.db"
        except ConfigError as e:
            raise click.UsageError(str(e))
    if not os.path.exists(db):
        raise click.UsageError(f"no database at {db}: run `factcheck nightly` first, or give --db / --config")
    try:
        store = Store(db)
    except StoreError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_FAILED)
    try:
        if import_:
            items = _json.loads(open(import_, encoding="utf-8").read())
            click.echo(f"{store.import_decisions(items)} decisions imported")
        if export:
            from .check import atomic_write
            from pathlib import Path
            atomic_write(Path(export), _json.dumps(store.decisions(), ensure_ascii=False, indent=1) + "\n")
            click.echo(f"decisions written to {export}")
        if decision:
            if not discrepancy:
                raise click.UsageError("give the discrepancy id to decide on")
            if not store.known_discrepancy(discrepancy):
                raise click.UsageError(f"no discrepancy {discrepancy} in {db} (ids are in the report)")
            d = store.decide(discrepancy, decision, note, by)
            click.echo(f"{d['discrepancy']}: {d['decision']} by {d['by']} at {d['at']}")
        if list_ or not (decision or export or import_):
            for d in store.decisions(discrepancy):
                click.echo(f"{d['at']}  {d['discrepancy']}  {d['decision']:<8} {d['by'] or ''}"
                           f"{'  ' + d['note'] if d['note'] else ''}")
    finally:
        store.close()


if __name__ == "__main__":
    main()
