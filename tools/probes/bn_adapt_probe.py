"""Do the frozen encoders' BatchNorm statistics hold CluRender back on PSB? (issue #7, a lever beyond the issue's list)

A pre-trained PointNet is evaluated in eval mode, so each `PointNorm` normalises with the running mean/variance of the
*procedural* pre-training shapes; a random-init PointNet has running statistics 0/1 (BatchNorm is then the identity).
If the statistics of the pre-training domain misplace the ReLUs on PSB shapes, re-estimating them on the downstream
train split (inputs only, no labels: the standard "AdaBN" remedy) should raise the pre-trained rows more than the
random ones. Scored on **validation only** (3-fold CV linear SVM on PSB coarse1Train, C chosen inside, the number
`clurender.protocols.validation_score` gives); no test-split shape is loaded.

Encoders: random init of seeds 0-4, CluRender and Jigsaw3D of seeds 0-3 (the seed study, `cpu` configuration).
Statistics are re-estimated as a cumulative average (momentum None) over one pass of coarse1Train in batches of 32.

    python tools/probes/bn_adapt_probe.py [--out results/layers/bn_adapt.json]      # ~9 min on 2 cores
"""
from __future__ import annotations
import argparse, copy, json, shlex, sys, time
from pathlib import Path


def adapt_batchnorm(encoder, points, batch_size: int = 32):
    "A copy of `encoder` whose PointNorm running statistics are re-estimated on `points` (M,N,3); eval mode."
    import torch
    from clurender.encoders import PointNorm
    enc = copy.deepcopy(encoder)
    for m in enc.modules():
        if isinstance(m, PointNorm): m.reset_running_stats(); m.momentum = None     # cumulative average
    enc.train()
    perm = torch.randperm(len(points), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        for s in range(0, len(points), batch_size): enc(points[perm[s:s + batch_size]])
    return enc.eval()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2] / "results"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--data-root", default=None)
    a = ap.parse_args(argv)
    import numpy as np, torch
    from clurender.core import get_profile, run_record
    from clurender.encoders import load_encoder
    from clurender.evaluate import psb_split
    from clurender.experiment import row_encoder
    from clurender.protocols import validation_score
    from clurender.settings import RunSpec
    from layer_probe import encoders                                         # tools/ is the script's folder
    torch.set_num_threads(2)
    P, root = get_profile("cpu"), Path(a.root)
    out_path = Path(a.out) if a.out else root / "layers" / "bn_adapt.json"
    X = psb_split(a.data_root, "train").points[:, :P.n_points]               # inputs only, for the statistics
    encs = [e for e in encoders(root) if e[0] in ("random", "clurender", "jigsaw3d")]   # the seed study's 13
    t0, rows = time.perf_counter(), []
    for row, seed, path in encs:
        if path is not None and not path.exists():
            raise SystemExit(f"{path} not found: pre-train it first (results/seeds/README.md says how)")
        enc = row_encoder(RunSpec("random", P.name, seed=seed)) if path is None else load_encoder(str(path), expect="pointnet")
        r = dict(row=row, seed=seed)
        for name, e in (("stored", enc), ("adapted", adapt_batchnorm(enc, X))):
            v = validation_score(e, P, a.data_root)
            r[name] = dict(coarse1_train_cv=v["coarse1_train_cv"], C=v["C"])
        rows.append(r)
        print(f"{row} seed {seed}: stored {100 * r['stored']['coarse1_train_cv']:.1f}, "
              f"adapted {100 * r['adapted']['coarse1_train_cv']:.1f}", flush=True)
    summary = {}
    for row in ("random", "clurender", "jigsaw3d"):
        v = {k: np.array([r[k]["coarse1_train_cv"] for r in rows if r["row"] == row]) for k in ("stored", "adapted")}
        summary[row] = {k: (float(x.mean()), float(x.std(ddof=1))) for k, x in v.items()}
        summary[row]["adapted_minus_stored"] = (float((v["adapted"] - v["stored"]).mean()), float((v["adapted"] - v["stored"]).std(ddof=1)))
        print(f"{row}: stored {100 * summary[row]['stored'][0]:.1f} ± {100 * summary[row]['stored'][1]:.1f}, adapted "
              f"{100 * summary[row]['adapted'][0]:.1f} ± {100 * summary[row]['adapted'][1]:.1f}, adapted − stored "
              f"{100 * summary[row]['adapted_minus_stored'][0]:+.1f} ± {100 * summary[row]['adapted_minus_stored'][1]:.1f}")
    rec = run_record("python " + " ".join(map(shlex.quote, sys.argv)), P.name, time.perf_counter() - t0, eval_seed=0)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(dict(results=rows, summary=summary, run=rec), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
