"""The Celery worker, started without the ``celery`` command: ``python -m tracker.worker [options]`` takes
exactly the options of ``celery -A tracker worker`` (it runs Celery's own ``worker`` command, given this
project's app), and docker-compose.yml starts the worker this way.

Why not ``celery -A tracker worker``: the ``celery`` command imports every one of its subcommands before it
runs one — the amqp shell (click_repl, prompt_toolkit), events, graph, multi, purge, shell, upgrade... —
~9 MB of modules in the worker's main process that no task uses. Every pool child is forked from that
process and inherits its pages, so they are counted again in each child's resident set
(bench/RESULTS.md, "The worker's RSS sum"). Every other command (``inspect``, ``purge``, ``beat``...)
stays ``celery -A tracker ...``.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from celery.bin.base import CLIContext
    from celery.bin.worker import worker

    from tracker.celery import app

    # What the `celery` command adds to its worker command before running it (options a plugin of the app
    # declares; this project declares none, so this is only to behave the same should one be added).
    worker.params.extend(app.user_options.get("worker", []))
    worker.main(args=sys.argv[1:] if argv is None else argv, prog_name="python -m tracker.worker",
                obj=CLIContext(app=app, no_color=None, workdir=None))


if __name__ == "__main__":
    main()
