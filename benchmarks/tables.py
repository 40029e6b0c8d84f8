"""Printing for the benchmark scripts (importable because Python puts a script's folder on sys.path)."""

from __future__ import annotations


def table(header: list[str], rows: list[list[object]], numeric_from: int = 1) -> None:
    """A Markdown pipe table; columns from ``numeric_from`` on are right-aligned."""
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" if i >= numeric_from else "---" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    print()
