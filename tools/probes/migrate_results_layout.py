"""One-off (issue #16, 2026-12-02): move the committed results into one layout, results/<study>/<slug>/<profile>/seed<k>/,
without re-running anything, and check that every table number is unchanged by the move.

What moves where (files keep their content; a spec.json describing the run is added beside each):
- results/pretexts/<row>/cpu[-psb]/            → results/pretexts/<row>[_corpus-procedural_psb_epochs-5]/cpu/seed0/
- results/seeds/seed<k>/<row>/                  → results/pretexts/<row>/cpu/seed<k>/  (train files into train/)
- results/budget/h100-<n>ep/<row>/              → results/pretexts/<row>_epochs-<n>/cpu/seed0/  (train files into train/)
- results/budget/random_init_seeds.json         → results/pretexts/random/cpu/seed<k>/results.json, k = 1..4
  (numbers as they were; `run` is the file's record plus `migrated_from`)
- results/compare_pretexts/cpu/<nb>.ipynb       → the folder of the run it produced
- results/main/cpu/{10_pretrain.ipynb, throughput.json} → results/pretexts/clurender/cpu/seed0/
- results/ablation_clusters/J-<J>/<p>/seed<k>/  → results/ablations/cluster_only[_J-<J>]/<p>/seed<k>/
Old tables (results/main/cpu/table.md, results/seeds/README.md, results/budget/README.md) are parsed before the move and
compared, line by line, with the tables `clurender.reports` generates from the new layout.

    python tools/probes/migrate_results_layout.py [--results results] [--dry-run]
Idempotent: only folders still in the old layout are moved (e.g. ablation runs finished later by an older checkout).
"""
from __future__ import annotations
import argparse, json, re, shutil, sys
from pathlib import Path
from clurender.settings import RunSpec
from clurender import reports

TRAIN_FILES = ("metrics.jsonl", "train.json", "encoder.pt", "last.pt")


def table_lines(text: str) -> dict[str, str]:
    "Data lines of the markdown tables in `text`, keyed by their first cell (header and rule lines skipped)."
    out = {}
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---") and not line.startswith("| row |"):
            out.setdefault(line.split("|")[1].strip(), []).append(line.strip())
    return out


def move(src: Path, dst: Path, dry: bool, train_subdir: bool = False):
    print(f"  {src} → {dst}")
    if dry: return
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.iterdir()):
        target = dst / ("train" if train_subdir and f.name in TRAIN_FILES else "") / f.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists(): raise SystemExit(f"{target} exists already; not overwriting")
        shutil.move(str(f), str(target))
    src.rmdir()


def claim(spec: RunSpec, folder: Path, dry: bool):
    if not dry: spec.claim(folder)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--results", default=str(Path(__file__).resolve().parents[2] / "results"))
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args(argv)
    R, dry = Path(a.results), a.dry_run
    old = {}
    for f in ("main/cpu/table.md", "seeds/README.md", "budget/README.md"):
        if (R / f).exists(): old[f] = table_lines((R / f).read_text())
    # 1. the comparison rows, seed 0
    for d in sorted(R.glob("pretexts/*/cpu*")):
        if d.name not in ("cpu", "cpu-psb") or (d / "seed0").exists() or not (d / "results.json").exists(): continue
        row, rec = d.parent.name, json.loads((d / "results.json").read_text())["run"]
        spec = RunSpec.make(row, "cpu", corpus="procedural+psb" if d.name == "cpu-psb" else "procedural",
                            epochs=rec.get("epochs"))                        # the -psb rows trained 5 epochs
        dst = spec.folder("pretexts", R)
        tmp = d.with_name(d.name + ".moving")
        if not dry: d.rename(tmp)
        move(tmp if not dry else d, dst, dry); claim(spec, dst, dry)
    # 2. seeds 1-3
    for d in sorted(R.glob("seeds/seed*/*")):
        if not d.is_dir(): continue
        spec = RunSpec(d.name, "cpu", seed=int(d.parent.name[4:]))
        dst = spec.folder("pretexts", R); move(d, dst, dry, train_subdir=True); claim(spec, dst, dry)
    # 3. budget runs
    for d in sorted(R.glob("budget/h100-*ep/*")):
        epochs = int(re.fullmatch(r"h100-(\d+)ep", d.parent.name).group(1))
        spec = RunSpec.make(d.name, "cpu", epochs=epochs)
        rec = json.loads((d / "results.json").read_text())["run"]
        assert rec["epochs"] == epochs and rec["profile"] == "cpu", rec
        dst = spec.folder("pretexts", R); move(d, dst, dry, train_subdir=True); claim(spec, dst, dry)
    f = R / "budget/random_init_seeds.json"
    if f.exists():
        d = json.loads(f.read_text())
        for k, numbers in d["results"].items():
            spec = RunSpec("random", "cpu", seed=int(k)); dst = spec.folder("pretexts", R)
            print(f"  {f} [{k}] → {dst}/results.json")
            if not dry:
                claim(spec, dst, dry)
                run = dict(d["run"], migrated_from=f"results/budget/random_init_seeds.json, seed {k}")
                (dst / "results.json").write_text(json.dumps(dict(results=dict(numbers, row="random"), run=run),
                                                             indent=2) + "\n")
        if not dry: f.unlink()
    # 4. executed notebooks next to the runs they produced
    for nb in sorted(R.glob("compare_pretexts/cpu/13_compare_pretexts_*.ipynb")):
        m = re.fullmatch(r"13_compare_pretexts_(.+?)(_procedural_psb)?(?:_seed(\d+))?\.ipynb", nb.name)
        spec = RunSpec.make(m.group(1), "cpu", seed=int(m.group(3) or 0), epochs=5 if m.group(2) else None,
                            corpus="procedural+psb" if m.group(2) else "procedural")
        dst = spec.folder("pretexts", R) / "13_compare_pretexts.ipynb"
        print(f"  {nb} → {dst}")
        if not dry: assert (dst.parent / "spec.json").exists(), dst; shutil.move(str(nb), str(dst))
    for name in ("10_pretrain.ipynb", "throughput.json"):
        src = R / "main/cpu" / name
        if src.exists():
            dst = RunSpec("clurender", "cpu").folder("pretexts", R) / name
            print(f"  {src} → {dst}")
            if not dry: shutil.move(str(src), str(dst))
    # 5. Table 8 runs
    for d in sorted(R.glob("ablation_clusters/J-*/*/seed*")):
        if not (d / "results.json").exists(): continue
        spec = RunSpec.make("cluster_only", d.parent.name, J=int(d.parent.parent.name[2:]), seed=int(d.name[4:]))
        dst = spec.folder("ablations", R); move(d, dst, dry); claim(spec, dst, dry)
    if dry: return 0
    # 6. the tables, regenerated from the new layout, against the old ones
    new = table_lines(reports.summary_table("cpu", R) + reports.summary_table("cpu", R, "procedural+psb")
                      + reports.seed_table("cpu", R)[0] + reports.budget_table("cpu", R))
    checked = 0
    for f, lines in old.items():
        for key, ls in lines.items():
            for l in ls:
                if not any(l == n for n in new.get(key, [])):
                    raise SystemExit(f"table line of {f} not reproduced from the new layout:\n  {l}\n  new: {new.get(key)}")
                checked += 1
    print(f"{checked} table lines of {sorted(old)} reproduced exactly from the new layout")
    return 0


if __name__ == "__main__":
    sys.exit(main())
