"""Unsupervised point cloud representation learning by clustering and neural rendering (CluRender, IJCV 2024), as literate nbdev notebooks.

Modules:

- `clurender.cli`: Run the experiment notebooks without opening Jupyter. Each sub-command executes one papermill-parameterised notebook from `nbs/` and keeps the executed copy next to its results.
- `clurender.clustering`: Prototypes (Eq. 2), soft labels by entropic optimal transport solved with a log-domain Sinkhorn-Knopp (Eq. 10–12, Alg. 2), the soft-label cross-entropy (Eq. 13) and the orthogonal prototype loss (Eq. 14).
- `clurender.core`: Shared plumbing for every other notebook: deterministic seeding, device selection, the named experiment **profiles** (`smoke`, `cpu`, `paper`) and the small helpers that turn bad input into a clear `ValueError` and that record *how* a number in `results/` was produced.
- `clurender.data`: Loaders (`torch` datasets returning dicts of tensors) for the formats the paper's benchmarks ship in, tested on the real fragments in `../shared/data`, and the two complete real benchmarks we evaluate on: the **Princeton Shape Benchmark** (classification, in place of ModelNet40) and the **Labeled PSB** (semantic parts, in place of ShapeNetPart).
- `clurender.encoders`: Three backbones with one interface: `encoder(points (B,N,3)) -> point features (B,N,d)`, `encoder.global_features(points) -> (B,g)` for the linear-SVM protocol, `encoder.dim`, and a registry `get_encoder(name, **kw)`. CluRender needs **point-level** features (its heads φα and φβ work per point), so each backbone is used in its segmentation form.
- `clurender.heads`: φα turns point features into J cluster logits for the clustering loss (Sec. 4); φβ turns xyz + point features into a colour per point for the renderer (Sec. 5). Both are discarded after pre-training.
- `clurender.views`: CluRender pre-trains on point clouds paired with images from known cameras (Sec. 6.1.2: ShapeNet with 24 DISN-style renders per object, N_r = 8 used per step). This notebook defines the camera layout (`make_views`), renders meshes from those cameras with PyTorch3D's mesh renderer (Phong shading, fixed lights), and builds the pre-training item `(points (N,3), images (V,H,W,3), cameras)` from real meshes (PSB train split) or posed RGB-D frames."""

__version__ = "0.1.0"
