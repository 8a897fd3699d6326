"""Fixtures shared by the whole suite: real sample data and the two databases."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def need(condition: bool, reason: str) -> None:
    """Skip with `reason` on a developer's clone; under CI a missing prerequisite is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (real Traffy samples and boundaries). Never copied into the project."""
    need(SHARED_DATA.is_dir(), f"real sample data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def traffy_dir(shared_data: Path) -> Path:
    return shared_data / "traffy"


# --- databases ------------------------------------------------------------------------------
# Every query test runs twice: on an SQLite file and on a real PostgreSQL server that the suite
# starts itself in a throwaway cluster (as an unprivileged user: PostgreSQL refuses root).

import itertools

from fondueboard.pgcluster import create_database, server_bindir, throwaway_cluster


@pytest.fixture(scope="session")
def pg_server():
    """URL of a fresh PostgreSQL cluster's maintenance database, stopped at the end."""
    need(server_bindir() is not None, "PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql")
    with throwaway_cluster() as url:
        yield url


_db_counter = itertools.count()


def new_pg_database(pg_server: str) -> str:
    return create_database(pg_server, f"fb_test_{os.getpid()}_{next(_db_counter)}")


def new_database_url(kind: str, request, tmp_path_factory) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite')}/fondueboard.sqlite"
    return new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory) -> str:
    """A fresh, empty database of each kind, with the schema created."""
    from fondueboard.db import ensure_schema, make_engine

    url = new_database_url(request.param, request, tmp_path_factory)
    engine = make_engine(url)
    ensure_schema(engine)
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url):
    from fondueboard.db import make_engine

    eng = make_engine(db_url)
    yield eng
    eng.dispose()


# --- loaded datasets, built once per session and shared by the tests that read them ----------

BANGKOK_SAMPLE = "traffy_api_2022_bkk.csv.gz"


def built_once(request, tmp_path_factory, load):
    """kind -> URL of a database of that kind, built by `load(engine)` the first time it is asked for."""
    built: dict[str, str] = {}

    def get(kind: str) -> str:
        if kind not in built:
            from fondueboard.db import make_engine

            url = new_database_url(kind, request, tmp_path_factory)
            engine = make_engine(url)
            load(engine)
            engine.dispose()
            built[kind] = url
        return built[kind]

    return get


@pytest.fixture(scope="session")
def bangkok_db(request, tmp_path_factory):
    """bangkok_db(kind) -> URL of a database of that kind holding the real 145k Bangkok sample."""
    from fondueboard.cli import import_file

    return built_once(request, tmp_path_factory,
                       lambda engine: import_file(engine, request.getfixturevalue("traffy_dir") / BANGKOK_SAMPLE))


@pytest.fixture(scope="session")
def demo_db(request, tmp_path_factory):
    """demo_db(kind) -> URL of a database of that kind holding the demo province up to 2026-11-20."""
    from datetime import date

    from fondueboard.seed import load_demo

    return built_once(request, tmp_path_factory, lambda engine: load_demo(engine, date(2026, 11, 20)))
