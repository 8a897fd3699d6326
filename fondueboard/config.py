"""Settings a province may change without touching code, read from one TOML file.

The file is `fondueboard.toml` at the project root, or the path in FONDUEBOARD_CONFIG. It is read
on every use (it is tiny), so an edit shows on the next page load without a restart.
"""
from __future__ import annotations

import copy
import os
import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from fondueboard.agency_kinds import validate_kind_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_PATH = PROJECT_ROOT / "fondueboard.toml"


class ConfigError(Exception):
    """The config file cannot be used; the message says which file and what is wrong."""


@dataclass(frozen=True)
class RankingConfig:
    """The agency ranking's parameters (defaults: ../shared/reference/metrics.md). Hashable, so
    rankings can be cached per configuration."""

    weight_completion: float = 0.5
    weight_satisfaction: float = 0.3
    weight_speed: float = 0.2
    min_tickets: int = 10  # fewer tickets in the period: listed, not ranked
    prior_tickets: int = 20  # k: how many complaints at the population's rates every agency starts with
    prior_ratings: int = 10  # m: how many province-average ratings every agency starts with
    speed_days: int = 7  # "fast" means finished within this many days
    kind_overrides: tuple[tuple[str, str], ...] = ()  # (exact agency name, kind)
    kind_rules: tuple[tuple[str, str], ...] = ()  # (regex, kind), tried before the built-in rules


def config_path() -> Path:
    return Path(os.environ.get("FONDUEBOARD_CONFIG") or DEFAULT_CONFIG_PATH)


def _read(path: Path) -> dict:
    """The settings file, parsed; parsed again only when it changes (a page asks for its sections
    several times a run). A copy each time: no caller can change another's."""
    try:
        stamp = path.stat()
    except FileNotFoundError:
        if os.environ.get("FONDUEBOARD_CONFIG"):
            raise ConfigError(f"{path}: FONDUEBOARD_CONFIG names a file that does not exist") from None
        return {}  # no file: the documented defaults
    except OSError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return copy.deepcopy(_parsed(path, stamp.st_mtime_ns, stamp.st_size))


@lru_cache(maxsize=32)
def _parsed(path: Path, mtime_ns: int, size: int) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def _number(section: str, key: str, value, default, problems: list, low: float = 0, high: float | None = None):
    """`value` as the type of `default` (a whole number where the default is one) if it lies in
    [low, high]; else None, with what is wrong added to `problems`."""
    whole = isinstance(default, int) and not isinstance(default, bool)
    kind = "a whole number" if whole else "a number"
    bounds = f"from {low:g} to {high:g}" if high is not None else f"≥ {low:g}"
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or value < low
            or (high is not None and value > high)):
        problems.append(f"[{section}] {key} must be {kind} {bounds}, not {value!r}")
    elif whole and not float(value).is_integer():
        problems.append(f"[{section}] {key} must be a whole number, not {value!r}")
    else:
        return type(default)(value)
    return None


def ranking_config(path: Path | None = None) -> RankingConfig:
    """The [ranking] and [agency_kinds] sections, checked; defaults for anything left out."""
    path = path or config_path()
    data = _read(path)
    ranking = data.get("ranking", {})
    kinds = data.get("agency_kinds", {})
    known = {f.name for f in fields(RankingConfig)} - {"kind_overrides", "kind_rules"}
    problems = [f"unknown setting [ranking] {key}" for key in ranking if key not in known]
    values = {}
    for key in known & ranking.keys():
        value = _number("ranking", key, ranking[key], getattr(RankingConfig, key), problems)
        if value is not None:
            values[key] = value
    cfg = RankingConfig(**values)
    weights = cfg.weight_completion + cfg.weight_satisfaction + cfg.weight_speed
    if not problems and abs(weights - 1) > 1e-9:
        problems.append(f"[ranking] the three weights must add up to 1 (they add up to {weights:g})")
    overrides = tuple((str(k), str(v)) for k, v in kinds.get("overrides", {}).items())
    rules = []
    for i, rule in enumerate(kinds.get("rules", []), 1):
        if not isinstance(rule, dict) or set(rule) != {"pattern", "kind"}:
            problems.append(f"[[agency_kinds.rules]] number {i} needs exactly `pattern` and `kind`")
        else:
            rules.append((str(rule["pattern"]), str(rule["kind"])))
    problems += validate_kind_config(overrides, tuple(rules))
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return RankingConfig(**values, kind_overrides=overrides, kind_rules=tuple(rules))


@dataclass(frozen=True)
class MapConfig:
    """Where the map's boundaries and population come from. Boundaries are configuration, not
    code: without them the map draws a circle per area at the centre of its tickets."""

    districts: object | None = None  # fondueboard.geo.BoundaryFile
    subdistricts: object | None = None
    population: str | None = None  # DOPA-style CSV: province-name, district-name, subdistrict-name, total
    province: str | None = None  # keep only this province's areas from national files
    basemap: bool = False  # a light street basemap under the areas; needs internet


_BOUNDARY_KEYS = {"file": "path", "name_field": "name_field", "code_field": "code_field", "codes": "codes_path",
                  "district_field": "district_field", "district_code_field": "district_code_field",
                  "district_codes": "district_codes_path", "province_field": "province_field"}
_PATH_KEYS = {"file", "codes", "district_codes"}


def map_config(path: Path | None = None) -> MapConfig:
    """The [map] section, checked: files exist (paths are relative to the config file)."""
    from fondueboard.geo import BoundaryFile  # shapely is only needed once a map is drawn

    path = path or config_path()
    section = _read(path).get("map", {})
    problems = [f"unknown setting [map] {key}" for key in section
                if key not in {"districts", "subdistricts", "population", "province", "basemap"}]

    def resolve(value: str) -> str:
        p = Path(value).expanduser()
        p = p if p.is_absolute() else (path.parent / p)
        if not p.exists():
            problems.append(f"[map] file not found: {p}")
        return str(p.resolve())

    def boundary(name: str):
        spec = section.get(name)
        if not spec:
            return None
        unknown = set(spec) - set(_BOUNDARY_KEYS)
        if unknown or not {"file", "name_field"} <= set(spec):
            problems.append(f"[map.{name}] needs `file` and `name_field`"
                            + (f"; unknown: {', '.join(sorted(unknown))}" if unknown else ""))
            return None
        values = {_BOUNDARY_KEYS[k]: (resolve(v) if k in _PATH_KEYS else str(v)) for k, v in spec.items()}
        return BoundaryFile(**values, province=section.get("province"))

    cfg = MapConfig(
        districts=boundary("districts"),
        subdistricts=boundary("subdistricts"),
        population=resolve(section["population"]) if section.get("population") else None,
        province=section.get("province") or None,
        basemap=bool(section.get("basemap", False)),
    )
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return cfg


# The app's pages, by the name used in settings (the first is the landing page).
PAGES = ("overview", "map", "agencies", "agency", "methods", "admin")
ROTATE_SECONDS = (5, 3600)  # the shortest and longest time a page stays up in rotation


@dataclass(frozen=True)
class PresentConfig:
    """Presentation mode: the pages the projector cycles through, in order, and how long each
    stays up when rotation is started from the page rather than from the URL."""

    pages: tuple[str, ...] = ("overview", "agencies", "map")
    rotate_seconds: int = 30
    abbreviate: bool = True  # agency names with the standard abbreviations (อบต., ทต., กฟภ., …)


def present_config(path: Path | None = None) -> PresentConfig:
    """The [present] section, checked."""
    path = path or config_path()
    section = _read(path).get("present", {})
    problems = [f"unknown setting [present] {key}" for key in section
                if key not in {"pages", "rotate_seconds", "abbreviate"}]
    pages = section.get("pages", PresentConfig.pages)
    if not isinstance(pages, (list, tuple)) or not pages or any(p not in PAGES for p in pages):
        problems.append(f"[present] pages must be a non-empty list of {', '.join(PAGES)}, not {pages!r}")
    seconds = _number("present", "rotate_seconds", section.get("rotate_seconds", PresentConfig.rotate_seconds),
                      PresentConfig.rotate_seconds, problems, *ROTATE_SECONDS)
    abbreviate = section.get("abbreviate", PresentConfig.abbreviate)
    if not isinstance(abbreviate, bool):
        problems.append(f"[present] abbreviate must be true or false, not {abbreviate!r}")
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return PresentConfig(pages=tuple(pages), rotate_seconds=seconds, abbreviate=abbreviate)


@dataclass(frozen=True)
class ReportConfig:
    """The weekly pack's settings."""

    # One week has too few complaints per agency to rank anyone (min_tickets per period), so the
    # pack ranks over this many weeks ending with its week; 13 (a quarter) ranks 10–26 agencies of
    # the demo province's 160, enough for a top ten.
    ranking_weeks: int = 13


def report_config(path: Path | None = None) -> ReportConfig:
    """The [report] section, checked; defaults for anything left out."""
    path = path or config_path()
    section = _read(path).get("report", {})
    problems = [f"unknown setting [report] {key}" for key in section if key != "ranking_weeks"]
    weeks = _number("report", "ranking_weeks", section.get("ranking_weeks", ReportConfig.ranking_weeks),
                    ReportConfig.ranking_weeks, problems, 1, 104)
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return ReportConfig(ranking_weeks=weeks)


PERIODS = ("last_week", "this_week", "last_4_weeks", "fiscal_year", "all")


@dataclass(frozen=True)
class BriefConfig:
    """The default period, the "what got worse" rule and the on-time targets (metrics.md, Flow)."""

    default_period: str = "last_week"  # what a page shows when the link names no period
    baseline_periods: int = 12  # "what got worse" compares a period with the mean of this many before it
    flag_min_count: int = 5  # … only where at least this many complaints came in
    flag_p: float = 0.01  # … and a Poisson with the baseline mean gives that many less often than this
    target_days: int = 15  # on time: finished within this many days of the report
    category_targets: tuple[tuple[str, int], ...] = ()  # (category, days) where it differs

    def target_for(self, category: str) -> int:
        return dict(self.category_targets).get(category, self.target_days)


def brief_config(path: Path | None = None) -> BriefConfig:
    """The [period], [brief] and [targets] sections, checked; defaults for anything left out."""
    path = path or config_path()
    data = _read(path)
    period, brief, targets = data.get("period", {}), data.get("brief", {}), data.get("targets", {})
    problems = [f"unknown setting [period] {key}" for key in period if key != "default"]
    problems += [f"unknown setting [brief] {key}" for key in brief
                 if key not in ("baseline_periods", "flag_min_count", "flag_p")]
    problems += [f"unknown setting [targets] {key}" for key in targets if key not in ("days", "categories")]
    values = {}
    default = period.get("default", BriefConfig.default_period)
    if default not in PERIODS:
        problems.append(f"[period] default must be one of {', '.join(PERIODS)}, not {default!r}")
    else:
        values["default_period"] = default
    for key, low, high in (("baseline_periods", 2, 104), ("flag_min_count", 1, None), ("flag_p", 1e-9, 0.5)):
        if key in brief:
            value = _number("brief", key, brief[key], getattr(BriefConfig, key), problems, low, high)
            if value is not None:
                values[key] = value
    if "days" in targets:
        value = _number("targets", "days", targets["days"], BriefConfig.target_days, problems, 1, 3650)
        if value is not None:
            values["target_days"] = value
    categories = targets.get("categories", {})
    if not isinstance(categories, dict):
        problems.append("[targets.categories] must be a table of category = days")
        categories = {}
    pairs = []
    for name, days in categories.items():
        value = _number("targets.categories", name, days, BriefConfig.target_days, problems, 1, 3650)
        if value is not None:
            pairs.append((str(name), value))
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return BriefConfig(**values, category_targets=tuple(sorted(pairs)))


def targets_in_force(path: Path | None = None) -> BriefConfig:
    """The settings whose on-time targets the summaries are built with: the settings file's, or the
    defaults while it has an error (the pages say so; once it is fixed, the summaries are rebuilt
    with its targets: fondueboard.summary.summaries_current)."""
    try:
        return brief_config(path)
    except ConfigError:
        return BriefConfig()


DEFAULT_EXCHANGE_API = "https://publicapi.traffy.in.th/exchange-api/"


@dataclass(frozen=True)
class SyncConfig:
    """`fondueboard sync` against the Traffy Exchange API. Credentials are never here: they come
    from TRAFFY_USER/TRAFFY_PASS or .streamlit/secrets.toml."""

    base_url: str = DEFAULT_EXCHANGE_API
    org_ids: tuple[int, ...] = ()  # empty: every agency get-org-list returns
    stale_hours: float = 24.0  # the app's freshness turns amber when the last sync is older
    timeout_s: float = 60.0  # per request
    retries: int = 4  # attempts after a timeout or a 5xx answer, with doubling pauses


def sync_config(path: Path | None = None) -> SyncConfig:
    """The [sync] section, checked; defaults for anything left out."""
    path = path or config_path()
    section = _read(path).get("sync", {})
    known = {f.name for f in fields(SyncConfig)}
    problems = [f"unknown setting [sync] {key}" for key in section if key not in known]
    values = {}
    base_url = section.get("base_url", SyncConfig.base_url)
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        problems.append(f"[sync] base_url must be an http(s) address, not {base_url!r}")
    else:
        values["base_url"] = base_url
    org_ids = section.get("org_ids", [])
    if not isinstance(org_ids, list) or any(isinstance(o, bool) or not isinstance(o, int) for o in org_ids):
        problems.append(f"[sync] org_ids must be a list of whole numbers, not {org_ids!r}")
    else:
        values["org_ids"] = tuple(org_ids)
    for key, low in (("stale_hours", 0.1), ("timeout_s", 1), ("retries", 0)):
        if key in section:
            value = _number("sync", key, section[key], getattr(SyncConfig, key), problems, low)
            if value is not None:
                values[key] = value
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    return SyncConfig(**values)
