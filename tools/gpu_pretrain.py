"""Pre-train comparison rows for longer than the `cpu` profile can, on a GPU host (issue #7: is the budget the reason
CluRender does not beat random initialisation by 5 points on PSB coarse1?).

Same model, data and hyper-parameters as the `cpu` profile rows (PointNet, N = 1024, V = 8 views of 64², J = 64,
batch 32, AdamW lr 1e-3, StepLR x0.7 every 20 epochs, seed 0): only the number of epochs grows. The first row's first
epoch is timed and sets the epochs of every row (`--budget-s` of training for that row, at most `--max-epochs`), so all
rows share one budget. The GPU host has no PSB archives: the encoders come back and `tools/evaluate_encoders.py` scores
them on the CPU machine with the same protocols as every other row.

    python tools/gpu_pretrain.py --out DIR [--rows clurender jigsaw3d] [--budget-s 200 | --epochs E] [--seed 0 [1 ...]]
                                 [--commit SHA]

Writes DIR/<row>/{encoder.pt, metrics.jsonl, train.json} (training record: command, commit, epochs, steps, wall time,
step time, hardware) and prints progress lines. With several seeds (each seeds the initialisation, the batches and the
view draws, as `--seed` of the notebooks), seed k's rows go to DIR/seed<k>/<row>/, seeds in the order given, each row
saved as soon as it is trained (a run cut short keeps the rows it finished).

The device tool brings back at most 8 files of at most 16 MiB, no deeper than $OUT/a/b/file: train with `--out` outside
$OUT and `--pack $OUT`, which writes one tar per row (encoder.pt, metrics.jsonl, train.json; 3.5 MB for PointNet) named
<row>.tar, or seed<k>_<row>.tar with several seeds. `tar -C DIR/seed<k>/<row> -xf seed<k>_<row>.tar` restores a row.
"""
from __future__ import annotations
import argparse, json, shlex, sys, tarfile, tempfile, time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--rows", nargs="+", default=["clurender", "jigsaw3d"])
    ap.add_argument("--profile", default="cpu")
    ap.add_argument("--encoder", default="pointnet")
    ap.add_argument("--budget-s", type=float, default=200.0, help="training seconds for the first row (sets the epochs)")
    ap.add_argument("--epochs", type=int, default=None, help="fixed epochs instead of --budget-s")
    ap.add_argument("--max-epochs", type=int, default=250, help="the paper trains 250 epochs")
    ap.add_argument("--loader-workers", type=int, default=8)
    ap.add_argument("--seed", type=int, nargs="+", default=[0], help="one or more seeds (see above)")
    ap.add_argument("--render-chunk", type=int, default=None, help="images per checkpointed chunk of R (memory; see render)")
    ap.add_argument("--pack", default=None, help="also write one tar per finished row to this folder (see above)")
    ap.add_argument("--commit", default=None, help="commit to record when .git did not travel with the tree")
    a = ap.parse_args(argv)

    import torch
    from clurender.core import get_profile, seed_everything, run_record
    from clurender.settings import ROWS
    from clurender.corpora import corpus_for, pretrain_views
    from clurender.experiment import train_summary
    from clurender.model import CluRender
    from clurender.synthetic import SyntheticCorpus
    from clurender.train import pretrain, load_history
    from torch.utils.data import default_collate
    t_start = time.perf_counter()
    say = lambda *m: print(f"[{time.perf_counter() - t_start:7.1f}s]", *m, flush=True)
    if not torch.cuda.is_available(): say("warning: no CUDA device, training on the CPU")
    P = get_profile(a.profile)
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)

    # 1. a one-step check of every row on a tiny corpus, so a device-only failure shows in seconds
    tmp = tempfile.TemporaryDirectory()                                      # the tiny corpus stays out of --out/--pack
    tiny = SyntheticCorpus(n_per_class=1, n_points=P.n_points, n_render_views=P.n_render_views, image_size=P.image_size,
                           verbose=False, workers=1, root=tmp.name)
    batch = default_collate([pretrain_views(P, tiny, "procedural", None, a.seed[0], False)[i] for i in range(4)])
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    for row in a.rows:
        m = CluRender(a.encoder, P, seed=a.seed[0], render_chunk=a.render_chunk, **ROWS[row]).to(dev)
        res = m({k: v.to(dev) if torch.is_tensor(v) else v for k, v in batch.items()}, step=0)
        res["loss"].backward()
        say(f"check {row}: loss {res['loss'].item():.4f}, encoder grad norm "
            f"{sum(p.grad.norm() ** 2 for p in m.encoder.parameters() if p.grad is not None).sqrt().item():.3g}")

    # 2. the procedural corpus (generated in one process per core)
    t = time.perf_counter(); corpus = corpus_for(P, verbose=False); gen_s = time.perf_counter() - t
    say(f"corpus: {len(corpus)} shapes in {gen_s:.1f} s ({corpus.workers} processes) at {corpus.dir}, data_hash {corpus.manifest['data_hash']}")

    # 3. the rows, one budget
    epochs, multi = a.epochs, len(a.seed) > 1                               # several seeds: seed<k>/ folders and tar names
    for seed, row in [(s, r) for s in a.seed for r in a.rows]:
        ds = pretrain_views(P, corpus, "procedural", None, seed, False)
        seed_everything(seed)
        model = CluRender(a.encoder, P, seed=seed, render_chunk=a.render_chunk, **ROWS[row])
        d = (out / f"seed{seed}" / row) if multi else (out / row); t0 = time.perf_counter()
        kw = dict(num_workers=a.loader_workers, seed=seed, progress=False)
        if epochs is None:                                                   # time one epoch, then size the budget
            r1 = pretrain(model, ds, d, epochs=1, **kw)
            epochs = max(1, min(a.max_epochs, int(a.budget_s / r1["wall_s"])))
            say(f"{row}: first epoch {r1['wall_s']:.1f} s -> {epochs} epochs for every row")
            res = pretrain(model, ds, d, epochs=epochs, resume=True, **kw)
        else:
            res = pretrain(model, ds, d, epochs=epochs, **kw)
        wall = time.perf_counter() - t0
        info = dict(row=row, encoder=a.encoder, epochs=epochs, n_train_shapes=len(ds), batch_size=P.batch_size,
                    **train_summary(load_history(d), P.batch_size), corpus_generation_s=round(gen_s, 1), train=res, config=model.config)
        info["shape_passes"] = info["steps"] * P.batch_size
        rec = run_record("python " + " ".join(map(shlex.quote, sys.argv)), P.name, wall, seed=seed, epochs=epochs)
        if a.commit: rec["git_commit"] = a.commit
        (d / "train.json").write_text(json.dumps(dict(results=info, run=rec), indent=2, default=float))
        (d / "last.pt").unlink(missing_ok=True)                              # optimiser state: not needed back
        if a.pack:
            Path(a.pack).mkdir(parents=True, exist_ok=True)
            with tarfile.open(Path(a.pack) / (f"seed{seed}_{row}.tar" if multi else f"{row}.tar"), "w") as tf:
                for f in ("encoder.pt", "metrics.jsonl", "train.json"): tf.add(d / f, arcname=f)
        say(f"{row} (seed {seed}): {epochs} epochs, {info['steps']} steps in {wall:.1f} s (median step {info['median_step_s'] * 1e3:.1f} ms, "
            f"{info['shapes_per_s']:.0f} shapes/s); final losses {info['final_losses']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
