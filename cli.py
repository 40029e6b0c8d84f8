"""Run claim-consistency from a checkout: ``python cli.py check ja.md de.md``."""
from consistency.cli import main

raise SystemExit(main())
