"""Re-score committed runs on PSB base retrieval with raw and with standardised features (issue #17, item 9).

Runs scored before `psb_retrieval` existed have only the raw numbers (`base_*` in results.json). This script loads
each such run's encoder — the committed `train/encoder.pt`, or the seed's random initialisation for `random` —
recomputes both variants and writes `retrieval.json` beside results.json (numbers + command, commit, hardware, wall
time). The raw numbers it recomputes must equal the committed ones (the same encoder, the same data): a mismatch is
reported and nothing is written for that run. Runs without a committed encoder are listed and skipped.

    .venv/bin/python tools/rescore_retrieval.py [--profile cpu] [--studies pretexts ablations] [--data-root PATH]
"""
from __future__ import annotations
import argparse, shlex, sys, time


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", default="cpu")
    ap.add_argument("--studies", nargs="+", default=["pretexts", "ablations"])
    ap.add_argument("--data-root", default=None)
    ap.add_argument("--root", default=None, help="results root (default: the project's results/)")
    a = ap.parse_args(argv)
    import torch
    from clurender.core import run_record, save_results
    from clurender.reports import load_results
    from clurender.settings import find_runs
    from clurender.experiment import row_encoder
    from clurender.evaluate import extract_features, psb_coarse1, psb_retrieval
    torch.set_num_threads(2)
    cmd = "python " + " ".join(map(shlex.quote, sys.argv))
    tr, te, _, _ = psb_coarse1(a.data_root)
    bad = 0
    for study in a.studies:
        for spec, folder in find_runs(study, a.profile, a.root):
            res = load_results(folder)["results"]
            if "base_std_nn" in res or (folder / "retrieval.json").exists():
                print(f"{folder}: has both already"); continue
            if spec.row != "random" and not spec.encoder_path(study, a.root).exists():
                print(f"{folder}: no committed encoder, skipped"); continue
            t0 = time.perf_counter()
            enc = row_encoder(spec, study, root=a.root)
            n = spec.P.n_points
            r = psb_retrieval(extract_features(enc, tr.points[:, :n]), extract_features(enc, te.points[:, :n]), te.ids,
                              a.data_root)
            if abs(r["base_nn"] - res["base_nn"]) > 1e-9 or abs(r["base_first_tier"] - res["base_first_tier"]) > 1e-9:
                print(f"{folder}: MISMATCH raw 1-NN {r['base_nn']:.4f} against committed {res['base_nn']:.4f}; "
                      f"not written"); bad += 1; continue
            save_results(folder, "retrieval", r, run_record(cmd, a.profile, time.perf_counter() - t0, seed=spec.seed))
            print(f"{folder}: base 1-NN raw {100 * r['base_nn']:.1f}, standardised {100 * r['base_std_nn']:.1f}",
                  flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
