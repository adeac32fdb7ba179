"""Unsupervised point cloud representation learning by clustering and neural rendering (CluRender, IJCV 2024), as
literate nbdev notebooks: each module is exported from the notebook of the same name in `nbs/` (README: the paper ↔
notebook ↔ module map)."""
__version__ = "0.1.0"

from .threads import set_wait_policy as _set_wait_policy
WAIT_POLICY = _set_wait_policy()    # before torch loads OpenMP: short spins keep a shared machine fast (nbs/00a_threads)
