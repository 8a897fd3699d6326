"""Child process of the benchmark: the landing page of the app at ROOT rendered through AppTest for
each week of a spec (cold: a new session each, after one render of a week none of them is), then
the first again (warm); prints the timings as JSON.

    python bench/render_overview.py ROOT DATABASE_URL SPEC.json

Standalone (it imports nothing of the benchmark) so that it can render another version of the
app, checked out elsewhere: the overview as it was before the Monday brief replaced it.
"""
import json
import logging
import os
import sys
import time


def main(root: str, url: str, spec_path: str) -> None:
    sys.path.insert(0, root)
    os.chdir(root)
    os.environ["DATABASE_URL"] = url
    logging.disable(logging.WARNING)  # AppTest's "missing ScriptRunContext" noise
    from streamlit.testing.v1 import AppTest

    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    cold, warm = [], []
    for i, (first, last) in enumerate([spec["prewarm"], *spec["weeks"]]):
        at = AppTest.from_file(os.path.join(root, "app.py"), default_timeout=600)
        at.query_params["from"], at.query_params["to"] = first, last
        started = time.perf_counter()
        at.run()
        if i:
            cold.append(time.perf_counter() - started)
        if at.exception:
            raise SystemExit(f"overview {first} – {last}: {at.exception[0].value}")
    for _ in range(spec["warm"]):
        started = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - started)
    print(json.dumps({"cold": cold, "warm": warm}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
