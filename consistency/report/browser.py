"""Open an HTML report in a real headless browser (Chromium): rendered DOM, screenshot, render time.

Used by the tests (``tests/test_html_report.py``), the benchmark
(``benchmarks/html_report.py``) and to take the README's screenshot
(``python -m consistency.report.browser REPORT.html docs/report.png``).
The browser is ``$CLAIM_CONSISTENCY_BROWSER``, else the first of
``chromium``, ``chromium-browser``, ``google-chrome`` on the PATH; it runs
with a fresh profile, without network services, sandbox or GPU (root in a
container cannot use the sandbox).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["dump_dom", "find_browser", "render_time_ms", "screenshot"]

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--hide-scrollbars", "--mute-audio")
_MARK = "data-render-ms"


def find_browser() -> str | None:
    """The browser executable, or ``None``."""
    chosen = os.environ.get("CLAIM_CONSISTENCY_BROWSER")
    if chosen:
        return shutil.which(chosen) or (chosen if os.path.isfile(chosen) else None)
    for name in _CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(page: str | Path, *flags: str, timeout: float = 120, fragment: str = "") -> subprocess.CompletedProcess:
    browser = find_browser()
    if browser is None:
        raise FileNotFoundError("no Chromium browser found (set CLAIM_CONSISTENCY_BROWSER)")
    with tempfile.TemporaryDirectory(prefix="claim-consistency-browser-") as profile:
        return subprocess.run([browser, *_FLAGS, f"--user-data-dir={profile}", *flags,
                               Path(page).resolve().as_uri() + (f"#{fragment}" if fragment else "")],
                              capture_output=True, timeout=timeout, check=False)


def dump_dom(page: str | Path, *, timeout: float = 120, fragment: str = "") -> str:
    """The DOM of ``page`` (opened at ``#fragment`` if given) after the browser loaded it and ran
    its script, serialised."""
    done = _run(page, "--dump-dom", timeout=timeout, fragment=fragment)
    if done.returncode != 0 or not done.stdout:
        raise RuntimeError(f"the browser failed ({done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
    return done.stdout.decode("utf-8")


def screenshot(page: str | Path, png: str | Path, *, width: int = 1400, height: int = 1800,
               timeout: float = 120) -> Path:
    """A PNG of the top ``width`` × ``height`` pixels of ``page``."""
    png = Path(png).resolve()
    done = _run(page, f"--screenshot={png}", f"--window-size={width},{height}", timeout=timeout)
    if done.returncode != 0 or not png.exists():
        raise RuntimeError(f"the browser failed ({done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
    return png


def render_time_ms(page: str | Path, *, timeout: float = 300) -> float:
    """Milliseconds from navigation start until ``page`` is parsed, styled and laid out.

    A copy of the page gets one last script that forces layout and writes
    ``performance.now()`` into the DOM, which :func:`dump_dom` then reads."""
    text = Path(page).read_text(encoding="utf-8")
    probe = (f'<script>document.body.offsetHeight;'
             f'document.documentElement.setAttribute("{_MARK}",performance.now())</script></body>')
    with tempfile.TemporaryDirectory(prefix="claim-consistency-timing-") as folder:
        copy = Path(folder) / "timed.html"
        copy.write_text(text.replace("</body>", probe, 1), encoding="utf-8")
        dom = dump_dom(copy, timeout=timeout)
    start = dom.index(f'{_MARK}="') + len(_MARK) + 2
    return float(dom[start:dom.index('"', start)])


def _main(argv: list[str]) -> int:
    if len(argv) not in (2, 4):
        print("usage: python -m consistency.report.browser REPORT.html OUT.png [WIDTH HEIGHT]", file=sys.stderr)
        return 2
    size = (int(argv[2]), int(argv[3])) if len(argv) == 4 else (1400, 1800)
    print(screenshot(argv[0], argv[1], width=size[0], height=size[1]))
    return 0


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    sys.exit(_main(sys.argv[1:]))
