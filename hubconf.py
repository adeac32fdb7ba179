"""torch.hub entry points (`nbs/16a_pretrained.ipynb`): a committed pre-trained encoder, weights only.

    enc = torch.hub.load("path/to/clurender", "clurender_pointnet", source="local", row="clurender")
"""
dependencies = ["torch"]

from clurender.pretrained import pretrained


def clurender_pointnet(row: str = "clurender", profile: str = "cpu", seed: int = 0):
    "PointNet pre-trained by `row` (clurender | cluster_only | render_only | jigsaw3d | supervised_class | …)."
    return pretrained(row, "pointnet", profile, seed)
