"""The Dask engine on a real `distributed.LocalCluster` of two single-threaded worker processes: the same
records as `--jobs 1` (byte-identical JSONL), error records for bad inputs, one pipeline per worker, and a
worker killed mid-run losing and duplicating nothing.

One cluster serves the module; CLI runs reach it with --scheduler. Most runs are rules-only to stay fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nerlibya.engines.local import run_batch
from nerlibya.settings import ExtractorSettings
from nerlibya.cli import app
from nerlibya.sources.files import iter_inputs
from nerlibya.sources.items import ReadOptions
from nerlibya.sinks.jsonl import iter_jsonl

distributed = pytest.importorskip("distributed") if not os.environ.get("CI") else __import__("distributed")
import dask.bag as db  # noqa: E402

from nerlibya.engines import dask as nd, dask_bag  # noqa: E402
from nerlibya.sources.items import FailedInput, TextInput  # noqa: E402
from nerlibya.sources.urls import iter_items  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RULES = ExtractorSettings(rules_only=True)
GOOD = ["Khalifa Haftar met Abdul Hamid Dbeibah in Tripoli on {n}. The National Oil Corporation said exports resumed.",
        "Le maréchal Khalifa Haftar a rencontré Emmanuel Macron à Paris le {n} mars.",
        "UN envoy Hanna Tetteh told the Security Council in New York that talks in Geneva ({n}) would go on."]


@pytest.fixture(scope="module")
def client():
    """Two worker processes that import nerlibya from this checkout (not another installed copy)."""
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), previous]))
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address="127.0.0.1:0", silence_logs=40) as cluster:
            with distributed.Client(cluster) as client:
                yield client
    finally:
        if previous is None:
            os.environ.pop("PYTHONPATH")
        else:
            os.environ["PYTHONPATH"] = previous


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Good articles in a folder and a subfolder, and one of each kind of bad file."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "sub").mkdir()
    for n in range(14):
        target = folder / ("sub" if n % 4 == 0 else ".") / f"doc_{n:02d}.txt"
        target.write_text(GOOD[n % 3].format(n=n + 1), encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Réunion à Tripoli avec le ministre.".encode("latin-1"))
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "big.txt").write_text("Tripoli. " * 2000, encoding="utf-8")
    (folder / "crlf_bom.txt").write_bytes(b"\xef\xbb\xbfHanna Tetteh arrived in Benghazi.\r\nShe met Aguila Saleh.\r\n")
    return folder


def jobs1_jsonl(paths: list[str], options: ReadOptions = ReadOptions(), settings=RULES) -> str:
    return "".join(iter_jsonl(run_batch(iter_inputs(paths, options), settings, jobs=1)))


def dask_jsonl(client, paths: list[str], options: ReadOptions = ReadOptions(), settings=RULES,
               partition_size: int = 3) -> str:
    records = nd.stream_records(client, iter_items(paths, options), settings, options, partition_size)
    return "".join(iter_jsonl(records))


def test_records_and_error_records_are_those_of_jobs_1(client, corpus):
    paths = [str(corpus), str(corpus / "missing.txt")]
    options = ReadOptions(max_bytes=10_000)
    expected = jobs1_jsonl(paths, options)
    kinds = [json.loads(line).get("error", {}).get("kind") for line in expected.splitlines()]
    assert {"decode", "empty", "binary", "too-large", "missing"} <= set(kinds) and kinds.count(None) == 15
    assert dask_jsonl(client, paths, options) == expected
    bag = dask_bag.extract_bag(paths, RULES, options, partition_size=4)
    assert bag.npartitions == 5  # 20 inputs, 4 a partition
    assert "".join(iter_jsonl(bag.compute(scheduler=client.get))) == expected


def test_jsonl_input_and_bags_of_texts(client, tmp_path):
    lines = [json.dumps({"id": f"a{n}", "text": GOOD[n % 3].format(n=n)}) for n in range(7)]
    lines[3] = '{"id": "broken", "text": '
    lines[5] = json.dumps({"id": "blank", "text": "   "})
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = ReadOptions(input_format="jsonl")
    expected = jobs1_jsonl([str(tmp_path / "news.jsonl")], options)
    assert dask_jsonl(client, [str(tmp_path / "news.jsonl")], options) == expected
    good = [json.loads(line) for n, line in enumerate(lines) if n != 3]
    wanted = [r for r in map(json.loads, expected.splitlines()) if r["source"] != f"{tmp_path / 'news.jsonl'}:4"]
    for elements in (good, [(r["id"], r["text"]) for r in good], [json.dumps(r) for r in good]):
        bag = dask_bag.extract_bag(db.from_sequence(elements, npartitions=3), RULES)
        assert bag.compute(scheduler=client.get) == wanted


def test_fsspec_urls_and_globs_read_the_same_files(client, corpus):
    local = map(json.loads, jobs1_jsonl([str(corpus / "sub")]).splitlines())
    expected = [dict(r, source=Path(r["source"]).name) for r in local]
    for source in (f"file://{corpus}/sub", f"file://{corpus}/sub/*.txt", f"{corpus}/sub/doc_*.txt"):
        records = list(nd.stream_records(client, iter_items([source]), RULES, ReadOptions(), 2))
        assert [dict(r, source=r["source"].rsplit("/", 1)[-1]) for r in records] == expected, source
    missing = list(iter_items([f"file://{corpus}/nothing/*.txt", f"{corpus}/nothing*.txt"]))
    assert [item.kind for item in missing] == ["missing", "missing"]


def test_each_worker_builds_its_pipelines_once(client, corpus):
    def pipelines() -> dict:
        return {str(settings): {lang: id(nlp) for lang, nlp in extractor._pipelines.items()}
                for settings, extractor in nd._extractors.items()}

    dask_jsonl(client, [str(corpus)], partition_size=2)
    before = client.run(pipelines)
    dask_jsonl(client, [str(corpus)], partition_size=2)
    assert client.run(pipelines) == before
    assert all(len(per_settings) <= 1 for per_settings in before.values())


class KillOnce(distributed.WorkerPlugin):
    """Kills the worker process when it starts its second task, once in the whole cluster (a marker file)."""

    def __init__(self, marker: str):
        self.marker, self.started = marker, 0

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing":
            self.started += 1
            if self.started == 2 and not os.path.exists(self.marker):
                Path(self.marker).touch()
                os._exit(1)


@pytest.fixture()
def kill_one_worker(client, tmp_path):
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce(str(marker)), name="kill-once")
    yield marker
    client.unregister_worker_plugin("kill-once")


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(client, corpus, kill_one_worker):
    expected = jobs1_jsonl([str(corpus)])
    assert dask_jsonl(client, [str(corpus)], partition_size=2) == expected
    assert kill_one_worker.exists()


class KillWhileArmed(distributed.WorkerPlugin):
    """Kills every worker that starts a task while the marker file exists."""

    def __init__(self, marker: str):
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and os.path.exists(self.marker):
            os._exit(1)


def test_a_partition_that_kills_its_workers_becomes_error_records(client, tmp_path):
    marker = tmp_path / "armed"
    marker.touch()
    scheduler = client.cluster.scheduler
    allowed, scheduler.allowed_failures = scheduler.allowed_failures, 0  # give up at the first death
    client.register_plugin(KillWhileArmed(str(marker)), name="kill-while-armed")
    try:
        items = [TextInput("a", GOOD[0].format(n=1)), FailedInput("b", "empty", "empty file (no text)")]
        records = list(nd.stream_records(client, items, RULES, ReadOptions()))
    finally:
        marker.unlink()
        client.unregister_worker_plugin("kill-while-armed")
        scheduler.allowed_failures = allowed
    assert [(r["source"], r["error"]["kind"]) for r in records] == [("a", "internal"), ("b", "empty")]
    assert records[0]["error"]["message"].startswith(nd.LOST)
    client.wait_for_workers(2, timeout=60)


def test_partition_files_after_a_killed_worker_hold_each_document_once(client, corpus, kill_one_worker, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    items = iter_items([str(corpus)])
    summaries = list(nd.stream_partition_writes(client, items, RULES, ReadOptions(), str(out), "jsonl", 2))
    assert kill_one_worker.exists()
    parts = sorted(out.iterdir())  # hidden temporary files included: none may be left
    assert [p.name for p in parts] == [f"part-{n:06d}.jsonl" for n in range(len(summaries))] and len(parts) == 10
    assert "".join(p.read_text(encoding="utf-8") for p in parts) == jobs1_jsonl([str(corpus)])


def test_cli_writes_one_file_per_partition_into_a_folder(client, corpus, tmp_path):
    args = ["extract", str(corpus), "--engine", "dask", "--scheduler", client.scheduler.address, "--rules-only",
            "-f", "jsonl", "-o", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1  # the bad files in the corpus
    parts = sorted(tmp_path.iterdir())
    assert [p.name for p in parts] == ["part-000000.jsonl", "part-000001.jsonl"]  # 19 files, 16 a partition
    assert "".join(p.read_text(encoding="utf-8") for p in parts) == jobs1_jsonl([str(corpus)])
    assert "empty file (no text) [empty]" in result.output
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 2 and "already holds part-* files" in again.output


def test_partitions_in_order_with_csv(client, tmp_path):
    items = [TextInput(f"t{n}", GOOD[n % 3].format(n=n)) for n in range(5)]
    summaries = list(nd.stream_partition_writes(client, items, RULES, ReadOptions(), str(tmp_path), "csv", 2))
    assert [s["documents"] for s in summaries] == [2, 2, 1]
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["part-000000.csv", "part-000001.csv", "part-000002.csv"]
    assert all((tmp_path / name).read_text().startswith("source,label") for name in names)


def test_write_bag_writes_one_file_per_partition(client, corpus, tmp_path):
    records = dask_bag.extract_bag([str(corpus)], RULES, partition_size=8)
    summaries = client.compute(dask_bag.write_bag(records, str(tmp_path)), sync=True)
    assert [s["documents"] for s in summaries] == [8, 8, 3]  # 19 files
    parts = sorted(tmp_path.iterdir())
    assert "".join(p.read_text(encoding="utf-8") for p in parts) == jobs1_jsonl([str(corpus)])


def test_cli_stream_is_the_jobs_1_stream_in_every_format(client, corpus):
    for output_format in ("jsonl", "csv", "json"):
        args = ["extract", str(corpus), "--rules-only", "-f", output_format]
        local = CliRunner().invoke(app, [*args, "--jobs", "1"])
        remote = CliRunner().invoke(app, [*args, "--engine", "dask", "--scheduler", client.scheduler.address])
        assert remote.exit_code == local.exit_code == 1
        assert remote.stdout == local.stdout
    args = ["extract", "-", "--rules-only", "-f", "jsonl"]
    local = CliRunner().invoke(app, [*args, "--jobs", "1"], input=GOOD[1])
    remote = CliRunner().invoke(app, [*args, "--engine", "dask", "--scheduler", client.scheduler.address],
                                input=GOOD[1])
    assert remote.exit_code == local.exit_code == 0
    assert remote.stdout == local.stdout and '"source": "-"' in remote.stdout


def _database_rows(db: Path) -> list[tuple]:
    """Every row of every table, the run's own time stamp left out."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE documents SET processed_at = ''")
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                         "ORDER BY name")]
        return [(table, *row) for table in tables for row in connection.execute(f"SELECT * FROM {table}")]


def _folder_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_html_and_sqlite_on_dask_are_those_of_jobs_1(client, corpus, tmp_path):
    """The text travels back from the workers with its record: a report folder, one page and a corpus database
    are byte for byte (rows for the database) what --jobs 1 writes."""
    dask = ["--engine", "dask", "--scheduler", client.scheduler.address]
    outputs = {}
    for name, engine in (("local", ["--jobs", "1"]), ("dask", dask)):
        base = ["extract", str(corpus), "--rules-only", *engine]
        report = CliRunner().invoke(app, [*base, "-f", "html", "-o", str(tmp_path / f"{name}-report")])
        database = CliRunner().invoke(app, [*base, "-f", "sqlite", "-o", str(tmp_path / f"{name}.db")])
        page = CliRunner().invoke(app, ["extract", str(corpus / "doc_01.txt"), "--rules-only", *engine, "-f", "html"])
        assert (report.exit_code, database.exit_code, page.exit_code) == (1, 1, 0), report.output + database.output
        outputs[name] = (_folder_files(tmp_path / f"{name}-report"), _database_rows(tmp_path / f"{name}.db"),
                         page.stdout)
    assert outputs["dask"] == outputs["local"]
    pages, rows, page = outputs["dask"]
    assert len(pages) > 10 and any(row[0] == "mentions" for row in rows) and "Haftar" in page


def test_cli_usage_and_setup_errors(client, tmp_path):
    result = CliRunner().invoke(app, ["extract", str(SAMPLES), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and "need --engine dask" in result.output
    result = CliRunner().invoke(app, ["extract", str(SAMPLES), "--engine", "dask", "--rules-only", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "one file per partition needs --format" in result.output
    result = CliRunner().invoke(app, ["extract", str(SAMPLES), "--engine", "dask", "--rules-only", "--scheduler",
                                      client.scheduler.address, "--kb", str(tmp_path)])
    assert result.exit_code == 3


def test_dask_missing_is_one_clear_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(nd.DaskMissingError, match=r"install nerlibya\[dask\]"):
        nd.require_dask()


@pytest.mark.model
def test_samples_with_the_model_on_a_local_cluster_match_jobs_1(extractor):
    """`nerlibya extract samples/ --engine dask` as a user types it: its own local cluster of two processes."""
    expected = "".join(iter_jsonl(run_batch(iter_inputs([str(SAMPLES)]), ExtractorSettings(), jobs=1,
                                            extractor=extractor)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    result = subprocess.run([sys.executable, "-m", "nerlibya", "extract", str(SAMPLES), "--engine", "dask",
                             "--dask-workers", "2", "-f", "jsonl"], capture_output=True, text=True, env=env,
                            timeout=300)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == expected
