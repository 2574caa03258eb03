"""A process that plotted freezes its objects at exit (the interpreter's last collections
would walk them all), after every exit handler and finalizer registered later has run."""

from __future__ import annotations

import subprocess
import sys


def test_exit_freezes_objects_and_still_runs_handlers(tmp_path):
    log = tmp_path / "log.txt"
    code = (
        "import atexit, gc, weakref\n"
        f"log = open({str(log)!r}, 'a')\n"
        # registered before lumos: runs after lumos's handler
        "atexit.register(lambda: log.write(f'first {gc.get_freeze_count() > 0}\\n'))\n"
        "import lumos.pyplot as plt\n"
        "fig, ax = plt.subplots()\n"
        "ax.plot([1, 2, 3])\n"
        f"fig.savefig({str(tmp_path / 'f.png')!r})\n"
        "atexit.register(lambda: log.write(f'later {gc.get_freeze_count() > 0}\\n'))\n"
        "weakref.finalize(fig, log.write, 'finalized\\n')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    # atexit runs last-registered first: the later handler and the finalizer before the
    # freeze, the handler registered before lumos after it
    assert log.read_text().splitlines() == ["finalized", "later False", "first True"]
