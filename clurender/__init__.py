"""Unsupervised point cloud representation learning by clustering and neural rendering (CluRender, IJCV 2024), as literate nbdev notebooks.

Modules:

- `clurender.cli`: Run the experiment notebooks without opening Jupyter. Each sub-command executes one papermill-parameterised notebook from `nbs/` and keeps the executed copy next to its results.
- `clurender.clustering`: Prototypes (Eq. 2), soft labels by entropic optimal transport solved with a log-domain Sinkhorn-Knopp (Eq. 10–12, Alg. 2), the soft-label cross-entropy (Eq. 13) and the orthogonal prototype loss (Eq. 14).
- `clurender.core`: Shared plumbing for every other notebook: deterministic seeding, device selection, the named experiment **profiles** (`smoke`, `cpu`, `paper`) and the small helpers that turn bad input into a clear `ValueError` and that record *how* a number in `results/` was produced."""

__version__ = "0.1.0"
