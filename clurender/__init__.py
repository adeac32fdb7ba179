"""Unsupervised point cloud representation learning by clustering and neural rendering (CluRender, IJCV 2024), as
literate nbdev notebooks: each module is exported from the notebook of the same name in `nbs/` (README: the paper ↔
notebook ↔ module map)."""
__version__ = "0.1.0"
