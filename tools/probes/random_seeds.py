"""Frozen-feature numbers of randomly initialised PointNets (init seeds 1-4; seed 0 is the committed random row): how
much a row moves with the initialisation alone, to read the gaps between rows against (issue #7)."""
import json, time
from clurender.core import get_profile, run_record, project_root
from clurender.corpora import corpus_for
from clurender.protocols import evaluate_encoder
from clurender.experiment import row_encoder
from clurender.settings import RunSpec
P = get_profile("cpu"); corpus = corpus_for(P, False); out = {}
t0 = time.perf_counter()
for s in (1, 2, 3, 4):
    r = evaluate_encoder(row_encoder(RunSpec("random", P.name, seed=s)), P, corpus, runs=10, seed=0)
    out[s] = {k: r[k] for k in ("coarse1_svm", "coarse1_svm_seen", "coarse1_train_cv", "base_nn", "base_first_tier", "coarse1_authors_rbf_svc", "synthetic_svm")}
    print(s, out[s], flush=True)
rec = run_record("python tools/probes/random_seeds.py", "cpu", time.perf_counter() - t0, init_seeds=[1, 2, 3, 4], eval_seed=0)
json.dump(dict(results=out, run=rec), open(project_root() / "results/budget/random_init_seeds.json", "w"), indent=2, default=float)
