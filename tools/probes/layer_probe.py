"""Which layer of a frozen PointNet carries what pre-training learned? (issue #7, the 'feature pooling' lever)

For every encoder of the seed study (random init of seeds 0-4; CluRender and Jigsaw3D of seeds 0-3; cluster-only and
render-only of seed 0; all `cpu` configuration, 600 steps), and the seed-0 encoders pre-trained longer
(results/budget/, rows `<row>_14ep`, `<row>_25ep`) or on procedural + PSB train meshes (`<row>_psb`), the max ‖ mean features of three layers
(`PointEncoder.global_features(layer=...)`): 'global' — the 1024-d layer before pooling, the protocol of every other
table; 'output' — the 256-d per-point output f_φ(P) that CluRender's heads φα/φβ read; 'both'. Each is scored with the
PSB protocols of `clurender.evaluate.psb_protocols` (coarse1 linear SVM with C by CV on coarse1Train, which is also the
validation number; base-test retrieval).

Two read-outs are fixed before looking at any test number: (a) the 'output' layer for every encoder; (b) per encoder,
the layer with the best validation CV (like C, chosen on the train split only). Writes results/layers/layers.json.

    python tools/probes/layer_probe.py [--out results/layers/layers.json]    # ~13 min on 2 cores (23 encoders)
    python tools/probes/layer_probe.py --table                                # the summary table from the JSON alone
"""
from __future__ import annotations
import argparse, json, shlex, sys, time
from pathlib import Path


def encoders(root: Path) -> list[tuple[str, int, Path | None]]:
    "(row, seed, encoder.pt or None for random init): the seed study, then the seed-0 budget and cpu-psb rows."
    out = [("random", s, None) for s in range(5)]
    for row in ("clurender", "jigsaw3d"):
        out.append((row, 0, root / "pretexts" / row / "cpu" / "train" / "encoder.pt"))
        out += [(row, s, root / "seeds" / f"seed{s}" / row / "encoder.pt") for s in (1, 2, 3)]
    out += [(row, 0, root / "pretexts" / row / "cpu" / "train" / "encoder.pt") for row in ("cluster_only", "render_only")]
    # seed 0 at other budgets (results/budget/: 14 and 25 epochs on an H100) and corpora (cpu-psb: + PSB train meshes)
    out += [(f"{row}_{ep}ep", 0, root / "budget" / f"h100-{ep}ep" / row / "encoder.pt") for ep in (14, 25) for row in ("clurender", "jigsaw3d")]
    out += [(f"{row}_psb", 0, root / "pretexts" / row / "cpu-psb" / "train" / "encoder.pt")
            for row in ("clurender", "cluster_only", "render_only", "jigsaw3d")]
    return out


def table(rows: list[dict]) -> str:
    "Markdown: per row, mean ± sd over seeds of coarse1 test SVM / validation CV for each read-out, and the paired gain."
    import numpy as np
    reads = [("global", lambda r: "global"), ("output", lambda r: "output"), ("both", lambda r: "both"),
             ("chosen by validation", lambda r: r["chosen_by_validation"])]
    rnd = {r["seed"]: r for r in rows if r["row"] == "random"}
    ms = lambda v: f"{100 * np.mean(v):.1f} ± {100 * np.std(v, ddof=1):.1f}" if len(v) > 1 else f"{100 * v[0]:.1f}"
    lines = ["| row | seeds | " + " | ".join(f"{n}: coarse1 SVM (val. CV)" for n, _ in reads) + " | " +
             " | ".join(f"{n}: − random (paired)" for n, _ in reads[1:2] + reads[3:]) + " |",
             "|---|---|" + "---|" * (len(reads) + 2)]
    for row in dict.fromkeys(r["row"] for r in rows):
        rs = [r for r in rows if r["row"] == row]
        cells = [f"{ms([r[f(r)]['coarse1_svm'] for r in rs])} ({ms([r[f(r)]['coarse1_train_cv'] for r in rs])})" for _, f in reads]
        gains = [("—" if row == "random" else ms([r[f(r)]["coarse1_svm"] - rnd[r["seed"]][f(rnd[r["seed"]])]["coarse1_svm"] for r in rs]))
                 for _, f in reads[1:2] + reads[3:]]
        lines.append(f"| {row} | {','.join(str(r['seed']) for r in rs)} | " + " | ".join(cells + gains) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2] / "results"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--data-root", default=None)
    ap.add_argument("--table", action="store_true", help="print the summary of an existing --out JSON and stop")
    a = ap.parse_args(argv)
    out_path = Path(a.out) if a.out else Path(a.root) / "layers" / "layers.json"
    if a.table:
        print(table(json.loads(out_path.read_text())["results"])); return 0
    from clurender.core import get_profile, run_record, seed_everything
    from clurender.encoders import LAYERS, load_encoder
    from clurender.evaluate import extract_features, psb_coarse1, psb_protocols
    from clurender.experiment import row_encoder
    from clurender.settings import RunSpec
    P, root = get_profile("cpu"), Path(a.root)
    sets = psb_coarse1(a.data_root); t0 = time.perf_counter(); rows = []
    for row, seed, path in encoders(root):
        if path is not None and not path.exists():
            raise SystemExit(f"{path} not found: pre-train it first (results/seeds/README.md says how)")
        enc = row_encoder(RunSpec("random", P.name, seed=seed)) if path is None else load_encoder(str(path), expect="pointnet")
        memo = {}                                                            # features of 'both', sliced per layer
        def feats(points, layer):
            k = (points.data_ptr(), tuple(points.shape))                    # the same split's slice each call
            if k not in memo: memo[k] = extract_features(enc, points, layer="both")
            F = memo[k]; g = 2 * enc.global_dim
            return F[:, :g] if layer == "global" else F[:, g:] if layer == "output" else F
        r = dict(row=row, seed=seed, encoder=str(path.relative_to(root.parent)) if path else f"random init, seed {seed}")
        for layer in LAYERS:
            seed_everything(0)
            n = psb_protocols(lambda p: feats(p, layer), a.data_root, P.n_points, coarse1=sets)
            r[layer] = {k: n[k] for k in ("coarse1_svm", "coarse1_train_cv", "coarse1_C", "base_nn", "base_first_tier")}
        r["chosen_by_validation"] = max(LAYERS, key=lambda l: r[l]["coarse1_train_cv"])
        rows.append(r)
        print(f"{row} seed {seed}: " + ", ".join(f"{l} val {100 * r[l]['coarse1_train_cv']:.1f} test {100 * r[l]['coarse1_svm']:.1f}"
                                              for l in LAYERS) + f" -> chosen {r['chosen_by_validation']}", flush=True)
    rec = run_record("python " + " ".join(map(shlex.quote, sys.argv)), P.name, time.perf_counter() - t0, eval_seed=0)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(dict(results=rows, run=rec), indent=2, default=float))
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
