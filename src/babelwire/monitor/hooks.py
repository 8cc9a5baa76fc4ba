"""What the monitor calls after it has stored new articles.

The monitor (``babelwire run``) polls sources and runs new items through the
pipeline. After every poll cycle, whether or not anything new arrived, it calls
``after_ingest(now)`` on each hook, in order. A hook finds the work it has not
done yet from the store itself (for example, articles above a watermark it keeps
there), so a restarted monitor resumes where it stopped and a hook never depends
on the monitor handing it ids. Exceptions a hook raises are logged by the monitor
and never stop ingestion; a hook must still keep its own calls short (deliver
slow channels with timeouts, retry later rather than block).
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class MonitorHook(Protocol):
    """A step the monitor runs after each poll cycle (alerts, digests and the like)."""

    name: str

    def after_ingest(self, now: datetime) -> None:
        """Do the work due at ``now`` (an aware UTC time) over what the store holds."""
        ...

    def close(self) -> None:
        """Release resources; called once when the monitor stops."""
        ...
