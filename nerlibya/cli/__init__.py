"""The `nerlibya` command line: a thin layer that turns options into a run and exit codes.

app.py registers the commands, one module each (extract, kb, evaluate); run.py is one extract run; exits,
signals, progress, report and output_files are the run's small helpers; partitions is `--engine dask -o FOLDER`.
"""

from .app import app, main

__all__ = ["app", "main"]
