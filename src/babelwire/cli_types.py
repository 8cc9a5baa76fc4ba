"""Click parameter types for numbers the store binds, bounded to what it can hold.

A story id or a limit beyond 64 bits would fail inside the database driver with a
traceback; bounded here, click names the option and the range instead.
"""

from __future__ import annotations

import click

from babelwire.store.base import ROW_ID_MAX

ROW_ID = click.IntRange(-ROW_ID_MAX, ROW_ID_MAX)
"""A story's, article's or entity's id."""
COUNT = click.IntRange(1, ROW_ID_MAX)
"""A limit or a batch size: at least one."""
