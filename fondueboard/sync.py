"""`fondueboard sync`: keep the database current from the Traffy Exchange API v2
(../shared/reference/traffy-data.md §2).

A run holds a lock, fetches everything first (per agency: its status list, then its complaints) and
only then loads all the records in one transaction, through the same upsert as file imports. So a
run that fails while fetching writes nothing but its failed log row, and one killed at any point
leaves the database as it was.
"""
from __future__ import annotations

import http.client
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urljoin
from urllib.request import Request, urlopen

import tomllib
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from fondueboard import locks
from fondueboard.config import PROJECT_ROOT, SyncConfig
from fondueboard.db import BANGKOK, SYNC_SOURCE_PREFIX, import_log
from fondueboard.importer.formats import EXCHANGE_API_V2, exchange_records
from fondueboard.importer.load import ImportResult, failed_import, load_records
from fondueboard.records import ExplainedError

ISSUES_CAP = 5_000  # the most records get-issues answers with duration=all
# `3days` selects tickets whose last_activity is in the last three days. Once the last successful
# sync started longer ago than this, the window could miss changes, so the run asks for `all`.
INCREMENTAL_MAX_GAP = timedelta(days=2.5)
TOKEN_MARGIN = timedelta(seconds=60)  # a token this close to its expiry is replaced before use
BACKOFF_S = 1.0  # the pause before the first retry; it doubles for each further one
# Where the account may be written, tried in order (relative paths: from the current folder).
SECRETS_FILES = (Path(".streamlit/secrets.toml"), PROJECT_ROOT / ".streamlit" / "secrets.toml")
_FAILED = ("fail", "failed", "error", "warning")  # documented: fail, warning


class SyncError(ExplainedError):
    """The run cannot go on; the message says why and never holds the password or the token."""


class SyncLocked(SyncError):
    """Another sync holds the lock; this run did nothing."""


class MissingCredentials(SyncError):
    """No usable Exchange API account."""


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)  # never printed, logged or put in a message


def load_credentials(secrets_path: Path | None = None, env=None) -> Credentials:
    """TRAFFY_USER / TRAFFY_PASS from the environment, else `user` / `pass` under [traffy] in
    .streamlit/secrets.toml (or `secrets_path`). Never from the repository's config file."""
    env = os.environ if env is None else env
    if env.get("TRAFFY_USER") and env.get("TRAFFY_PASS"):
        return Credentials(env["TRAFFY_USER"], env["TRAFFY_PASS"])
    for path in [secrets_path] if secrets_path else SECRETS_FILES:
        if not path.is_file():
            continue
        try:
            with path.open("rb") as fh:
                section = tomllib.load(fh).get("traffy")
        except (OSError, tomllib.TOMLDecodeError) as exc:  # their messages quote no values
            raise MissingCredentials(f"{path} cannot be read ({exc})") from None
        if isinstance(section, dict) and section.get("user") and section.get("pass"):
            return Credentials(str(section["user"]), str(section["pass"]))
    raise MissingCredentials("no Traffy Exchange API account: set TRAFFY_USER and TRAFFY_PASS, or user and "
                             "pass under [traffy] in .streamlit/secrets.toml")


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _api_message(error: HTTPError) -> str:
    """": the API's message" from an error answer's JSON body, if it has one."""
    try:
        message = json.loads(error.read()).get("message")
    except (OSError, ValueError, AttributeError):
        return ""
    return f": {message}" if message else ""


class ExchangeClient:
    """The Exchange API's calls: the token kept between them, timeouts and 5xx retried with
    doubling pauses, and every answer checked before it is used."""

    def __init__(self, base_url: str, credentials: Credentials, timeout_s: float = 60, retries: int = 4,
                 sleep: Callable[[float], None] = time.sleep):
        self.base_url = base_url.rstrip("/") + "/"
        self.credentials, self.timeout_s, self.retries, self.sleep = credentials, timeout_s, retries, sleep
        self.token: str | None = None
        self.secrets = {credentials.password}  # and every token: scrubbed from all messages
        self.token_expires: datetime | None = None  # None: used until the API refuses it
        self.credit_balance: int | None = None  # calls left this month, as last said; None = unlimited

    def get(self, endpoint: str, **query) -> dict:
        """A GET answer, checked; its `results` always a list."""
        doc = self._call(endpoint, query=query)
        if doc.setdefault("results", None) is None:
            doc["results"] = []
        elif not isinstance(doc["results"], list):
            raise self._error(f"malformed answer from {endpoint}: results is a {type(doc['results']).__name__}, "
                              "not a list")
        return doc

    def _error(self, message: str) -> SyncError:
        for secret in filter(None, self.secrets):
            message = message.replace(secret, "***")
        return SyncError(message)

    def _bearer(self) -> str:
        expiring = self.token_expires and datetime.now(timezone.utc) >= self.token_expires - TOKEN_MARGIN
        if self.token is None or expiring:
            self._authenticate()
        return self.token

    def _authenticate(self) -> None:
        self.token = None
        body = {"user": self.credentials.user, "pass": self.credentials.password}
        results = self._call("get-auth/v1", body=body).get("results")
        token = results.get("token") if isinstance(results, dict) else None
        if not token:
            raise self._error("get-auth/v1 answered without a token")
        self.token = str(token)
        self.secrets.add(self.token)
        try:  # expire_timestamp is naive Bangkok local time
            expires = datetime.fromisoformat(str(results.get("expire_timestamp")).strip())
            self.token_expires = expires if expires.tzinfo else expires.replace(tzinfo=BANGKOK)
        except ValueError:
            self.token_expires = None
        if "credit_balance" in results:  # said beside the token, if not at the top of the answer
            self.credit_balance = _number(results["credit_balance"])

    def _call(self, endpoint: str, query: dict | None = None, body: dict | None = None) -> dict:
        url = urljoin(self.base_url, endpoint) + (f"?{urlencode(query)}" if query else "")
        data = json.dumps(body).encode() if body is not None else None
        auth = body is None  # every call but get-auth (the only POST) carries the token
        refreshed = False
        attempt = 0
        while True:
            headers = {"Accept": "application/json", "User-Agent": "fondueboard-sync"}
            if data is not None:
                headers["Content-Type"] = "application/json"
            if auth:
                headers["Authorization"] = f"Bearer {self._bearer()}"
            try:
                with urlopen(Request(url, data=data, headers=headers), timeout=self.timeout_s) as answer:
                    raw = answer.read()
            except HTTPError as exc:
                if exc.code == 401 and auth and not refreshed:  # expired or revoked early: a new token, once
                    self.token, refreshed = None, True
                    continue
                if exc.code >= 500 and attempt < self.retries:
                    attempt = self._pause(attempt)
                    continue
                tries = f" ({attempt + 1} attempts)" if exc.code >= 500 else ""
                hint = " (check the Traffy account's user and password)" if exc.code == 401 and not auth else ""
                raise self._error(f"{endpoint}: HTTP {exc.code} {exc.reason}{_api_message(exc)}{tries}{hint}")
            except (OSError, http.client.HTTPException) as exc:  # timeouts, refused or dropped connections
                if attempt < self.retries:
                    attempt = self._pause(attempt)
                    continue
                reason = exc.reason if isinstance(exc, URLError) else exc
                if isinstance(reason, TimeoutError):
                    reason = f"no answer within {self.timeout_s:g} s"
                raise self._error(f"{endpoint}: no answer after {attempt + 1} attempts ({reason})") from None
            return self._checked(endpoint, raw)

    def _pause(self, attempt: int) -> int:
        self.sleep(BACKOFF_S * 2 ** attempt)
        return attempt + 1

    def _checked(self, endpoint: str, raw: bytes) -> dict:
        try:
            doc = json.loads(raw.decode("utf-8-sig"))
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
            raise self._error(f"malformed JSON from {endpoint}: {exc}") from None
        if not isinstance(doc, dict):
            raise self._error(f"malformed answer from {endpoint}: a JSON {type(doc).__name__}, not an object")
        status = str(doc.get("status") or "").strip().lower()
        if status in _FAILED:
            raise self._error(f"{endpoint} answered {status}: {doc.get('message') or 'no message given'}")
        if "credit_balance" in doc:
            self.credit_balance = _number(doc["credit_balance"])
        return doc


def agency_ids(client: ExchangeClient) -> list[int]:
    """The account's agencies from get-org-list/v1. Its answer is documented only as "master data";
    we read it like the other master-data lists: {"status": "success", "results": [{"org_id": 151,
    "org_name" (or "name"): ...}, ...]}. Only the ids are needed."""
    ids = [_number(org.get("org_id")) for org in client.get("get-org-list/v1")["results"] if isinstance(org, dict)]
    ids = list(dict.fromkeys(i for i in ids if i is not None))
    if not ids:
        raise SyncError("get-org-list/v1 named no agencies for this account")
    return ids


def status_types(entries: list) -> dict[str, str]:
    """{status: status_type} from a get-status-list/v2 answer (custom statuses included)."""
    return {str(e["status"]).strip(): str(e["status_type"]) for e in entries
            if isinstance(e, dict) and e.get("status") and e.get("status_type")}


def last_sync_start(engine: Engine) -> datetime | None:
    """When the last successful sync began fetching (its log row's started_at)."""
    with engine.connect() as conn:
        return conn.execute(select(func.max(import_log.c.started_at)).where(
            import_log.c.outcome == "ok", import_log.c.file_format == EXCHANGE_API_V2,
            import_log.c.source.startswith(SYNC_SOURCE_PREFIX))).scalar()


def choose_duration(engine: Engine, now: datetime, full: bool = False) -> tuple[str, str]:
    """`all` or `3days`, and why."""
    if full:
        return "all", "asked for with --full"
    last = last_sync_start(engine)
    if last is None:
        return "all", "first sync"
    hours = (now - last).total_seconds() / 3600
    if now - last > INCREMENTAL_MAX_GAP:
        return "all", f"the last successful sync started {hours:.0f} h ago, too long for 3days"
    return "3days", f"the last successful sync started {hours:.1f} h ago"


@contextmanager
def sync_lock(engine: Engine) -> Iterator[None]:
    """Hold the one sync lock of this database for the run, or raise SyncLocked at once."""
    try:
        with locks.sync_lock(engine):
            yield
    except locks.LockBusy:
        raise SyncLocked("another sync is running against this database; this one did nothing") from None


def run_sync(engine: Engine, cfg: SyncConfig, credentials: Credentials, org_ids: list[int] | None = None,
             full: bool = False, now: datetime | None = None,
             sleep: Callable[[float], None] = time.sleep, on_wait: Callable[[], None] | None = None) -> ImportResult:
    """One sync run: the changed complaints of the agencies (`org_ids`, else cfg.org_ids, else all
    get-org-list returns) applied atomically and logged. Raises SyncLocked when another sync holds
    the sync lock (nothing written) and ImportFailed when the run failed (logged, no ticket
    written). Applying waits for any import under way (`on_wait` is told)."""
    client = ExchangeClient(cfg.base_url, credentials, cfg.timeout_s, cfg.retries, sleep)
    source = SYNC_SOURCE_PREFIX + client.base_url
    with sync_lock(engine):
        started_at = datetime.now(timezone.utc)
        duration, why = choose_duration(engine, now or started_at, full)
        batches, warnings = [], []
        try:
            orgs = list(dict.fromkeys(org_ids or cfg.org_ids)) or agency_ids(client)
            for org in orgs:  # one agency per request, so no answer of `all` hides another's cap
                types = status_types(client.get("get-status-list/v2", org_id=org)["results"])
                doc = client.get("get-issues/v2", org_id=org, duration=duration)
                if duration == "all" and max(len(doc["results"]), _number(doc.get("count")) or 0) >= ISSUES_CAP:
                    warnings.append(f"agency {org}: the answer reached the {ISSUES_CAP:,}-record cap of "
                                    "duration=all, so older complaints may be missing")
                batches.append((doc["results"], types))
        except Exception as exc:  # whatever stopped the fetch is logged as the run's failure, then reported
            reason = exc if isinstance(exc, SyncError) else client._error(f"{type(exc).__name__}: {exc}")
            seconds = (datetime.now(timezone.utc) - started_at).total_seconds()
            failed = ImportResult(source, EXCHANGE_API_V2, credit_balance=client.credit_balance)
            raise failed_import(engine, source, reason, failed, started_at, seconds) from exc
        named = ", ".join(map(str, orgs[:10])) + (f", … ({len(orgs)} in all)" if len(orgs) > 10 else "")
        message = "; ".join([f"duration={duration} ({why}), agencies {named}", *warnings])
        return load_records(engine, _records(batches), source=source, file_format=EXCHANGE_API_V2, message=message,
                            credit_balance=client.credit_balance, started_at=started_at, on_wait=on_wait)


def _records(batches: list[tuple[list, dict[str, str]]]) -> Iterator:
    """Every agency's records in turn, numbered through the run (the line of a rejected one)."""
    first = 1
    for results, types in batches:
        yield from exchange_records(results, types, first)
        first += len(results)
