"""The cache of the validated knowledge base: keyed by content, atomic, never stale."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA
from coopkb.storage import cache
from coopkb.storage import knowledge as store

SECRET = b"k" * 32


def _load(data: Path, cache_dir: Path) -> tuple[dict[str, object], bool]:
    kb, status = store.load_knowledge_base(
        store.DataLocation(data, "test"), store.CacheUse(cache_dir, SECRET)
    )
    return kb, status == "hit"


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("kb-*.json"))


def test_second_load_comes_from_the_cache(base_copy: Path, tmp_path: Path) -> None:
    first, hit1 = _load(base_copy, tmp_path / "c")
    second, hit2 = _load(base_copy, tmp_path / "c")
    assert (hit1, hit2) == (False, True)
    assert first == second


def test_an_edit_invalidates(base_copy: Path, tmp_path: Path) -> None:
    _load(base_copy, tmp_path / "c")
    coops = base_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text().replace("name: Co-Actions", "name: Co-Actions SCIC"))
    kb, hit = _load(base_copy, tmp_path / "c")
    assert not hit
    assert any(c["name"] == "Co-Actions SCIC" for c in kb["cooperatives"])  # type: ignore[attr-defined]


def test_an_invalid_edit_is_reported_not_served_from_cache(base_copy: Path, tmp_path: Path) -> None:
    from coopkb.problems import DataError

    _load(base_copy, tmp_path / "c")
    coops = base_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text().replace("region: Estrie", "region: Estri"))
    with pytest.raises(DataError):
        _load(base_copy, tmp_path / "c")
    assert len(_entries(tmp_path / "c")) == 1  # invalid data is never cached


def test_a_removed_file_invalidates(base_copy: Path, tmp_path: Path) -> None:
    from coopkb.problems import DataError

    _load(base_copy, tmp_path / "c")
    (base_copy / "missions.yaml").unlink()
    with pytest.raises(DataError):
        _load(base_copy, tmp_path / "c")


def test_an_added_file_changes_the_key(base_copy: Path) -> None:
    """A data file that appears (it was missing) gives other contents, so another key."""
    before = store.content_key(store.read_data_files(base_copy))
    (base_copy / "missions.yaml").unlink()
    missing = store.content_key(store.read_data_files(base_copy))
    (base_copy / "missions.yaml").write_text("missions: []\n")
    added = store.content_key(store.read_data_files(base_copy))
    assert len({before, missing, added}) == 3


def test_an_empty_file_and_a_missing_file_have_different_keys(base_copy: Path) -> None:
    (base_copy / "missions.yaml").write_bytes(b"")
    empty = store.content_key(store.read_data_files(base_copy))
    (base_copy / "missions.yaml").unlink()
    assert store.content_key(store.read_data_files(base_copy)) != empty


def test_a_new_version_invalidates(
    base_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load(base_copy, tmp_path / "c")
    monkeypatch.setattr(store, "__version__", "99.0.0")
    _, hit = _load(base_copy, tmp_path / "c")
    assert not hit


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"",
        lambda raw: b"not json at all",
        lambda raw: raw.replace(b'"La Brunante"', b'"La Brunantx"'),
        lambda raw: raw.split(b"\n", 1)[0] + b"\n[1, 2, 3]",
        lambda raw: b'{"format": 3, "key": "x", "segments": {}}\n',
        lambda raw: raw.replace(b'"segments":', b'"segments":{"base":[0,-1,"x"]},"x":', 1),
    ],
    ids=[
        "truncated",
        "empty",
        "garbage",
        "tampered-payload",
        "wrong-shape",
        "other-key",
        "bad-segment-table",
    ],
)
def test_a_corrupt_cache_file_is_a_miss_and_is_rewritten(
    damage: object, base_copy: Path, tmp_path: Path
) -> None:
    expected, _ = _load(base_copy, tmp_path / "c")
    [entry] = _entries(tmp_path / "c")
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    kb, hit = _load(base_copy, tmp_path / "c")
    assert not hit and kb == expected
    _, hit_again = _load(base_copy, tmp_path / "c")
    assert hit_again


def test_cache_is_json_not_pickle(base_copy: Path, tmp_path: Path) -> None:
    _load(base_copy, tmp_path / "c")
    [entry] = _entries(tmp_path / "c")
    header_line, payload = entry.read_bytes().split(b"\n", 1)
    header = json.loads(header_line)
    assert header["format"] == cache.FORMAT
    offset, length, _ = header["segments"]["cooperatives:Estrie"]
    segment = json.loads(payload[offset : offset + length])
    assert segment["records"][0]["slug"] == "la-brunante"


def test_a_region_load_decodes_only_that_region(base_copy: Path, tmp_path: Path) -> None:
    full, _ = _load(base_copy, tmp_path / "c")
    location = store.DataLocation(base_copy, "test")
    use = store.CacheUse(tmp_path / "c", SECRET)
    partial, status = store.load_knowledge_base(location, use, region="Estrie")
    assert status == "hit"
    assert [c["slug"] for c in partial["cooperatives"]] == ["la-brunante"]
    assert partial["members"] == full["members"]
    whole, status = store.load_knowledge_base(location, use)
    assert status == "hit" and whole == full  # the files' order is restored


def test_concurrent_writers_leave_one_complete_entry(base_copy: Path, tmp_path: Path) -> None:
    kb, _ = _load(base_copy, tmp_path / "seed")
    segments = store._split(kb)
    key = store.content_key(store.read_data_files(base_copy))
    assert key is not None
    target = tmp_path / "c"
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(20):
                cache.write(target, key, SECRET, segments)
                assert cache.read(target, key, SECRET) in (None, segments)
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=writer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert cache.read(target, key, SECRET) == segments
    assert not list(target.glob(".kb-*.tmp"))


def test_concurrent_processes_agree(base_copy: Path, tmp_path: Path) -> None:
    """Several real `coopkb` processes filling one cache at once all answer correctly."""
    import subprocess

    from conftest import run_coopkb

    env = {"COOPKB_CACHE_DIR": str(tmp_path / "shared-cache")}
    procs = [
        subprocess.Popen(
            [*_coopkb_cmd(), "--data-dir", str(base_copy), "list", "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**_environ(), **env},
        )
        for _ in range(6)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    assert len({out for out, _ in outputs}) == 1
    assert run_coopkb("--data-dir", str(base_copy), "list", env=env).returncode == 0


def test_unwritable_cache_directory_is_skipped(base_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    kb, hit = _load(base_copy, blocker / "cache")
    assert not hit and kb["cooperatives"]


def test_no_cache_option_bypasses_the_cache(base_copy: Path, tmp_path: Path) -> None:
    from conftest import Cli

    cli = Cli()
    cache_dir = tmp_path / "cache"  # the autouse fixture points COOPKB_CACHE_DIR here
    assert cli("--no-cache", "--data-dir", str(base_copy), "list").code == 0
    assert not _entries(cache_dir)
    assert cli("--data-dir", str(base_copy), "list").code == 0
    assert len(_entries(cache_dir)) == 1


def _coopkb_cmd() -> list[str]:
    import os
    import shutil
    import sys

    return [shutil.which("coopkb", path=os.path.dirname(sys.executable)) or "coopkb"]


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_benchmark_generator_writes_valid_data(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from generate import generate

    data = generate(300, tmp_path / "synthetic", base=DATA)
    kb, _ = _load(data, tmp_path / "c")
    slugs = [c["slug"] for c in kb["cooperatives"]]  # type: ignore[attr-defined]
    assert len(slugs) == len(set(slugs)) == 320


def test_the_key_is_created_owner_only_in_a_new_folder_and_reused(tmp_path: Path) -> None:
    key_file = tmp_path / "a" / "b" / "cache.key"
    first = cache.load_secret(key_file)
    assert first is not None and len(first) == 32
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert cache.load_secret(key_file) == first
    key_file.write_bytes(b"short")  # damaged: a new key, old entries become misses
    assert cache.load_secret(key_file) not in (None, first, b"short")


def test_a_cache_folder_is_created_with_its_parents(tmp_path: Path) -> None:
    target = tmp_path / "x" / "y" / "z"
    assert cache.write(target, "k" * 128, SECRET, {"base": [1]})
    assert cache.read(target, "k" * 128, SECRET) == {"base": [1]}


@pytest.mark.parametrize(
    "header",
    [
        [],
        {"format": 99, "key": "K", "segments": {}},
        {"format": cache.FORMAT, "key": "other", "segments": {}},
        {"format": cache.FORMAT, "key": "K", "segments": []},
        {"format": cache.FORMAT, "key": "K", "segments": {"base": [0, 2]}},
        {"format": cache.FORMAT, "key": "K", "segments": {"base": "0,2,x"}},
        {"format": cache.FORMAT, "key": "K", "segments": {"base": [0, -1, "x"]}},
        {"format": cache.FORMAT, "key": "K", "segments": {"base": [0, "2", "x"]}},
        {"format": cache.FORMAT, "key": "K", "segments": {"base": [0, 2, 3]}},
        {"format": cache.FORMAT, "key": "K", "segments": {"base": [0, 10**9, "x"]}},
    ],
    ids=[
        "list",
        "format",
        "key",
        "table",
        "short-row",
        "text-row",
        "negative",
        "text-length",
        "digest-type",
        "past-the-end",
    ],
)
def test_an_ill_formed_header_is_a_miss(header: object, tmp_path: Path) -> None:
    key = "K"
    assert cache.write(tmp_path, key, SECRET, {"base": [1]})
    entry = cache.entry_path(tmp_path, key)
    payload = entry.read_bytes().split(b"\n", 1)[1]
    entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    assert cache.read(tmp_path, key, SECRET) is None


def test_pruning_keeps_the_most_recently_used(tmp_path: Path) -> None:
    import os
    import time

    keys = [f"{i:0128x}" for i in range(9)]
    for index, key in enumerate(keys[:8]):
        cache.write(tmp_path, key, SECRET, {"base": [index]})
        os.utime(cache.entry_path(tmp_path, key), (time.time() - 100 + index,) * 2)
    assert cache.read(tmp_path, keys[0], SECRET) is not None  # used: now the most recent
    cache.write(tmp_path, keys[8], SECRET, {"base": [8]})
    left = {p.name for p in tmp_path.glob("kb-*.json")}
    assert cache.entry_path(tmp_path, keys[0]).name in left
    assert cache.entry_path(tmp_path, keys[1]).name not in left
    assert len(left) == 8


def _split(path: Path) -> tuple[dict[str, object], bytes]:
    raw = path.read_bytes()
    line, payload = raw.split(b"\n", 1)
    return json.loads(line), payload


def test_an_entry_copied_under_another_key_is_a_miss(tmp_path: Path) -> None:
    """Without the secret, renaming an entry and changing its "key" must not serve it."""
    old, new = "a" * 128, "b" * 128
    assert cache.write(tmp_path, old, SECRET, {"base": ["old description"]})
    header, payload = _split(cache.entry_path(tmp_path, old))
    header["key"] = new
    cache.entry_path(tmp_path, new).write_bytes(json.dumps(header).encode() + b"\n" + payload)
    assert cache.read(tmp_path, new, SECRET) is None
    assert cache.read(tmp_path, old, SECRET) == {"base": ["old description"]}


def _swap(segments: dict[str, object]) -> None:
    segments["Estrie"], segments["Montérégie"] = segments["Montérégie"], segments["Estrie"]


def _drop(segments: dict[str, object]) -> None:
    del segments["Estrie"]


@pytest.mark.parametrize("tamper", [_swap, _drop], ids=["swapped", "dropped"])
def test_segment_headers_changed_without_the_key_are_a_miss(
    tamper: Callable[[dict[str, object]], None], tmp_path: Path
) -> None:
    """Swapped segment headers made list --region Estrie answer nothing; a dropped one hid a
    region."""
    key = "c" * 128
    assert cache.write(tmp_path, key, SECRET, {"Estrie": [1, 2], "Montérégie": [3]})
    header, payload = _split(cache.entry_path(tmp_path, key))
    segments = header["segments"]
    assert isinstance(segments, dict)
    tamper(segments)
    cache.entry_path(tmp_path, key).write_bytes(json.dumps(header).encode() + b"\n" + payload)
    assert cache.read(tmp_path, key, SECRET) is None


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero"])
def test_an_entry_or_key_that_is_no_file_is_never_read(kind: str, tmp_path: Path) -> None:
    """A FIFO or a link to /dev/zero would hang the reader or feed it endless bytes."""
    import os

    key = "e" * 128
    entry, key_file = cache.entry_path(tmp_path, key), tmp_path / "cfg" / "cache.key"
    key_file.parent.mkdir()
    for path in (entry, key_file):
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero")
    assert cache.read(tmp_path, key, SECRET) is None
    assert cache.load_secret(key_file) is None


def test_a_key_others_can_read_is_replaced(tmp_path: Path) -> None:
    key_file = tmp_path / "cache.key"
    first = cache.load_secret(key_file)
    key_file.chmod(0o644)
    second = cache.load_secret(key_file)
    assert second is not None and second != first
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_a_derived_index_is_keyed_by_the_base_in_hand_not_a_second_read(
    base_copy: Path, tmp_path: Path
) -> None:
    """An edit between loading the base and building its index must not cache the index of the
    old content under the new content's key (search then missed the new words for good)."""
    use = store.CacheUse(tmp_path / "c", SECRET)
    loaded = store.load(store.DataLocation(base_copy, "test"), use)
    coops = base_copy / "cooperatives.yaml"
    coops.write_text(coops.read_text("utf-8").replace("La Brunante", "Zanzibarique"), "utf-8")
    built = store.load_derived(loaded.key, use, "search", lambda: ["old index"])
    assert built == ["old index"]
    edited = store.load(store.DataLocation(base_copy, "test"), use)
    assert edited.key != loaded.key
    fresh = store.load_derived(edited.key, use, "search", lambda: ["new index"])
    assert fresh == ["new index"]


def test_the_derived_key_follows_the_code_that_computes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    package = tmp_path / "coopkb"
    shutil.copytree(store._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(store, "_PACKAGE", package)
    before = store.derived_key("a" * 128, "search")
    words = package / "query" / "words.py"
    words.write_text(words.read_text("utf-8") + "\n# stem() changed\n", "utf-8")
    after = store.derived_key("a" * 128, "search")
    assert before is not None and after is not None and before != after
    assert store.derived_key("b" * 128, "search") != after


def test_the_search_index_follows_the_catalog_it_was_built_with() -> None:
    """Search indexes the fields' labels in the interface's language: an index is kept per
    catalog (language, size, date), never served to another language or a newer catalog."""
    from coopkb.i18n import catalog_version, in_language

    with in_language("fr"):
        french = catalog_version()
    with in_language("en"):
        english = catalog_version()
    assert french.startswith("fr-") and english == "en" and french != english
