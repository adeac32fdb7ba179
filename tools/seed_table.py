"""Rows of several seeds side by side (issue #7): random init, CluRender and Jigsaw3D at the `cpu` configuration (600
steps), seed k = the initialisation, batches and view draws of that seed. Seed 0 is the committed `cpu` rows
(results/pretexts/<row>/cpu/, pre-trained on the CPU); seeds 1-3 are results/seeds/seed<k>/<row>/ (pre-trained on an H100
by tools/gpu_pretrain.py, scored here by tools/evaluate_encoders.py); random init of seeds 1-4 is
results/budget/random_init_seeds.json. The supervised reference rows (`supervised_class`, `supervised_parts`: trained with
the procedural corpus's labels, not self-supervised) join when their results exist: seed 0 in results/pretexts/<row>/cpu/,
seed k in results/seeds/seed<k>/<row>/ (`clurender compare --profile cpu -p row ROW -p seed k -p out_dir ...`). Prints a markdown table with per-seed numbers, the mean ± sd over seeds and the
paired gain over random init of the same seed (mean ± sd), and writes it as JSON.

    python tools/seed_table.py [--out results/seeds/seeds.json]
"""
from __future__ import annotations
import argparse, json, sys
from pathlib import Path
import numpy as np

SEED_ROWS = ("random", "clurender", "jigsaw3d", "supervised_class", "supervised_parts")   # table order; supervised_*: references
STATS = [("coarse1_svm", "PSB coarse1 SVM"), ("coarse1_train_cv", "coarse1Train CV (val.)"), ("base_nn", "base 1-NN"),
         ("base_first_tier", "1st tier"), ("coarse1_authors_rbf_svc", "authors' RBF SVC")]


def load(root: Path) -> dict:
    "{row: {seed: {stat: value}}} from the committed files."
    get = lambda f: json.loads(f.read_text())["results"]
    rows = {r: {0: get(root / "pretexts" / r / "cpu" / "results.json")} for r in SEED_ROWS
            if (root / "pretexts" / r / "cpu" / "results.json").exists() or r in ("random", "clurender", "jigsaw3d")}
    for s, v in get(root / "budget" / "random_init_seeds.json").items(): rows["random"][int(s)] = v
    for f in sorted((root / "seeds").glob("seed*/*/results.json")):
        rows.setdefault(f.parent.name, {})[int(f.parent.parent.name[4:])] = get(f)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[1] / "results"))
    ap.add_argument("--out", default=None)
    a = ap.parse_args(argv)
    rows = load(Path(a.root)); out = {}
    pct = lambda v: "—" if v != v else f"{100 * v:.1f}"                                  # NaN (one seed's sd) → —
    print("| row | seeds | " + " | ".join(n for _, n in STATS) + " |\n|---|---|" + "---|" * len(STATS))
    for row, by_seed in rows.items():
        seeds = sorted(by_seed); out[row] = dict(seeds=seeds, per_seed={s: {k: by_seed[s][k] for k, _ in STATS} for s in seeds})
        for s in seeds: print(f"| {row} | {s} | " + " | ".join(pct(by_seed[s][k]) for k, _ in STATS) + " |")
        sd = lambda v: float(np.std(v, ddof=1)) if len(v) > 1 else float("nan")           # one seed: no spread
        m = {k: (float(np.mean([by_seed[s][k] for s in seeds])), sd([by_seed[s][k] for s in seeds])) for k, _ in STATS}
        out[row]["mean_sd"] = m
        print(f"| **{row}, mean ± sd** | {len(seeds)} | " + " | ".join(f"{pct(mu)} ± {pct(sd)}" for mu, sd in m.values()) + " |")
        if row != "random":
            paired = [s for s in seeds if s in rows["random"]]
            g = {k: np.array([by_seed[s][k] - rows["random"][s][k] for s in paired]) for k, _ in STATS}
            out[row]["gain_over_random"] = {k: (float(v.mean()), sd(v)) for k, v in g.items()}
            print(f"| {row} − random (paired) | {len(paired)} | " + " | ".join(f"{pct(v.mean())} ± {pct(sd(v))}" for v in g.values()) + " |")
    if a.out: Path(a.out).write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
