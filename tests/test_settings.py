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


@pytest.mark.parametrize(("source", "problem"), [
    ({"BABELWIRE_RATE_LIMIT": "-1"}, "'rate_limit' from $BABELWIRE_RATE_LIMIT: -1.0 is out of "
                                     "range; give 0 to 1000"),
    ({"BABELWIRE_SERVE_PORT": "99999"}, "give 1 to 65535"),
    ({"BABELWIRE_TIMEOUT": "nan"}, "not a finite number"),
    ({"BABELWIRE_BATCH_SIZE": "0"}, "give 1 to 100000"),
])
def test_numbers_out_of_range_are_refused_with_the_range(source, problem):
    with pytest.raises(SettingsError, match=problem.replace("$", r"\$").replace(".", r"\.")):
        load_settings(env=source)


def test_a_file_or_override_out_of_range_is_named_too(tmp_path):
    cfg = tmp_path / "s.toml"
    cfg.write_text("embed_max_tokens = 99999\n")
    with pytest.raises(SettingsError, match=f"from {cfg}: 99999 is out of range"):
        load_settings(config_file=cfg, env={})
    with pytest.raises(SettingsError, match="from command line"):
        load_settings(env={}, overrides={"monitor_workers": 0})
    for setting in SETTINGS:  # every default is inside its own range
        load_settings(env={}, overrides={setting.name: setting.default})


def test_the_settings_reference_is_what_the_declarations_generate():
    from pathlib import Path

    from babelwire.cli import settings_markdown

    doc = (Path(__file__).parents[1] / "docs" / "settings.md").read_text()
    assert doc.strip() == settings_markdown().strip()
    assert "| 1 to 65535 |" in doc
