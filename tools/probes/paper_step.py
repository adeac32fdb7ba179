"""One CluRender training step at the `paper` settings (N = 2,048, 256² views, K = 128, wide φβ, J = 64) on a few
shapes, to show the profile runs end to end and to size it (issue #7). A tiny procedural corpus at 256² is generated
into a temporary folder; R runs in checkpointed chunks (`--render-chunk`). Prints the time of each part and the peak
memory (CPU: process RSS; CUDA: torch's peak allocation).

    python tools/probes/paper_step.py [--batch 2] [--render-chunk 4] [--steps 2]
"""
from __future__ import annotations
import argparse, resource, sys, tempfile, time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--render-chunk", type=int, default=4)
    ap.add_argument("--steps", type=int, default=2)
    a = ap.parse_args(argv)
    import torch
    from torch.utils.data import DataLoader
    from clurender.core import get_profile, seed_everything
    from clurender.model import CluRender
    from clurender.synthetic import SyntheticCorpus, SyntheticViews
    P = get_profile("paper"); dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        corpus = SyntheticCorpus(n_per_class=1, n_points=P.n_points, n_render_views=P.n_views, image_size=P.image_size,
                                 verbose=False, root=tmp)
        gen, n_shapes = time.perf_counter() - t, len(corpus)
        batch = next(iter(DataLoader(SyntheticViews(corpus, "all", n_views=P.n_views), batch_size=a.batch)))
        batch = {k: v.to(dev) if torch.is_tensor(v) else v for k, v in batch.items()}
        seed_everything(0)
        model = CluRender("pointnet", P, render_chunk=a.render_chunk).to(dev)
        opt = torch.optim.AdamW(model.parameters(), lr=P.lr, weight_decay=P.weight_decay)
        for s in range(a.steps):
            if dev.type == "cuda": torch.cuda.synchronize()
            t = time.perf_counter()
            out = model(batch, step=s); opt.zero_grad(); out["loss"].backward(); opt.step()
            if dev.type == "cuda": torch.cuda.synchronize()
            dt = time.perf_counter() - t
            print(f"step {s}: {dt:.2f} s for {a.batch} shapes x {P.n_views} views at {P.image_size}²; "
                  + ", ".join(f"{k} {v.item():.4f}" for k, v in out.items()), flush=True)
    mem = (torch.cuda.max_memory_allocated() / 1e9 if dev.type == "cuda"
           else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6)
    print(f"corpus of {n_shapes} shapes at {P.image_size}²: {gen:.1f} s; peak memory {mem:.2f} GB ({dev.type}); "
          f"batch {a.batch}, render chunk {a.render_chunk}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
