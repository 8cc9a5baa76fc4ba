import pytest

from babelwire.errors import SettingsError
from babelwire.settings import SETTINGS, load_settings


def test_precedence_default_file_env_override(tmp_path):
    cfg = tmp_path / "b.toml"
    cfg.write_text("rate_limit = 2.5\ntimeout = 3\n")
    env = {"BABELWIRE_TIMEOUT": "7", "BABELWIRE_ALLOW_LOOPBACK": "1"}
    s = load_settings(config_file=cfg, env=env, overrides={"max_redirects": 2})
    assert s.rate_limit == 2.5 and s.origins["rate_limit"] == f"file {cfg}"
    assert s.timeout == 7.0 and s.origins["timeout"] == "env BABELWIRE_TIMEOUT"
    assert s.allow_loopback is True
    assert s.max_redirects == 2 and s.origins["max_redirects"] == "command line"
    assert s.obey_robots is True and s.origins["obey_robots"] == "default"


def test_bad_values_and_unknown_names_are_explained(tmp_path):
    with pytest.raises(SettingsError, match="rate_limit"):
        load_settings(env={"BABELWIRE_RATE_LIMIT": "fast"})
    with pytest.raises(SettingsError, match="unknown setting"):
        load_settings(env={}, overrides={"nope": 1})
    cfg = tmp_path / "bad.toml"
    cfg.write_text("colour = 'red'\n")
    with pytest.raises(SettingsError, match="colour"):
        load_settings(config_file=cfg, env={})


def test_every_setting_is_documented():
    from pathlib import Path

    doc = (Path(__file__).parents[1] / "docs" / "settings.md").read_text()
    for setting in SETTINGS:
        assert (setting.help and setting.help.endswith(".")) or setting.help.endswith(")")
        assert f"`{setting.name}`" in doc, f"docs/settings.md lacks {setting.name}"
