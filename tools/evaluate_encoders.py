"""Score encoders pre-trained elsewhere (e.g. by tools/gpu_pretrain.py on a GPU host) with the protocols of every other
row (`clurender.protocols.evaluate_encoder`: PSB coarse1 linear SVM, base leave-one-out 1-NN, few-shot, the authors'
RBF SVC, the procedural split), on this machine, where the PSB archives are.

    python tools/evaluate_encoders.py SRC DEST [--profile cpu] [--data-root PATH]

SRC holds <row>/{encoder.pt, metrics.jsonl, train.json}; each row is copied to DEST/<row>/ with results.json
({results: training + evaluation numbers, run: the training record, evaluation: this run's record}), loss_curves.png
and tsne.png.
"""
from __future__ import annotations
import argparse, json, shlex, shutil, sys, time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src"); ap.add_argument("dest")
    ap.add_argument("--profile", default="cpu")
    ap.add_argument("--encoder", default="pointnet")
    ap.add_argument("--data-root", default=None)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    import matplotlib; matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from clurender.core import get_profile, run_record, seed_everything
    from clurender.encoders import load_encoder
    from clurender.corpora import corpus_for
    from clurender.protocols import evaluate_encoder
    from clurender.train import load_history, plot_history
    P = get_profile(a.profile)
    corpus = corpus_for(P)
    rows = sorted(p.parent for p in Path(a.src).glob("*/encoder.pt"))
    if not rows: raise SystemExit(f"no <row>/encoder.pt under {a.src}")
    for src in rows:
        dest = Path(a.dest) / src.name; dest.mkdir(parents=True, exist_ok=True)
        for f in ("encoder.pt", "metrics.jsonl", "train.json"):
            if (src / f).exists() and src.resolve() != dest.resolve(): shutil.copy2(src / f, dest / f)
        train = json.loads((dest / "train.json").read_text())
        fig = plot_history(load_history(dest)); fig.savefig(dest / "loss_curves.png", dpi=110); plt.close(fig)
        seed_everything(a.seed); t0 = time.perf_counter()
        numbers = evaluate_encoder(load_encoder(str(dest / "encoder.pt"), expect=a.encoder), P, corpus, a.data_root,
                                   runs=3 if P.name == "smoke" else 10, seed=a.seed, fig_dir=dest)
        numbers.update(train["results"], eval_s=round(time.perf_counter() - t0, 1))
        ev = run_record("python " + " ".join(map(shlex.quote, sys.argv)), P.name, time.perf_counter() - t0, seed=a.seed)
        (dest / "results.json").write_text(json.dumps(dict(results=numbers, run=train["run"], evaluation=ev), indent=2, default=float))
        print(f"{src.name}: coarse1 SVM {100 * (numbers.get('coarse1_svm') or float('nan')):.1f}, base 1-NN {100 * (numbers.get('base_nn') or float('nan')):.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
