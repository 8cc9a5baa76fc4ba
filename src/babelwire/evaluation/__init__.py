"""Quality measurement on labelled data: ``babelwire eval TASK`` and the quality gate.

One module per task (``extraction``, ``dates``, ``similarity``, ``clusters``,
``langid``), each returning an :class:`EvalResult`; ``tasks`` runs them by
name, ``report`` prints them, ``bcubed`` and ``metrics`` hold the formulas.
docs/quality.md lists the figures measured and how to reproduce them.
"""

from babelwire.evaluation.report import EvalResult
from babelwire.evaluation.tasks import HEADLINES, TASKS, EvalOptions, run_task

__all__ = ["HEADLINES", "TASKS", "EvalOptions", "EvalResult", "run_task"]
