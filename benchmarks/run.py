"""coopkb's speed targets, each measured side by side with its baseline in one run.

Every target runs its command and its baseline alternately (so machine noise hits both alike),
as real processes, and compares medians:

1. `coopkb show la-brunante` and `coopkb list --region Estrie` on the shipped data
   <= 1.0 x `python -c "import typer, rich.table, pydantic, yaml"`.
2. With 10,000 cooperatives, a repeated `coopkb list --region Estrie` (warm cache)
   <= 0.1 x a hand-written script that loads the YAML with PyYAML's C loader and filters it.
3. With 10,000 cooperatives, `coopkb validate` <= 1.3 x a bare C-loader parse of the same files,
   peak memory <= 300 MiB, and 100,000 cooperatives <= 12 x the 10,000 time.
4. `coopkb show la-brunante` and `coopkb list --region Estrie` in French <= 1.05 x in English.
5. With 10,000 cooperatives (warm cache), `show` by alias and `search` <= 1.2 x `show` by slug.
6. With 10,000 cooperatives, `coopkb export sqlite` <= 2 x `coopkb validate`; 100,000 <= 12 x the
   10,000 time, peak memory <= 400 MiB.
7. With 10,000 cooperatives and 100 changed, `coopkb diff` <= 2.5 x `coopkb validate`.
8. With 10,000 cooperatives, `coopkb export datapackage`, `export jsonld` and
   `export murmurations` each <= 2 x `coopkb validate`.
9. With 10,000 cooperatives, `coopkb export site` (search index included) <= 3 x `coopkb
   validate`; 100,000 <= 12 x the 10,000 time, peak memory <= 500 MiB.

usage: python benchmarks/run.py [--repeat N] [--quick] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import documents_of, generate

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
COOPKB = shutil.which("coopkb", path=os.path.dirname(PYTHON)) or "coopkb"

IMPORTS_ONLY = [PYTHON, "-c", "import typer, rich.table, pydantic, yaml"]
BARE_FILES = """
import os, shutil
shutil.rmtree({folder!r}, ignore_errors=True)
os.makedirs({folder!r})
for i in range({count}):
    fd = os.open(os.path.join({folder!r}, f"p{{i}}.json"), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    os.write(fd, b"x" * {size})
    os.close(fd)
"""
HAND_WRITTEN_LIST = """
import sys, yaml
with open(sys.argv[1] + "/cooperatives.yaml", encoding="utf-8") as handle:
    data = yaml.load(handle, Loader=yaml.CSafeLoader)
for coop in data["cooperatives"]:
    if coop.get("region") == "Estrie":
        print(coop["slug"], coop["name"], coop.get("municipality") or "", sep="\\t")
"""
# The same bytes validate reads: the data files and the evidence files beside them.
BARE_PARSE = """
import os, sys, yaml
for name in ("cooperatives.yaml", "federations.yaml", "missions.yaml",
             "cooperatives.evidence.yaml", "federations.evidence.yaml", "missions.evidence.yaml"):
    path = sys.argv[1] + "/" + name
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in KiB of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {error}")
    if process.stderr:
        process.stderr.close()
    return elapsed, usage.ru_maxrss


def _git_repository(data: Path, root: Path) -> Path:
    """A git repository holding ``data``, with 100 cooperatives then changed in the work tree."""
    shutil.copytree(data, root / "data")
    git = ["git", "-c", "user.email=bench@example.invalid", "-c", "user.name=bench"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=root, check=True)
    path = root / "data" / "cooperatives.yaml"
    lines = path.read_text("utf-8").splitlines()
    changed = 0
    for index, line in enumerate(lines):
        plain = line.startswith("    name: ") and line[10:11] not in ">|\"'"
        if changed < 100 and plain:
            lines[index] = line + " (modifié)"
            changed += 1
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return root


def side_by_side(
    commands: dict[str, list[str]], env: dict[str, str], repeat: int
) -> dict[str, tuple[float, int]]:
    """Median wall time and max peak RSS of each command, run alternately ``repeat`` times."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(repeat):
        for name, command in commands.items():
            elapsed, peak = run(command, env)
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name]) for name in commands}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per command (target 1)")
    parser.add_argument("--quick", action="store_true", help="skip the 100,000 run")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="coopkb-bench-"))
    env = {**os.environ, "COOPKB_CACHE_DIR": str(work / "cache")}
    env.pop("COOPKB_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Installed packages are byte-compiled by pip; do the same for coopkb in an editable install.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "src" / "coopkb")], check=True)
    rows: list[tuple[str, str, float, float, str, str]] = []

    def add(target: str, label: str, ours: float, base: float, limit: float) -> None:
        ratio = ours / base
        verdict = "met" if ratio <= limit else "NOT met"
        rows.append((target, label, ours, base, f"{ratio:.2f} (≤ {limit})", verdict))
        print(
            f"{target:3} {label:52} {ours * 1000:9.0f} ms {base * 1000:9.0f} ms  "
            f"{ratio:5.2f} ≤ {limit:<4} {verdict}",
            flush=True,
        )

    def memory(target: str, label: str, mib: float, limit: float) -> None:
        verdict = "met" if mib <= limit else "NOT met"
        rows.append((target, f"{label} (MiB)", mib, limit, f"{mib / limit:.2f} (≤ 1.0)", verdict))
        print(f"{target:3} {label} {mib:.0f} MiB (limit {limit:.0f})", flush=True)

    shipped = {**env, "COOPKB_DATA_DIR": str(ROOT / "data")}
    run([COOPKB, "show", "la-brunante"], shipped)  # warm the cache
    result = side_by_side(
        {
            "show": [COOPKB, "show", "la-brunante"],
            "list": [COOPKB, "list", "--region", "Estrie"],
            "imports": IMPORTS_ONLY,
        },
        shipped,
        args.repeat,
    )
    add(
        "1", "coopkb show la-brunante vs imports only", result["show"][0], result["imports"][0], 1.0
    )
    add(
        "1",
        "coopkb list --region Estrie vs imports only",
        result["list"][0],
        result["imports"][0],
        1.0,
    )

    data_10k = generate(10_000, work / "data-10k")
    listing = [COOPKB, "--data-dir", str(data_10k), "list", "--region", "Estrie"]
    run(listing, env)  # first run fills the cache; the target is the repeated run
    result = side_by_side(
        {"coopkb": listing, "script": [PYTHON, "-c", HAND_WRITTEN_LIST, str(data_10k)]},
        env,
        max(5, args.repeat // 3),
    )
    add(
        "2",
        "10k: coopkb list --region Estrie (cached) vs C-loader script",
        result["coopkb"][0],
        result["script"][0],
        0.1,
    )

    validate = [COOPKB, "--data-dir", str(data_10k), "validate"]
    result = side_by_side(
        {"validate": validate, "parse": [PYTHON, "-c", BARE_PARSE, str(data_10k)]},
        env,
        max(5, args.repeat // 3),
    )
    validate_10k = result["validate"][0]
    add("3", "10k: coopkb validate vs bare C-loader parse", validate_10k, result["parse"][0], 1.3)
    memory("3", "10k: coopkb validate peak memory", result["validate"][1] / 1024, 300.0)

    # 10. Evidence: checking every anchor and value against the documents, and showing it.
    documents = [*validate, "--documents", str(documents_of(data_10k))]
    result = side_by_side({"documents": documents, "validate": validate}, env, 3)
    add("10", "10k: validate --documents vs validate", result["documents"][0],
        result["validate"][0], 1.5)  # fmt: skip
    on_10k_show = [COOPKB, "--data-dir", str(data_10k), "show", "la-brunante"]
    run(on_10k_show, env)  # the cache
    result = side_by_side(
        {"evidence": [*on_10k_show, "--evidence"], "show": on_10k_show}, env, args.repeat
    )
    add("10", "10k: show --evidence vs show", result["evidence"][0], result["show"][0], 1.2)

    # 4. The interface in French costs nothing measurable: catalogs are compiled .mo files.
    french = {**shipped, "LANG": "fr_CA.UTF-8"}
    english = {**shipped, "LANG": "C.UTF-8"}
    for words in (["show", "la-brunante"], ["list", "--region", "Estrie"]):
        fr_times, en_times = [], []
        for _ in range(args.repeat):
            fr_times.append(run([COOPKB, *words], french)[0])
            en_times.append(run([COOPKB, *words], english)[0])
        add(
            "4",
            f"coopkb {' '.join(words)}: French vs English",
            statistics.median(fr_times),
            statistics.median(en_times),
            1.05,
        )

    # 5. Finding by any name and searching, on a warm cache, vs `show SLUG`.
    on_10k = [COOPKB, "--data-dir", str(data_10k)]
    result = side_by_side(
        {
            "slug": [*on_10k, "show", "la-brunante"],
            "alias": [*on_10k, "show", "MFR du KRTB"],
            "search": [*on_10k, "search", "brunante"],
        },
        env,
        max(5, args.repeat // 3),
    )
    add("5", "10k: show by alias vs show by slug", result["alias"][0], result["slug"][0], 1.2)
    add(
        "5", "10k: search (warm cache) vs show by slug", result["search"][0], result["slug"][0], 1.2
    )

    # 6. Export to SQLite for Datasette vs validate (the export reads the cached base).
    db_10k = work / "kb-10k.db"
    export = [COOPKB, "--data-dir", str(data_10k), "export", "sqlite", str(db_10k), "--overwrite"]
    result = side_by_side({"export": export, "validate": validate}, env, max(3, args.repeat // 5))
    export_10k = result["export"][0]
    add("6", "10k: coopkb export sqlite vs validate", export_10k, result["validate"][0], 2.0)

    # 8. The open-data exports vs validate (each reads the cached base).
    open_data = {
        "datapackage": [COOPKB, "--data-dir", str(data_10k), "export", "datapackage",
                        str(work / "pkg-10k"), "--overwrite"],
        "jsonld": [COOPKB, "--data-dir", str(data_10k), "export", "jsonld",
                   str(work / "kb-10k.jsonld"), "--overwrite"],
        "murmurations": [COOPKB, "--data-dir", str(data_10k), "export", "murmurations",
                         str(work / "profiles-10k"), "--overwrite"],
    }  # fmt: skip
    result = side_by_side({**open_data, "validate": validate}, env, max(3, args.repeat // 5))
    for name in open_data:
        add("8", f"10k: coopkb export {name} vs validate", result[name][0],
            result["validate"][0], 2.0)  # fmt: skip
    # What 10,000 small files cost this disk whatever writes them: the floor of a profile per
    # record (a bare loop writing as many files of the same size), beside the export.
    profiles = sorted((work / "profiles-10k").glob("*.json"))
    size = sum(p.stat().st_size for p in profiles) // max(len(profiles), 1)
    floor = [
        PYTHON,
        "-c",
        BARE_FILES.format(folder=str(work / "bare"), count=len(profiles), size=size),
    ]
    result = side_by_side({"murmurations": open_data["murmurations"], "bare": floor}, env, 3)
    add("8", "10k: export murmurations vs bare writes of as many files",
        result["murmurations"][0], result["bare"][0], 2.0)  # fmt: skip

    # 9. The website (pages of both languages, downloads, Pagefind's index) vs validate.
    site = [COOPKB, "--data-dir", str(data_10k), "export", "site", str(work / "site-10k"),
            "--overwrite"]  # fmt: skip
    result = side_by_side({"site": site, "validate": validate}, env, 3)
    site_10k = result["site"][0]
    add("9", "10k: coopkb export site vs validate", site_10k, result["validate"][0], 3.0)

    # 7. diff with 100 changed records vs validate (diff validates both sides).
    repo = _git_repository(data_10k, work / "repo")
    diff = [COOPKB, "--data-dir", str(repo / "data"), "diff", "HEAD"]
    result = side_by_side({"diff": diff, "validate": validate}, env, max(3, args.repeat // 5))
    add(
        "7",
        "10k, 100 changed: coopkb diff vs validate",
        result["diff"][0],
        result["validate"][0],
        2.5,
    )

    if not args.quick:
        data_100k = generate(100_000, work / "data-100k")
        big = side_by_side({"validate": [COOPKB, "--data-dir", str(data_100k), "validate"]}, env, 3)
        add(
            "3",
            "100k vs 10k: coopkb validate (linear growth)",
            big["validate"][0],
            validate_10k,
            12.0,
        )
        db_100k = work / "kb-100k.db"
        export_100k = [
            COOPKB,
            "--data-dir",
            str(data_100k),
            "export",
            "sqlite",
            str(db_100k),
            "--overwrite",
        ]
        run(export_100k, env)  # fills the cache: the export reads the validated base
        big = side_by_side({"export": export_100k}, env, 3)
        add(
            "6",
            "100k vs 10k: coopkb export sqlite (linear growth)",
            big["export"][0],
            export_10k,
            12.0,
        )
        memory("6", "100k: coopkb export sqlite peak memory", big["export"][1] / 1024, 400.0)
        site_100k = [COOPKB, "--data-dir", str(data_100k), "export", "site",
                     str(work / "site-100k"), "--overwrite"]  # fmt: skip
        big = side_by_side({"site": site_100k}, env, 1)
        add("9", "100k vs 10k: coopkb export site (linear growth)", big["site"][0], site_10k, 12.0)
        memory("9", "100k: coopkb export site peak memory", big["site"][1] / 1024, 500.0)

    shutil.rmtree(work, ignore_errors=True)
    table = [
        "| target | measurement | coopkb (median) | baseline (median) | ratio (limit) | |",
        "|---|---|---|---|---|---|",
    ]
    for target, label, ours, base, ratio, verdict in rows:
        unit = "MiB" if "MiB" in label else "ms"
        scale = 1 if unit == "MiB" else 1000
        table.append(
            f"| {target} | {label} | {ours * scale:.0f} {unit} | "
            f"{base * scale:.0f} {unit} | {ratio} | {verdict} |"
        )
    text = "\n".join(table)
    print("\n" + text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if any(verdict != "met" for *_, verdict in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
