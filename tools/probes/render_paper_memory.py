"""Time and peak memory of one forward+backward of R at the `paper` settings (2,048 points, 8 views, 256², r = 4 px,
K = 128) for 2 procedural shapes (16 images), with and without `trim_depth`, all images at once or CHUNK images at a
time (`render(chunk=)`; issue #7: what the `paper` profile needs on a GPU). Run once per setting (peak RSS is per
process):

    python tools/probes/render_paper_memory.py pytorch3d on|off [CHUNK]
    python tools/probes/render_paper_memory.py footprint on|off [CHUNK]
"""
import resource, sys, time
import torch
import clurender.renderer as R
from clurender.synthetic import make_shape
from clurender.views import make_views

backend, trim = sys.argv[1], sys.argv[2]
chunk = int(sys.argv[3]) if len(sys.argv) > 3 else None
if trim == "off": R.trim_depth = lambda idx: idx                      # the full K slots, as before trim_depth
torch.set_num_threads(2); torch.manual_seed(0)
cams = make_views(8, elev=[20.0, 40.0], dist=2.5, fov=50.0)
pts = torch.stack([torch.as_tensor(make_shape(0, i, 2048)["points"]).float() for i in range(2)]).requires_grad_(True)
col = torch.rand(2, 2048, 3, requires_grad=True)
for _ in range(2):                                                    # the second pass is timed (compiled kernels)
    t = time.perf_counter()
    img = R.render(pts, col, cams, image_size=256, r=4.0, nu=1.0, K=128, backend=backend, chunk=chunk)
    img.square().mean().backward()
    dt = time.perf_counter() - t
print(f"{backend} trim {trim} chunk {chunk}: forward+backward {dt:.2f} s, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.2f} GB, "
      f"image sum {img.sum().item():.6f}, |grad points| {pts.grad.abs().sum().item():.6f}")
