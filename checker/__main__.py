"""``python -m checker`` and the ``checker`` script: the command, from whichever checkout is on ``sys.path`` first.

The garbage collector is paused while the command's modules are imported: importing pandas, pint,
pydantic and the engine makes some hundred thousand long-lived objects, and each full collection in
between walks all of them (measured: a third of the start-up CPU beyond the libraries' own import).
Those objects are then frozen (never walked again) and the collector runs as usual for the work.
"""

import gc


def run() -> int:
    """Import the command with the collector paused, then run it (exit code 0/1/2)."""
    gc.disable()
    try:
        from checker.cli import main
    finally:
        gc.freeze()
        gc.enable()
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
