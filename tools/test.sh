#!/usr/bin/env bash
# The test suite: (1) nbdev-export must leave clurender/ unchanged (library and notebooks cannot drift);
# (2) every notebook in nbs/ runs top to bottom with its inline tests: library notebooks with nbdev-test, experiment
# notebooks (those with a cell tagged `parameters`) with papermill and `-p profile smoke`, as a user runs them.
# (3) the GPU-budget tools (tools/gpu_pretrain.py, tools/evaluate_encoders.py) on the smoke profile, the linear-SVM
# notebook on the 'output' layer; (4) the website: build from the stored outputs and check it in headless Chromium
# (tools/docs_site.py). (The study READMEs are checked against their generator in nbs/19_reports.ipynb.)
# Ends with a line "N passed, M failed" (notebooks and the tools check counted). Exit 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} MPLBACKEND=Agg PYTHONHASHSEED=0
passed=0; failed=0; failures=()

snap=$(mktemp -d); trap 'rm -rf "$snap"' EXIT
mkdir -p "$snap/executed"
cp -r clurender "$snap/before"
if nbdev-export && diff -r -x __pycache__ "$snap/before" clurender >"$snap/diff"; then
  echo "PASS export: nbdev-export leaves clurender/ unchanged"; passed=$((passed+1))
else
  echo "FAIL export: clurender/ differs from what nbs/ export (run nbdev-export and commit clurender/):"; head -50 "$snap/diff"
  failed=$((failed+1)); failures+=("nbdev-export drift")
fi

has_parameters() {  # an experiment notebook: it has a cell tagged `parameters` (papermill's convention)
  python -c "import json, sys; nb = json.load(open(sys.argv[1]))
sys.exit(0 if any('parameters' in c.get('metadata', {}).get('tags', []) for c in nb['cells']) else 1)" "$1"
}
for nb in nbs/[!_.]*.ipynb; do
  start=$(date +%s)
  if has_parameters "$nb"; then
    how=papermill; cmd=(papermill -k clurender --cwd nbs --no-progress-bar --log-level WARNING -p profile smoke
                        "$nb" "$snap/executed/$(basename "$nb")")
  else
    how=nbdev-test; cmd=(nbdev-test "$nb")
  fi
  if out=$("${cmd[@]}" 2>&1); then
    echo "PASS $nb ($how, $(( $(date +%s) - start )) s)"; passed=$((passed+1))
  else
    echo "FAIL $nb ($(( $(date +%s) - start )) s)"; echo "$out" | grep -v '^\s*\[\|^\s*tensor\|^ \{8,\}' | tail -40
    failed=$((failed+1)); failures+=("$nb")
  fi
done
# the scripts behind results/budget/ and results/seeds/, on the smoke profile and the CPU: pre-train two rows of two
# seeds for one epoch, pack them as the device tool needs, score one seed's rows
start=$(date +%s); t="$snap/tools"
if out=$(python tools/gpu_pretrain.py --out "$t/rows" --profile smoke --epochs 1 --loader-workers 0 --rows clurender jigsaw3d \
             --seed 0 1 --pack "$t/pack" --render-chunk 3 2>&1 &&
         [ "$(ls "$t/pack")" = "$(printf 'seed0_clurender.tar\nseed0_jigsaw3d.tar\nseed1_clurender.tar\nseed1_jigsaw3d.tar')" ] &&
         [ "$(tar -tf "$t/pack/seed1_jigsaw3d.tar" | sort | tr '\n' ' ')" = "encoder.pt metrics.jsonl train.json " ] &&
         python tools/evaluate_encoders.py "$t/rows/seed0" "$t/scored" --profile smoke 2>&1 &&
         python -c "import json, sys; r = json.load(open(sys.argv[1]))['results']; assert r['steps'] > 0 and 0 <= r['coarse1_svm'] <= 1, r" \
           "$t/scored/clurender/results.json" 2>&1); then
  echo "PASS tools/gpu_pretrain.py + tools/evaluate_encoders.py (smoke, $(( $(date +%s) - start )) s)"; passed=$((passed+1))
else
  echo "FAIL tools/gpu_pretrain.py + tools/evaluate_encoders.py"; echo "$out" | tail -40
  failed=$((failed+1)); failures+=("tools/gpu_pretrain.py")
fi
# the linear-SVM notebook on another feature layer (results/layers/): -p layer output
start=$(date +%s); mkdir -p "$snap/layer"
if out=$(papermill -k clurender --cwd nbs --no-progress-bar --log-level WARNING -p profile smoke -p layer output -p out_dir "$snap/layer" \
           nbs/51_linear_svm.ipynb "$snap/layer/11.ipynb" 2>&1 &&
         python -c "import json, sys; d = json.load(open(sys.argv[1])); assert d['results']['layer'] == 'output' and '-p layer output' in d['run']['command'], d" \
           "$snap/layer/linear_svm_clurender_output.json" 2>&1); then
  echo "PASS nbs/51_linear_svm.ipynb -p layer output (papermill, $(( $(date +%s) - start )) s)"; passed=$((passed+1))
else
  echo "FAIL nbs/51_linear_svm.ipynb -p layer output"; echo "$out" | tail -30; failed=$((failed+1)); failures+=("51_linear_svm layer=output")
fi
# the website (issue #20): library notebooks keep their pictures; the site builds from the stored outputs of nbs/ and
# results/ with no Sphinx warning and no broken internal link, and the renderer page shows its figures and maths in
# headless Chromium (set-up: tools/install_docs.sh: the docs extra, Debian's chromium + chromium-driver)
start=$(date +%s)
if out=$(bash tools/install_docs.sh 2>&1 && python tools/docs_site.py figures 2>&1 && python tools/docs_site.py build 2>&1 &&
         python tools/docs_site.py check --screenshot _site/_screenshots/04_renderer.png 2>&1); then
  echo "PASS website: tools/docs_site.py build + check ($(( $(date +%s) - start )) s; $(echo "$out" | grep -m1 '^site built'); screenshot $PWD/_site/_screenshots/04_renderer.png)"
  passed=$((passed+1))
else
  echo "FAIL website (tools/docs_site.py)"; echo "$out" | tail -30; failed=$((failed+1)); failures+=("website")
fi
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
