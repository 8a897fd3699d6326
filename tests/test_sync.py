"""`fondueboard sync` against a stand-in Traffy Exchange API on 127.0.0.1, on SQLite and PostgreSQL.

The stand-in answers in the shapes of traffy-data.md §2 and the real samples in
../shared/data/traffy/api_samples (one test checks the shapes against them when they are present),
and can be scripted per endpoint: an error status, a body, a delay, or an action such as expiring
every token. It records what it was asked.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select
from test_load import snapshot

from fondueboard import cli
from fondueboard import sync as sync_mod
from fondueboard.config import SyncConfig
from fondueboard.db import import_log, make_engine, rejected_rows, tickets
from fondueboard.importer import load as load_mod
from fondueboard.importer.formats import exchange_records
from fondueboard.importer.load import ImportFailed
from fondueboard.sync import (
    Credentials,
    MissingCredentials,
    SyncLocked,
    choose_duration,
    load_credentials,
    run_sync,
    sync_lock,
)

BKK = timezone(timedelta(hours=7))
USER, PASSWORD = "fonduebot", "s3cret-P4ss!word"
ROOT = Path(__file__).resolve().parent.parent

# --- the documented shapes -------------------------------------------------------------------


def issue(ticket_id: str, status: str = "รอรับเรื่อง", last_activity: str = "2026-09-01 10:00:00.000000",
          **changes) -> dict:
    """A get-issues/v2 record, fields in the documented order; times naive Bangkok."""
    record = {
        "ticket_id": ticket_id, "type": "ถนน", "organization": "เทศบาลเมืองพะเยา",
        "description": "ถนนเป็นหลุม", "photo": "https://storage.example/p.jpeg",
        "latitude": 19.1666, "longitude": 99.9019, "address": "ตำบลเวียง อำเภอเมืองพะเยา จังหวัดพะเยา",
        "subdistrict": "เวียง", "district": "เมืองพะเยา", "province": "พะเยา",
        "timestamp": "2026-08-20 22:25:37.433959", "photo_after": None, "timestamp_inprogress": None,
        "timestamp_finished": None, "org_finished": None, "status": status, "confirmed": False, "star": 0,
        "count_reopen": 0, "last_activity": last_activity,
    }
    record.update(changes)
    return record


def issues_answer(org: int, results: list, credit, count: int | None = None) -> dict:
    return {"status": "success", "message": "", "exec_time": "0.012s", "source": "stand-in",
            "credit_balance": credit, "org_id": [org], "count": len(results) if count is None else count,
            "results": results, "api_log_session_id": 1}


def status_entry(n: int, status: str, status_en: str, status_type: str) -> dict:
    return {"issue_status_id": n, "org_statuses_id": None, "status": status, "status_en": status_en,
            "status_type": status_type, "sort_order": n, "bg_color": "#FFA500", "text_color": "#FFFFFF",
            "border_color": "#FFA500", "is_active": True}


def status_answer(org: int, entries: list) -> dict:
    return {"status": "success", "org_id": org, "count": len(entries), "results": entries}


BASE_STATUSES = [status_entry(1, "รอรับเรื่อง", "Pending", "waiting"),
                 status_entry(2, "กำลังดำเนินการ", "In Progress", "inprogress"),
                 status_entry(3, "เสร็จสิ้น", "Finished", "finish")]
CUSTOM = "จัดทำนโยบาย"  # an agency's own status: no name rule knows it, its status_type does


# --- the stand-in server ---------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: object = None  # dict: JSON; str/bytes: as they are; a function of the Authorization header;
    # None (with 200): the usual answer
    delay: float = 0.0


@dataclass
class Seen:
    method: str
    path: str
    endpoint: str
    query: dict
    headers: dict


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.serve(self)

    do_POST = do_GET

    def log_message(self, *args):
        pass


class StandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.url = f"http://127.0.0.1:{self.server_port}/"
        self.orgs = {151: "เทศบาลเมืองพะเยา", 1302: "องค์การบริหารส่วนตำบลบ้านต๊ำ"}
        self.statuses = {151: BASE_STATUSES + [status_entry(4, CUSTOM, "Policy", "inprogress")],
                         1302: list(BASE_STATUSES)}
        self.issues = {151: [issue("2026-AAA001"), issue("2026-AAA002", CUSTOM),
                             issue("2026-AAA003", "เสร็จสิ้น", star=5, timestamp_finished="2026-08-30 09:00:00")],
                       1302: [issue("2026-BBB001", "กำลังดำเนินการ", organization="อบต.บ้านต๊ำ")]}
        self.counts: dict[int, int] = {}  # org -> a `count` to claim instead of the real one
        self.credit = 4200
        self.token_seconds = 3600
        self.tokens: set[str] = set()
        self.requests: list[Seen] = []
        self.queued: dict[str, deque] = defaultdict(deque)
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    def queue(self, endpoint: str, *items) -> None:
        """Answer the next requests to `endpoint` with these Replies, or run these actions first."""
        self.queued[endpoint].extend(items)

    def expire_tokens(self) -> None:
        self.tokens.clear()

    def calls(self, endpoint: str) -> list[Seen]:
        return [r for r in self.requests if r.endpoint == endpoint]

    def wait_for(self, endpoint: str, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while not self.calls(endpoint):
            assert time.monotonic() < deadline, f"no request to {endpoint}"
            time.sleep(0.02)

    def handle_error(self, request, client_address):
        pass  # a client that gave up waiting: nothing to report

    def serve(self, h: BaseHTTPRequestHandler) -> None:
        url = urlsplit(h.path)
        endpoint = "/".join(url.path.rstrip("/").split("/")[-2:])
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        with self.lock:
            self.requests.append(Seen(h.command, url.path, endpoint, query, dict(h.headers)))
            item = self.queued[endpoint].popleft() if self.queued[endpoint] else None
        if callable(item):
            item()
            item = None
        reply = item or Reply()
        self.stopping.wait(reply.delay)
        authorization = h.headers.get("Authorization", "")
        if reply.status == 200 and reply.body is None:
            reply = self.usual(endpoint, query, authorization, body)
        elif callable(reply.body):
            reply = Reply(reply.status, reply.body(authorization))
        data = reply.body if isinstance(reply.body, bytes) else (
            reply.body if isinstance(reply.body, str) else json.dumps(reply.body, ensure_ascii=False)).encode()
        h.send_response(reply.status)
        h.send_header("Content-Type", "application/json; charset=utf-8")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    def usual(self, endpoint: str, query: dict, authorization: str, body: bytes) -> Reply:
        if endpoint == "get-auth/v1":
            given = json.loads(body or b"{}")
            if (given.get("user"), given.get("pass")) != (USER, PASSWORD):
                return Reply(401, {"status": "fail", "message": "invalid user or password"})
            token = f"tkn-{uuid.uuid4().hex}"
            self.tokens.add(token)
            expires = datetime.now(BKK).replace(tzinfo=None) + timedelta(seconds=self.token_seconds)
            return Reply(body={"status": "success", "message": "", "credit_balance": self.credit,
                               "quota_limit": 10000,
                               "results": {"token": token, "expire_timestamp": expires.isoformat(sep=" ")}})
        if authorization.removeprefix("Bearer ") not in self.tokens:
            return Reply(401, {"status": "fail", "message": "token expired"})
        self.credit -= 1
        org = int(query.get("org_id", 0))
        if endpoint == "get-org-list/v1":
            orgs = [{"org_id": o, "org_name": name} for o, name in self.orgs.items()]
            return Reply(body={"status": "success", "message": "", "credit_balance": self.credit,
                               "count": len(orgs), "results": orgs})
        if endpoint == "get-status-list/v2":
            return Reply(body=status_answer(org, self.statuses[org]))
        if endpoint == "get-issues/v2":
            return Reply(body=issues_answer(org, self.issues[org], self.credit, self.counts.get(org)))
        return Reply(404, {"status": "fail", "message": f"no endpoint {endpoint}"})


@pytest.fixture
def api():
    server = StandIn()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.stopping.set()
    server.shutdown()
    server.server_close()


# --- helpers ---------------------------------------------------------------------------------

CREDS = Credentials(USER, PASSWORD)


class Sleeps(list):
    """An injected `sleep` that only remembers the pauses asked for."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def sync(engine, api, sleeps=None, *, timeout_s=5.0, retries=2, cfg_org_ids=(), **kw):
    cfg = SyncConfig(base_url=api.url, org_ids=tuple(cfg_org_ids), timeout_s=timeout_s, retries=retries)
    return run_sync(engine, cfg, CREDS, sleep=sleeps if sleeps is not None else Sleeps(), **kw)


def groups(engine) -> dict[str, tuple[str, str]]:
    with engine.connect() as c:
        return {r.id: (r.status, r.status_group) for r in c.execute(select(tickets))}


def log_rows(engine) -> list[dict]:
    with engine.connect() as c:
        return [dict(r) for r in c.execute(select(import_log).order_by(import_log.c.id)).mappings()]


def assert_failed_and_nothing_written(engine, before, *words):
    assert snapshot(engine) == before
    last = log_rows(engine)[-1]
    assert last["outcome"] == "failed" and last["file_format"] == "exchange_api_v2"
    assert last["source"].startswith("sync http://127.0.0.1:")
    for word in words:
        assert word in last["message"]


FIRST = {"2026-AAA001": ("รอรับเรื่อง", "waiting"), "2026-AAA002": (CUSTOM, "in_progress"),
         "2026-AAA003": ("เสร็จสิ้น", "finished"), "2026-BBB001": ("กำลังดำเนินการ", "in_progress")}


# --- the records ----------------------------------------------------------------------------


def test_status_types_come_from_the_status_list_unless_the_record_has_one():
    types = {CUSTOM: "inprogress", "รอรับเรื่อง": "waiting"}
    got = list(exchange_records([issue("A", CUSTOM), issue("B", "รอรับเรื่อง", status_type="finish"),
                                 issue("C", "ของใหม่")], types))
    assert [r.status_group for r in got] == ["in_progress", "finished", "other"]
    assert next(exchange_records([issue("A", CUSTOM)])).status_group == "other"  # no list: name rules only
    bad = list(exchange_records([issue(""), "x"], types, first_line=7))
    assert [(r.line, r.reason) for r in bad] == [(7, "no ticket id"), (8, "record is not a JSON object")]


# --- runs ------------------------------------------------------------------------------------


def test_first_run_fetches_every_agency_with_all_and_logs_the_run(engine, api):
    result = sync(engine, api)
    assert (result.inserted, result.rejected, result.outcome) == (4, 0, "ok")
    assert groups(engine) == FIRST  # the custom status is grouped by its status_type
    assert len(api.calls("get-org-list/v1")) == 1
    assert [(r.query["org_id"], r.query["duration"]) for r in api.calls("get-issues/v2")] == [
        ("151", "all"), ("1302", "all")]
    assert [r.query["org_id"] for r in api.calls("get-status-list/v2")] == ["151", "1302"]
    (row,) = log_rows(engine)
    assert row["source"] == f"sync {api.url}" and row["file_format"] == "exchange_api_v2"
    assert (row["outcome"], row["rows_read"], row["inserted"]) == ("ok", 4, 4)
    assert row["credit_balance"] == api.credit == 4200 - 5  # the last balance the API gave
    assert row["message"].startswith("duration=all (first sync), agencies 151, 1302")
    assert row["finished_at"] >= row["started_at"]
    auth = api.calls("get-auth/v1")
    assert len(auth) == 1 and auth[0].method == "POST"  # one token serves the whole run
    assert all(r.headers["Authorization"].startswith("Bearer tkn-") for r in api.requests if r not in auth)


def test_incremental_run_updates_a_changed_status(engine, api):
    sync(engine, api)
    api.issues[151][0] = issue("2026-AAA001", "เสร็จสิ้น", last_activity="2026-09-02 08:00:00")
    result = sync(engine, api)
    assert {r.query["duration"] for r in api.calls("get-issues/v2")[2:]} == {"3days"}
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 3)
    assert groups(engine)["2026-AAA001"] == ("เสร็จสิ้น", "finished")
    assert "duration=3days (the last successful sync started 0.0 h ago)" in log_rows(engine)[-1]["message"]


def test_the_same_answer_twice_changes_nothing(engine, api):
    sync(engine, api)
    before = snapshot(engine)[:3]
    result = sync(engine, api)
    assert (result.inserted, result.updated, result.unchanged) == (0, 0, 4)
    assert snapshot(engine)[:3] == before


def test_all_again_after_a_gap_3days_would_not_cover_or_when_asked(engine, api):
    sync(engine, api)
    now = datetime.now(timezone.utc)
    assert choose_duration(engine, now + timedelta(days=2))[0] == "3days"
    duration, why = choose_duration(engine, now + timedelta(days=3))
    assert duration == "all" and "too long for 3days" in why
    assert choose_duration(engine, now, full=True) == ("all", "asked for with --full")
    sync(engine, api, full=True)
    assert api.calls("get-issues/v2")[-1].query["duration"] == "all"


def test_malformed_records_are_set_aside_with_their_reason(engine, api):
    api.issues[1302] += [issue(None), issue("2026-BBB002", timestamp="yesterday-ish")]
    result = sync(engine, api)
    assert (result.inserted, result.rejected) == (4, 2)
    with engine.connect() as c:
        got = c.execute(select(rejected_rows.c.line, rejected_rows.c.reason, rejected_rows.c.raw)
                        .order_by(rejected_rows.c.line)).all()
    assert [(line, reason) for line, reason, _ in got] == [
        (5, "no ticket id"), (6, "unreadable time 'yesterday-ish' in timestamp")]
    assert json.loads(got[1].raw)["ticket_id"] == "2026-BBB002"


def test_a_token_is_reused_replaced_near_expiry_and_renewed_once_on_401(engine, api):
    sync(engine, api)
    assert len(api.calls("get-auth/v1")) == 1
    api.requests.clear()
    api.queue("get-issues/v2", api.expire_tokens)  # the API drops the token early
    sync(engine, api)
    auth, retried = api.calls("get-auth/v1"), api.calls("get-issues/v2")[1]
    assert len(auth) == 2 and len(api.calls("get-issues/v2")) == 3
    assert retried.headers["Authorization"] != api.calls("get-issues/v2")[0].headers["Authorization"]

    api.requests.clear()
    api.token_seconds = 30  # inside the 60 s margin: a new token before every call
    sync(engine, api)
    assert len(api.calls("get-auth/v1")) == len(api.requests) // 2 == 5

    api.requests.clear()
    api.token_seconds = 3600
    before = snapshot(engine)
    refused = Reply(401, {"status": "fail", "message": "token expired"})
    api.queue("get-issues/v2", refused, refused)
    with pytest.raises(ImportFailed, match="get-issues/v2: HTTP 401"):
        sync(engine, api)
    assert len(api.calls("get-auth/v1")) == 2  # one renewal, no loop
    assert_failed_and_nothing_written(engine, before, "token expired")


def test_5xx_is_retried_with_doubling_pauses_a_bounded_number_of_times(engine, api):
    sleeps = Sleeps()
    api.queue("get-issues/v2", Reply(500, "Internal Server Error"), Reply(502, "<html>bad gateway</html>"))
    assert sync(engine, api, sleeps, retries=2).inserted == 4
    assert sleeps == [1.0, 2.0]

    api.requests.clear()
    before = snapshot(engine)
    api.queue("get-status-list/v2", *[Reply(503, {"status": "fail", "message": "maintenance"})] * 4)
    sleeps = Sleeps()
    with pytest.raises(ImportFailed, match=r"get-status-list/v2: HTTP 503 .*maintenance \(4 attempts\)"):
        sync(engine, api, sleeps, retries=3)
    assert sleeps == [1.0, 2.0, 4.0] and len(api.calls("get-status-list/v2")) == 4
    assert_failed_and_nothing_written(engine, before, "HTTP 503")

    api.queue("get-issues/v2", Reply(404, {"status": "fail", "message": "no such org"}))
    sleeps = Sleeps()
    with pytest.raises(ImportFailed, match="get-issues/v2: HTTP 404 Not Found: no such org$"):
        sync(engine, api, sleeps)
    assert sleeps == []  # a 4xx is not retried


def test_a_timeout_is_retried(engine, api):
    sleeps = Sleeps()
    api.queue("get-issues/v2", Reply(delay=1.5))
    started = time.monotonic()
    assert sync(engine, api, sleeps, timeout_s=0.5).inserted == 4
    assert sleeps == [1.0] and time.monotonic() - started < 5

    api.queue("get-org-list/v1", *[Reply(delay=1.5)] * 2)
    with pytest.raises(ImportFailed, match=r"get-org-list/v1: no answer after 2 attempts \(no answer within 0.5 s\)"):
        sync(engine, api, timeout_s=0.5, retries=1)


@pytest.mark.parametrize("status", ["fail", "warning"])
def test_a_fail_or_warning_answer_stops_the_run_with_its_message(engine, api, status):
    before = snapshot(engine)
    api.queue("get-issues/v2", None, Reply(200, {"status": status, "message": "org_id 1302 is not yours"}))
    with pytest.raises(ImportFailed, match=f"get-issues/v2 answered {status}: org_id 1302 is not yours"):
        sync(engine, api)
    assert len(api.calls("get-issues/v2")) == 2  # the first agency's answer came, and is not written
    assert_failed_and_nothing_written(engine, before, "org_id 1302 is not yours")


def test_malformed_json_stops_the_run(engine, api):
    before = snapshot(engine)
    api.queue("get-issues/v2", Reply(200, '{"status": "success", "results": [{"ticket_id": '))
    with pytest.raises(ImportFailed, match="malformed JSON from get-issues/v2: "):
        sync(engine, api)
    assert_failed_and_nothing_written(engine, before, "malformed JSON")
    api.queue("get-issues/v2", Reply(200, {"status": "success", "results": {"ticket_id": "x"}}))
    with pytest.raises(ImportFailed, match="malformed answer from get-issues/v2: results is a dict, not a list"):
        sync(engine, api)


def test_org_ids_narrow_the_requests_and_the_base_url_is_used(engine, api):
    api.url += "exchange-api"  # a path below the host, given without its trailing slash
    sync(engine, api, org_ids=[1302])
    assert not api.calls("get-org-list/v1")
    assert {r.query["org_id"] for r in api.requests if "org_id" in r.query} == {"1302"}
    assert all(r.path.startswith("/exchange-api/") for r in api.requests)
    assert set(groups(engine)) == {"2026-BBB001"}
    api.requests.clear()
    sync(engine, api, cfg_org_ids=[151])  # [sync] org_ids in fondueboard.toml
    assert {r.query["org_id"] for r in api.requests if "org_id" in r.query} == {"151"}


def test_a_concurrent_second_run_fails_fast_and_the_first_completes(engine, api):
    api.queue("get-issues/v2", Reply(delay=1.5))
    first: dict = {}
    thread = threading.Thread(target=lambda: first.update(result=sync(engine, api)))
    thread.start()
    api.wait_for("get-issues/v2")
    started = time.monotonic()
    with pytest.raises(SyncLocked, match="another sync is running"):
        sync(engine, api)
    assert time.monotonic() - started < 1
    thread.join(10)
    assert first["result"].inserted == 4 and len(log_rows(engine)) == 1  # the refused run wrote nothing
    assert sync(engine, api).unchanged == 4  # and the lock is free again


def test_a_failure_while_loading_leaves_the_database_as_before(engine, api, monkeypatch):
    sync(engine, api)
    before = snapshot(engine)
    api.issues[151] = [issue("2026-AAA001", "เสร็จสิ้น", last_activity="2026-09-02 08:00:00"), issue("2026-AAA009")]

    def failing_write(self, *rows):
        raise RuntimeError("disk full, simulated")

    monkeypatch.setattr(load_mod._Stager, "write", failing_write)
    with pytest.raises(ImportFailed, match="disk full, simulated"):
        sync(engine, api)
    assert_failed_and_nothing_written(engine, before, "disk full")


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_killed_sync_writes_nothing_and_does_not_keep_the_lock(kind, request, tmp_path_factory, api, tmp_path):
    from conftest import new_database_url

    url = new_database_url(kind, request, tmp_path_factory)
    api.queue("get-issues/v2", None, Reply(delay=30))
    env = {**os.environ, "TRAFFY_USER": USER, "TRAFFY_PASS": PASSWORD, "FONDUEBOARD_CONFIG": str(config(tmp_path))}
    proc = subprocess.Popen([sys.executable, "-m", "fondueboard.cli", "sync", "--database-url", url,
                             "--base-url", api.url], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(api.calls("get-issues/v2")) < 2:
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    engine = make_engine(url)
    try:
        assert groups(engine) == {} and log_rows(engine) == []
        assert sync(engine, api).inserted == 4  # the dead run's lock went with it
    finally:
        engine.dispose()


# --- credentials -----------------------------------------------------------------------------


def test_credentials_from_the_environment_then_secrets_toml(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[traffy]\nuser = "from-file"\npass = "file-pass"\n')
    env = {"TRAFFY_USER": "from-env", "TRAFFY_PASS": "env-pass"}
    assert load_credentials(secrets, env) == Credentials("from-env", "env-pass")
    assert load_credentials(secrets, {"TRAFFY_USER": "only-user"}) == Credentials("from-file", "file-pass")
    assert "file-pass" not in repr(load_credentials(secrets, {}))
    secrets.write_text('[traffy]\nuser = "from-file"\n')
    with pytest.raises(MissingCredentials, match="set TRAFFY_USER and TRAFFY_PASS"):
        load_credentials(secrets, {})


# --- the command line ------------------------------------------------------------------------


def config(tmp_path: Path) -> Path:
    path = tmp_path / "fondueboard.toml"
    path.write_text("[sync]\ntimeout_s = 5\nretries = 1\n")
    return path


@pytest.fixture
def run_cli(monkeypatch, tmp_path, capsys):
    """main([...]) with the account in the environment, a small [sync] config and no secrets file."""
    monkeypatch.setenv("TRAFFY_USER", USER)
    monkeypatch.setenv("TRAFFY_PASS", PASSWORD)
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(config(tmp_path)))
    monkeypatch.setattr(sync_mod, "SECRETS_FILES", ())
    monkeypatch.setattr(sync_mod, "BACKOFF_S", 0.01)

    def run(*args):
        code = cli.main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_cli_first_run_reports_counts_credit_and_the_cap(db_url, api, run_cli):
    api.counts[151] = 5000  # the answer claims the cap of duration=all was reached
    code, out, err = run_cli("--database-url", db_url, "sync", "--base-url", api.url)
    assert code == 0, err
    assert f"sync {api.url} [exchange_api_v2]: read 4 · inserted 4" in out
    cap = "agency 151: the answer reached the 5,000-record cap of duration=all, so older complaints may be missing"
    assert cap in out and "Exchange API calls left this month: 4,195" in out
    engine = make_engine(db_url)
    assert cap in log_rows(engine)[-1]["message"] and "agency 1302" not in log_rows(engine)[-1]["message"]
    engine.dispose()
    code, out, _ = run_cli("sync", "--base-url", api.url, "--org-id", "151,1302", "--org-id", "1302",
                           "--database-url", db_url)
    assert code == 0 and "duration=3days" in out and "unchanged 4" in out


def test_cli_exit_codes(db_url, api, run_cli, monkeypatch, tmp_path):
    base = ("--database-url", db_url, "sync", "--base-url", api.url)
    api.queue("get-org-list/v1", Reply(200, {"status": "fail", "message": "quota exceeded"}))
    code, out, err = run_cli(*base)
    assert (code, out) == (1, "")
    assert err.startswith("error: sync failed, nothing written. get-org-list/v1 answered fail: quota exceeded")

    api.queue("get-issues/v2", Reply(500), Reply(500))  # [sync] retries = 1: two attempts
    assert run_cli(*base)[0] == 1

    engine = make_engine(db_url)
    with sync_lock(engine):
        code, _, err = run_cli(*base)
    engine.dispose()
    assert code == cli.SYNC_LOCKED == 3 and err.startswith("error: another sync is running")

    with pytest.raises(SystemExit) as exited:
        run_cli(*base, "--org-id", "151,abc")
    assert exited.value.code == 2
    assert run_cli("--database-url", db_url, "sync", "--base-url", "ftp://x")[0] == 2

    monkeypatch.delenv("TRAFFY_PASS")
    code, _, err = run_cli(*base)
    assert code == 2 and "error: no Traffy Exchange API account" in err

    monkeypatch.chdir(tmp_path)  # .streamlit/secrets.toml in the current folder
    monkeypatch.setattr(sync_mod, "SECRETS_FILES", (Path(".streamlit/secrets.toml"),))
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(f'[traffy]\nuser = "{USER}"\npass = "{PASSWORD}"\n')
    assert run_cli(*base)[0] == 0


def test_the_password_and_token_never_show(db_url, api, run_cli):
    base = ("--database-url", db_url, "sync", "--base-url", api.url)
    shown = [run_cli(*base)]
    api.queue("get-auth/v1", Reply(401, {"status": "fail", "message": f"wrong pass {PASSWORD} for {USER}"}))
    shown.append(run_cli(*base))
    echo = Reply(200, lambda authorization: {"status": "fail", "message": f"bad token {authorization[7:]}"})
    api.queue("get-issues/v2", None, echo)
    shown.append(run_cli(*base))
    assert [code for code, _, _ in shown] == [0, 1, 1]
    assert "wrong pass *** for fonduebot" in shown[1][2] and "bad token ***" in shown[2][2]
    engine = make_engine(db_url)
    with engine.connect() as c:
        stored = [str(tuple(r)) for t in (import_log, rejected_rows) for r in c.execute(select(t))]
    engine.dispose()
    assert "wrong pass ***" in " ".join(stored)
    everything = " ".join(stored + [out + err for _, out, err in shown])
    assert PASSWORD not in everything
    assert not any(token in everything for token in api.tokens) and "tkn-" not in everything


# --- the stand-in speaks like the real API ---------------------------------------------------


def test_stand_in_shapes_match_the_real_samples(traffy_dir):
    samples = traffy_dir / "api_samples"

    def load(name):
        return json.loads((samples / name).read_text(encoding="utf-8"))

    real = load("exchange_api_get_issues_v2_example.json")
    ours = issues_answer(151, [issue("X")], None)
    assert list(ours) == list(real) and list(ours["results"][0]) == list(real["results"][0])
    real = load("exchange_api_get_status_list_v2_example.json")
    ours = status_answer(123, BASE_STATUSES)
    assert list(ours) == list(real) and list(ours["results"][0]) == list(real["results"][0])
    # get-issue v1's record is get-issues' with per-agency orgs[] and timeline[] and no status fields.
    one = load("exchange_api_get_issue_v1_example.json")["results"]
    assert set(one) - {"orgs", "timeline", "status_type"} < set(issue("X"))
    assert next(exchange_records([one])).status_group == "in_progress"
