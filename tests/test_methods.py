"""/methods states every definition in both languages, with the settings in force filled in."""
from __future__ import annotations

import string

import pytest

from test_pages import render

BRIEF_SETTINGS = """
[period]
default = "last_4_weeks"

[brief]
baseline_periods = 9
flag_min_count = 7
flag_p = 0.005

[targets]
days = 11
[targets.categories]
"ไฟฟ้า" = 4

[report]
ranking_weeks = 8
"""


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_method_section_has_both_languages_with_the_same_placeholders():
    from components.i18n import LANGUAGES, METHOD_SECTIONS, STRINGS

    assert len(set(METHOD_SECTIONS)) == len(METHOD_SECTIONS)
    keys = [k for s in METHOD_SECTIONS for k in (f"m_{s}_h", f"m_{s}")]
    keys += [k for k in STRINGS if k.startswith("m_on_time_")]  # the targets' sentence, filled in by the page
    for key in keys:
        entry = STRINGS[key]
        assert set(entry) == set(LANGUAGES) and all(entry[lang].strip() for lang in LANGUAGES), key
        assert _fields(entry["th"]) == _fields(entry["en"]), key


def _page_text(at) -> str:
    return "\n".join(m.value for m in at.main.markdown)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_methods_page_shows_the_targets_and_the_rule_in_force(monkeypatch, tmp_path, lang):
    from components.i18n import METHOD_SECTIONS, t

    config = tmp_path / "fondueboard.toml"
    config.write_text(BRIEF_SETTINGS, encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(config))
    at = render(monkeypatch, f"sqlite:///{tmp_path}/empty.sqlite", "pages/methods.py", {"lang": lang})
    assert [s.value for s in at.main.subheader] == [t(f"m_{s}_h", lang) for s in METHOD_SECTIONS]
    text = _page_text(at)
    assert "{" not in text  # every placeholder filled
    on_time = next(m.value for m in at.main.markdown if "[targets] days" in m.value)
    electricity = {"th": "ไฟฟ้า", "en": "Electricity"}[lang]  # the category's name in the page's language
    assert "**11**" in on_time and t("m_on_time_category", lang, category=electricity, days=4) in on_time
    changes = next(m.value for m in at.main.markdown if "flag_min_count" in m.value)
    assert "**9**" in changes and "**7**" in changes and "**0.5%**" in changes and "p < 0.005" in changes
    default = next(m.value for m in at.main.markdown if "[period] default" in m.value)
    assert "last_4_weeks" in default and " 8 " in default


def test_methods_page_shows_the_default_targets_and_rule(monkeypatch, tmp_path):
    from fondueboard.config import BriefConfig

    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # every setting at its default
    at = render(monkeypatch, f"sqlite:///{tmp_path}/empty.sqlite", "pages/methods.py", {"lang": "en"})
    cfg = BriefConfig()
    on_time = next(m.value for m in at.main.markdown if "[targets] days" in m.value)
    assert f"**{cfg.target_days}**" in on_time and "none is set in [targets.categories]" in on_time
    changes = next(m.value for m in at.main.markdown if "flag_min_count" in m.value)
    assert f"**{cfg.baseline_periods}**" in changes and f"**{cfg.flag_min_count}**" in changes
    assert f"**{cfg.flag_p * 100:g}%**" in changes and f"p < {cfg.flag_p:g}" in changes
