"""The ``allegiance`` command: thin typer commands over typed functions.

Each command lives in ``ui/commands/<name>.py`` and registers itself on :data:`app`. :func:`main`
is the one place that turns :class:`~graph.errors.AllegianceError` into a message and an exit code.
"""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console
from rich.markup import escape

from graph.errors import AllegianceError

app = typer.Typer(
    name="allegiance",
    help="Explore who is allied with whom and who fights whom, from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules; each one adds its commands to ``app`` when imported.
COMMAND_MODULES: tuple[str, ...] = (
    "ui.commands.analyze",
    "ui.commands.export",
    "ui.commands.extract",
    "ui.commands.ingest",
    "ui.commands.query",
    "ui.commands.store_admin",
    "ui.commands.ui",
)

err_console = Console(stderr=True)


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script. Returns the exit code."""
    _register()
    try:
        # Outside standalone mode click returns a raised typer.Exit's code instead of raising.
        result = app(args=argv, standalone_mode=False)
    except AllegianceError as e:
        err_console.print(
            f"[bold red]error:[/] {escape(e.message)}", highlight=False, soft_wrap=True
        )
        if e.hint:
            err_console.print(f"  {escape(e.hint)}", highlight=False, soft_wrap=True)
        return e.exit_code
    except typer.Exit as e:
        return e.exit_code
    except typer.Abort:
        err_console.print("aborted")
        return 130
    except KeyboardInterrupt:
        err_console.print("interrupted")
        return 130
    except typer.TyperException as e:  # usage errors from typer's own copy of click
        e.show()  # type: ignore[attr-defined]
        return 2
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
