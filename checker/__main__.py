"""``python -m checker``: the ``checker`` command, from whichever checkout is on ``sys.path`` first."""

from checker.cli import main

raise SystemExit(main())
