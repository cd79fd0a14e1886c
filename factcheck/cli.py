"""The command line: each command a thin shell over a library function.

Exit codes (for cron and scripts):
  0  ran; warnings about bad input, if any, were printed
  1  nothing could be read (no document in any input)
  2  usage error (bad option, argument or config value)
  3  new high-severity discrepancies found (nightly only)
  4  the run failed (a database or output problem, see the message)
  5  another run holds the lock / the database stayed busy (nightly, review)
  130  interrupted (Ctrl-C)
  141  the output pipe was closed early (e.g. `| head`)
"""
from __future__ import annotations

import os
import sys
import time

import click

from . import __version__
from .reading.documents import Problem, ReadStats, iter_documents
from .progress import Progress

EXIT_OK, EXIT_NO_INPUT, EXIT_USAGE, EXIT_ALERT, EXIT_FAILED, EXIT_LOCKED = 0, 1, 2, 3, 4, 5
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


def _warn(p: Problem) -> None:
    click.echo(f"warning: {p}", err=True)


def _stop_on_broken_pipe() -> None:
    """The reader of our output went away (`factcheck extract ... | head -1`):
    one line, no traceback, and nothing more written to the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    try:
        click.echo("factcheck: output closed early (broken pipe); stopped", err=True)
    except OSError:
        pass
    sys.exit(EXIT_BROKEN_PIPE)


class _Main(click.Group):
    """Ctrl-C exits 130 and a closed output pipe 141, each with one line instead
    of a traceback (click's own handling makes both exit 1)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort as e:
            if isinstance(e.__context__, KeyboardInterrupt) or isinstance(e.__cause__, KeyboardInterrupt):
                click.echo("factcheck: interrupted", err=True)
                sys.exit(EXIT_INTERRUPTED)
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("factcheck: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            _stop_on_broken_pipe()
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except Exception as e:
            from .lexicon import LexiconError
            if not isinstance(e, LexiconError):
                raise
            click.echo(f"error: lexicon {e}", err=True)  # names the file and the key
            sys.exit(EXIT_USAGE)
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _stop_on_broken_pipe()
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
      factcheck serve -c factcheck.toml                     the reports, with decisions in the browser

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
    from functools import partial

    from .figures.claims import extract_parallel

    from .publishing.writers import JsonlWriter, write
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE")
    import errno

    from .safeio import NotWritable, check_writable_file
    if output:
        try:
            check_writable_file(output)
        except NotWritable as e:
            click.echo(f"error: cannot write {output}: {e}", err=True)
            sys.exit(EXIT_FAILED)
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
        for doc, found in extract_parallel(docs, jobs, transform=partial(JsonlWriter.lines,
                                                                         quantities_only=quantities_only)):
            bar.advance()
            yield from found
    t0 = time.perf_counter()
    try:  # to a file: the whole table or the previous file, never half
        n = write(fmt, lines() if fmt == "jsonl" else claims(), output)
    except OSError as e:
        bar.close()
        if isinstance(e, BrokenPipeError) or (output is None and e.errno == errno.EPIPE):
            raise BrokenPipeError() from None
        click.echo(f"error: cannot write {output or 'standard output'}: {e.strerror or e}", err=True)
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
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes reading figures (default: every core). The output is the same for any number.")
def check(paths, out_dir, source, progress, jobs):
    """Find figures that disagree across the documents in PATHS.

    Pairs figures of one kind from reports of different outlets published
    within two days in one story, scores how likely each disagreeing pair is
    one quantity misreported (the words around the figures, what is counted,
    the event, entities, time, scope, magnitude: weights in
    factcheck/model/alignment.toml, re-fitted by `factcheck fit`), and sorts
    what it finds into alarms (confident), "to review" and updates (a toll
    that rose in a later report: information, not an alarm).  Writes, in OUTPUT:

    \b
      discrepancies.json  every discrepancy, alarms first, with stable ids
      claims.csv          every figure found (the table behind the report)
      report.html         the editors' report (one self-contained file)

    \b
    Example:
      factcheck check seeds/ -o reports/
    """
    from pathlib import Path

    from .check import run_check, write_outputs
    from .safeio import NotWritable, check_writable_dir
    try:
        check_writable_dir(out_dir, "output folder")
    except NotWritable as e:
        click.echo(f"error: cannot write to {out_dir}: {e}", err=True)
        sys.exit(EXIT_FAILED)
    stats = ReadStats()
    bar = Progress(paths, enabled=progress, label="checking")
    t0 = time.perf_counter()
    result = run_check(iter_documents(paths, source=source, warn=_warn, stats=stats),
                       on_document=lambda d: bar.advance(), jobs=jobs)
    bar.close()
    if stats.documents == 0:
        click.echo("error: no document could be read", err=True)
        sys.exit(EXIT_NO_INPUT)
    try:
        written = write_outputs(result, Path(out_dir))
    except OSError as e:
        click.echo(f"error: cannot write to {out_dir}: {e}", err=True)
        sys.exit(EXIT_FAILED)
    tiers = {}
    for d in result.discrepancies:
        tiers[d.tier] = tiers.get(d.tier, 0) + 1
    counts = ", ".join(f"{tiers[k]} {label}" for k, label in (("alarm", "alarms"), ("review", "to review"),
                                                             ("update", "updates")) if k in tiers)
    click.echo(f"{stats.documents} documents, {len(result.claims)} figures, {len(result.discrepancies)} discrepancies "
               f"({counts or 'none'}) in {time.perf_counter() - t0:.1f}s"
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
@click.option("--init", is_flag=True,
              help="Create the database if it does not exist (first run only; without it a missing or empty "
                   "database stops the run with exit code 4).")
@click.option("-v", "--verbose", is_flag=True,
              help="Log to stderr too and print the night's summary (default: only errors on stderr; the "
                   "summary only when a person is needed).")
def nightly(config, inputs, database, reports, night, wait, log, source, init, verbose):
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
    The first run needs --init to create the database: afterwards a missing
    or empty database is an error (exit 4), never a silent new history.

    \b
    A good night prints nothing (all goes to the log, rotated); errors go to
    stderr, and when a person is needed (exit 1, 3, 4) the night's summary
    is printed on stdout: mail that, not the log.

    \b
    Example crontab line (every night at 02:30; mails the summary on 1-4):
      30 2 * * *  cd /srv/factcheck &&\n        out=$(.venv/bin/factcheck nightly -c factcheck.toml 2>&1); c=$?; case $c in 1|2|3|4) echo "$out" | mail -s "factcheck nightly: exit $c" desk@example.org;; esac
    """
    from .service.nightly import ConfigError, load_config, nightly_main
    try:
        cfg = load_config(config, inputs=inputs, database=database, reports=reports, night=night, wait=wait,
                          log=log, source=source, init=init or None, verbose=verbose or None)
    except ConfigError as e:
        raise click.UsageError(str(e))
    sys.exit(nightly_main(cfg))


@main.command()
@click.argument("discrepancy", required=False)
@click.option("--confirm", is_flag=True, help="The discrepancy is real.")
@click.option("--dismiss", is_flag=True, help="Not a real discrepancy: do not raise it again.")
@click.option("--reopen", is_flag=True, help="Undo a dismissal.")
@click.option("--note", help="Why (kept with the decision).")
@click.option("--by", "by", default=lambda: os.environ.get("USER") or os.environ.get("LOGNAME") or "unknown",
              show_default="$USER", help="Who decided.")
@click.option("--list", "list_", is_flag=True, help="List decisions (of DISCREPANCY, or all).")
@click.option("--export", "export", type=click.Path(dir_okay=False), help="Write all decisions to a JSON file.")
@click.option("--import", "import_", type=click.Path(exists=True, dir_okay=False),
              help="Add decisions from a JSON file (those already recorded are skipped).")
@click.option("-c", "--config", type=click.Path(dir_okay=False), help="TOML file with a [nightly] table.")
@click.option("--db", "database", type=click.Path(dir_okay=False), help="SQLite database.")
@click.option("--wait", type=click.FloatRange(min=0), default=30, show_default=True,
              help="Seconds to wait while a nightly run is writing the database.")
def review(discrepancy, confirm, dismiss, reopen, note, by, list_, export, import_, config, database, wait):
    """Record an editor's decision on a discrepancy, or list them.

    Decisions are appended, never changed: the history of who decided what,
    and when, stays in the database.  A dismissed discrepancy does not come
    back as new; the report lists it in a collapsed section.

    \b
    Exit codes:
      0  done
      2  usage error (two decisions at once, unknown id, an import file that is
         not a decisions export)
      4  the database cannot be used, or the export file cannot be written
      5  the database stayed busy (a nightly run writing it) for --wait seconds

    \b
    Examples:
      factcheck review d1a2b3c4d5e6 --dismiss --note "different incidents" --by layla
      factcheck review --list
      factcheck review --export decisions.json
    """
    import json as _json
    import sqlite3
    from pathlib import Path

    from .service.nightly import ConfigError, load_config, write_decisions
    from .service.store import Store, StoreError, check_decisions
    chosen = [name for name, on in (("confirm", confirm), ("dismiss", dismiss), ("reopen", reopen)) if on]
    if len(chosen) > 1:
        raise click.UsageError(f"choose one decision, not {' and '.join('--' + c for c in chosen)}")
    decision = chosen[0] if chosen else None
    db = database
    if not db:
        try:
            db = load_config(config, inputs=["-"]).database if config else "factcheck.db"
        except ConfigError as e:
            raise click.UsageError(str(e))
    if not os.path.exists(db):
        raise click.UsageError(f"no database at {db}: run `factcheck nightly --init` first, or give --db / --config")
    items = None
    if import_:
        try:
            items = _json.loads(Path(import_).read_text(encoding="utf-8"))
            check_decisions(items)
        except (OSError, UnicodeDecodeError) as e:
            raise click.UsageError(f"cannot read {import_}: {getattr(e, 'strerror', None) or e}")
        except _json.JSONDecodeError as e:
            raise click.UsageError(f"{import_} is not JSON ({e.msg}, line {e.lineno} column {e.colno}); "
                                   "nothing imported")
        except ValueError as e:
            raise click.UsageError(f"{import_} is not a decisions export: {e}; nothing imported")
    try:
        store = Store(db, timeout=wait)
    except StoreError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_FAILED)
    try:
        if items is not None:
            click.echo(f"{store.import_decisions(items)} decisions imported")
        if export:
            try:
                write_decisions(store.decisions(), Path(export))
            except OSError as e:
                click.echo(f"error: cannot write {export}: {e.strerror or e}", err=True)
                sys.exit(EXIT_FAILED)
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
    except sqlite3.OperationalError as e:
        if "locked" in str(e) or "busy" in str(e):
            click.echo(f"error: database {db} is busy (a nightly run is writing it) and stayed so for {wait:g}s; "
                       "nothing was recorded. Try again when the run is over, or give --wait SECONDS.", err=True)
            sys.exit(EXIT_LOCKED)
        click.echo(f"error: database {db}: {e}", err=True)
        sys.exit(EXIT_FAILED)
    finally:
        store.close()


@main.command()
@click.option("-c", "--config", type=click.Path(dir_okay=False), help="TOML file ([nightly] paths, [serve] settings).")
@click.option("--db", "database", type=click.Path(dir_okay=False), help="SQLite database (default factcheck.db).")
@click.option("--reports", type=click.Path(file_okay=False), help="Reports folder (default reports).")
@click.option("--host", help="Address to listen on (default 127.0.0.1; any other needs a token).")
@click.option("--port", type=int, help="Port (default 8765; 0 picks a free one).")
@click.option("--token", help="Access token (or FACTCHECK_SERVE_TOKEN, or [serve] token); needed off loopback.")
@click.option("--by", "author", help="Default name for decisions (default [serve] author, else $USER).")
def serve(config, database, reports, host, port, token, author):
    """Serve the nightly reports with Confirm / Dismiss / Reopen on each card.

    Decisions go to the nightly database, like `factcheck review`: appended,
    with time and author; a decision shows on its card at once and in the next
    night's report.  Decided discrepancies download as /export.csv and
    /export.json.  Listens on 127.0.0.1 unless told otherwise; any other
    address needs a token (open http://HOST:PORT/?token=TOKEN once).

    \b
    Config (factcheck.toml):
      [serve]
      host = "127.0.0.1"
      port = 8765
      author = "layla"
      # token = "…"      required when host is not a loopback address

    \b
    Example:
      factcheck serve -c factcheck.toml
    """
    from .service.nightly import ConfigError, load_config
    from .service.serve import ReviewServer, ServeConfig, ServeError, serve_table
    try:
        cfg = load_config(config, inputs=["-"], database=database, reports=reports)
        table = serve_table(config)
    except (ConfigError, ServeError) as e:
        raise click.UsageError(str(e))
    if not os.path.exists(cfg.database):
        raise click.UsageError(f"no database at {cfg.database}: run `factcheck nightly` first, or give --db / --config")
    sc = ServeConfig(database=cfg.database, reports=cfg.reports, host=host or table.get("host", "127.0.0.1"),
                     port=port if port is not None else int(table.get("port", 8765)),
                     token=token or os.environ.get("FACTCHECK_SERVE_TOKEN") or table.get("token"),
                     author=author or table.get("author") or os.environ.get("USER") or "",
                     timezone=cfg.timezone, citation=cfg.citation)
    try:
        server = ReviewServer(sc)
    except ServeError as e:
        raise click.UsageError(str(e))
    except OSError as e:
        click.echo(f"error: cannot listen on {sc.host}:{sc.port}: {e.strerror or e}", err=True)
        sys.exit(EXIT_FAILED)
    h, p = server.server_address[:2]
    click.echo(f"serving {cfg.reports} on http://{h}:{p}/  (decisions to {cfg.database}; Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.argument("database", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The new database (default DATABASE.recovered; never overwritten).")
def recover(database, output):
    """Copy what can still be read from a damaged DATABASE into a new file.

    The editors' decisions are copied first, then runs, discrepancies,
    documents and claims; the decisions backup beside the database (and its
    dated copies) is merged in.  The damaged file is never written.  Says,
    table by table, what was copied and what was lost.  Documents that were
    lost are read again by the next nightly run from the inputs.

    \b
    Exit codes: 0 recovered (see the report for losses), 2 usage error,
    4 nothing to recover from, or the new file exists or cannot be written.

    \b
    Example:
      factcheck recover state/factcheck.db
      mv state/factcheck.db state/factcheck.db.damaged
      mv state/factcheck.db.recovered state/factcheck.db
    """
    from .service.recover import RecoverError
    from .service.recover import recover as do_recover
    try:
        rec = do_recover(database, output)
    except RecoverError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_FAILED)
    for line in rec.lines():
        click.echo(line)
    click.echo(f"recovered into {rec.out}")


if __name__ == "__main__":
    main()


@main.command("fit")
@click.option("--gold", "golds", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold file in the seeds schema (repeatable): contradictions, consistent, either.")
@click.option("--decisions", "databases", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A nightly database (repeatable): its editors' decisions are labels too "
                   "(confirmed: a contradiction; dismissed: not one).")
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False),
              help="JSONL(.gz) corpus holding the documents of gold files that name corpus ids.")
@click.option("--seeds-dir", type=click.Path(exists=True, file_okay=False),
              help="Folder holding the documents of gold files that name .txt files.")
@click.option("--whole-days/--gold-only", default=True, show_default=True,
              help="Build stories over every corpus article of the gold's days, as a night sees them.")
@click.option("-C", "c_value", type=float, default=0.03, show_default=True,
              help="Inverse regularisation strength of the logistic regression.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the weights here "
              "(default: print the cross-validated figures only). The package reads factcheck/model/alignment.toml.")
def fit_command(golds, databases, corpus, seeds_dir, whole_days, c_value, output):
    """Re-fit the alignment weights on labelled pairs and report held-out figures.

    Candidate pairs of the gold's documents are labelled (contradiction: 1;
    consistent or not named: 0; either: left out), and so are the pairs of
    discrepancies the editors decided in nightly databases (confirmed: 1;
    dismissed: 0). A logistic regression is fitted, and figures are
    cross-validated with folds split by story, so no story is scored by
    weights fitted on it. The thresholds of the two tiers are chosen on those
    held-out scores (dismissed pairs count as traps).

    \b
    Example:
      factcheck fit --gold ../shared/gold/ant-dev.yaml --corpus ../shared/corpus/ant-multisource-2018.jsonl.gz \\
                    --gold ../shared/gold/seeds.yaml --seeds-dir ../shared/seeds -o factcheck/model/alignment.toml
      factcheck fit --gold ../shared/gold/ant-dev.yaml --corpus ../shared/corpus/ant-multisource-2018.jsonl.gz \\
                    --decisions state/factcheck.db -o factcheck/model/alignment.toml
    """
    from pathlib import Path

    from .matching.alignment import model_toml
    from .fit import GoldError, count_traps, fit, label_decisions, label_gold, merge
    if not golds and not databases:
        click.echo("error: give at least one --gold file or --decisions database", err=True)
        sys.exit(EXIT_USAGE)
    parts, n_traps = [], 0
    try:
        for db in databases:
            part = label_decisions(Path(db))
            parts.append(part)
            n_traps += len({t for t in part.trap_items if t})  # dismissed discrepancies
            click.echo(f"{db}: {sum(part.y)} confirmed and {len(part.y) - sum(part.y)} dismissed pairs")
        for g in golds:
            g = Path(g)
            use_seeds = seeds_dir is not None and all(str(v).endswith(".txt") for v in _gold_docs(g))
            parts.append(label_gold(g, corpus=None if use_seeds else (Path(corpus) if corpus else None),
                                    seeds_dir=Path(seeds_dir) if use_seeds else None,
                                    whole_days=whole_days and not use_seeds))
            n_traps += count_traps(g)
    except GoldError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_USAGE)
    data = merge(parts)
    if sum(data.y) < 5:
        click.echo("error: fewer than 5 labelled contradictions among the candidate pairs: nothing to fit", err=True)
        sys.exit(EXIT_USAGE)
    model, report = fit(data, c_value, n_traps)
    for k, v in report.items():
        click.echo(f"{k}: {v}")
    click.echo(f"thresholds: alarm {model.alarm}, review {model.review}")
    if output:
        from .safeio import write_atomic
        write_atomic(output, model_toml(model))
        click.echo(f"weights: {output}", err=True)


def _gold_docs(path) -> list[str]:
    import yaml
    return list((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("documents", {}).values())
