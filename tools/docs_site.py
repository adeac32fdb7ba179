"""The companion as a website (issue #20): build it from `nbs/` and `results/` with the stored outputs, and check it in
headless Chromium.

    .venv/bin/python tools/docs_site.py build [--out _site] [--only 04_renderer ...]   # → _site/index.html
    .venv/bin/python tools/docs_site.py check [--site _site] [--screenshot PATH]        # browser + link check

Why Sphinx + myst-nb: nbdev's own `nbdev_docs` renders with Quarto, which cannot be installed on these machines (its
PyPI package downloads the binary at build time; neither Debian nor npm packages the CLI). myst-nb renders notebooks
from their stored outputs (`nb_execution_mode = "off"`), understands Markdown outputs (nbdev's `show_doc` API
cards), dollar maths and cell tags, and Sphinx resolves and checks every internal link at build time; mkdocs-jupyter
converts notebooks through nbconvert's HTML exporter, so Markdown outputs and cross-page links are left to it unchecked.
The notebooks go through nbdev's own processors first (`nbdev.process.NBProcessor` with `FilterDefaults`'
processors): hidden cells dropped, `#| export` lines removed, a `show_doc` card after each exported symbol, links to
documented names. The one processor left out is `exec_show_docs`, which executes a notebook's imports and exports to
fill the cards (and would overwrite stored outputs); here the cards come from the installed `clurender` package.
`nbdev_docs` is untouched and keeps working for anyone who has Quarto.

The README stays the source of the index page (README → index, as `nbs/index.ipynb` does); no command here writes
to README.md or nbs/. Maths are rendered offline by MathJax 2.7 from the `jupyter-server-mathjax` wheel.
"""
from __future__ import annotations
import argparse, ast, importlib, json, re, shutil, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC_HOST = "https://clurender.github.io/clurender/"   # nbdev's `add_links` target: settings.ini doc_host + doc_baseurl
SECTIONS = (("The method: library notebooks (paper Sec. 3–6)", 0, 19),
            ("The paper's ablations (Tables 6–10)", 20, 29),
            ("Benchmarks", 30, 39), ("Downstream tasks", 40, 49), ("Experiments", 50, 59),
            ("The command line and the suite's checks", 90, 99))
FIGURE_CALL = re.compile(r"^(?!\s*def )[^#\n]*\b(plt\.(subplots|figure|imshow|show)\(|\.savefig\()", re.M)


def _directives(src: str) -> tuple[dict, str]:
    "nbdev/Quarto `#| key: value` lines at the top of a cell → ({key: value}, the source without them)."
    lines, d = src.splitlines(), {}
    while lines and lines[0].startswith("#|"):
        k, _, v = lines.pop(0)[2:].strip().partition(":")
        d[k.strip()] = v.strip()
    return d, "\n".join(lines)


def default_exp(nb: dict) -> str | None:
    "The module a library notebook exports to (`#| default_exp name`), None for experiment notebooks."
    for c in nb["cells"]:
        m = re.search(r"^#\|\s*default_exp\s+(\S+)", "".join(c["source"]), re.M) if c["cell_type"] == "code" else None
        if m: return m.group(1)
    return None


def figure_cells_without_image(nb: dict) -> list[int]:
    """Indices of a notebook's figure cells (not exported; a top-level `plt.subplots/figure/imshow/show(` or
    `.savefig(` call) whose stored outputs hold no image: the notebook was saved without its pictures."""
    bad = []
    for i, c in enumerate(nb["cells"]):
        src = "".join(c["source"])
        if c["cell_type"] != "code" or re.search(r"^#\|\s*export", src, re.M) or not FIGURE_CALL.search(src): continue
        if not any(k.startswith("image/") for o in c.get("outputs", []) for k in o.get("data", {})): bad.append(i)
    return bad


def _anchor(expr: str) -> str:
    "The anchor nbdev's links use for a documented name: `PointNet.forward` → `pointnet.forward`."
    return expr.strip().lower()


def check_figures(nbs_dir: Path = ROOT / "nbs") -> list[str]:
    "Library notebooks (those with `default_exp`) whose figure cells were saved without their picture: 'file: cell i'."
    bad = []
    for p in sorted(Path(nbs_dir).glob("[0-9]*.ipynb")):
        nb = json.loads(p.read_text())
        if default_exp(nb): bad += [f"{p.relative_to(ROOT)}: cell {i}" for i in figure_cells_without_image(nb)]
    return bad


def store_outputs(paths: list[Path], timeout: int = 1800) -> None:
    """Execute notebooks top to bottom with the `clurender` kernel (in nbs/, as the tests run them) and save them with
    their outputs, so that the site and a code host show their pictures. Run metadata (execution counts, timings) and
    stderr streams (progress bars, library warnings) are not kept: a re-run changes only what the notebook shows."""
    import nbformat
    from nbclient import NotebookClient
    for p in map(Path, paths):
        t0 = time.perf_counter()
        nb = nbformat.read(p, as_version=4)
        NotebookClient(nb, kernel_name="clurender", timeout=timeout, resources={"metadata": {"path": str(ROOT / "nbs")}}
                       ).execute()
        for c in nb.cells:
            c.metadata.pop("execution", None)
            if c.cell_type != "code": continue
            c.execution_count = None
            c.outputs = [o for o in c.outputs if not (o.output_type == "stream" and o.name == "stderr")]
            for o in c.outputs:
                if "execution_count" in o: o["execution_count"] = None
        nbformat.write(nb, p)
        n_img = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        print(f"stored {p} with its outputs ({n_img} pictures, {time.perf_counter() - t0:.0f} s)", flush=True)


def _show_doc_markdown(expr: str, module: str) -> str:
    "nbdev's `show_doc` card (signature, docstring, parameters) of `expr` evaluated in clurender.<module>."
    from nbdev.showdoc import show_doc
    ns = dict(vars(importlib.import_module(f"clurender.{module}")))
    md = show_doc(eval(expr, ns))._repr_markdown_().lstrip()
    md = re.sub(r"^---\s*", "", md)                                     # Quarto's rule above the card: not in a cell
    return f'<a id="{_anchor(expr)}"></a>\n\n' + md                    # the anchor nbdev's links point to


def _local_links(text: str, pages: dict[str, str], anchors: dict[str, set], here: str) -> str:
    """nbdev's absolute links to documented names, [`name`](DOC_HOST + page.html#name), → HTML links to this site's
    page (Sphinx would take a Markdown link to page.html as a cross-reference to a source file and drop it); the
    anchor is kept where that page has a `show_doc` card of the name, else the link goes to the page."""
    def sub(m):
        label, page, anchor = m.group(1), m.group(2), m.group(3) or ""
        if page not in pages: return m.group(0)
        if anchor[1:] not in anchors.get(pages[page], ()): anchor = ""
        inner = f"<code>{label[1:-1]}</code>" if label.startswith("`") and label.endswith("`") else label
        return f'<a href="{_rel(pages[page], here)}.html{anchor}">{inner}</a>'
    return re.sub(r"\[([^\]]+)\]\(" + re.escape(DOC_HOST) + r"([\w.-]+)\.html(#[\w.-]+)?\)", sub, text)


def _rewrite_links(nb: dict, pages: dict[str, str], anchors: dict[str, set], here: str) -> dict:
    "`_local_links` over a processed notebook's Markdown cells and Markdown outputs."
    for c in nb["cells"]:
        if c["cell_type"] == "markdown": c["source"] = _local_links(c["source"], pages, anchors, here)
        for o in c.get("outputs", []):
            if "text/markdown" in o.get("data", {}):
                md = o["data"]["text/markdown"]
                md = "".join(md) if isinstance(md, list) else md
                o["data"]["text/markdown"] = _local_links(md, pages, anchors, here)
    return nb


def _rel(target: str, here: str) -> str:
    "Relative path from page `here` to page `target` (both relative to the site root, no suffix)."
    import os.path
    return os.path.relpath(target, str(Path(here).parent)).replace("\\", "/")


def process_notebook(path: Path) -> tuple[dict, set]:
    """One notebook as the site shows it: nbdev's doc processors (without `exec_show_docs`), then the front matter as a
    title, Quarto cell options as myst-nb tags, `show_doc` cards filled from the package.
    → (notebook, the anchors of its cards)."""
    from nbdev.process import NBProcessor
    from nbdev.processors import FilterDefaults, exec_show_docs
    raw = json.loads(path.read_text())
    module = default_exp(raw)
    procs = [p for p in FilterDefaults().base_procs() if p is not exec_show_docs]
    from fastcore.nbio import read_nb, nb2dict
    nb = read_nb(path)
    NBProcessor(nb=nb, procs=procs, rm_directives="quarto").process()
    nb = nb2dict(nb)
    cells, cards = [], set()
    for c in nb["cells"]:
        src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        meta = {k: v for k, v in c.get("metadata", {}).items() if k == "tags"}
        if c["cell_type"] == "raw":                                       # Quarto front matter → title + description
            import yaml
            fm = yaml.safe_load(src.strip().strip("-")) or {}
            title, desc = fm.get("title", path.stem), " ".join(str(fm.get("description", "")).split())
            head = f"# {title}\n\n" + (f"> {desc}\n" if desc else "")
            cells.append(dict(cell_type="markdown", metadata={}, source=head))
            continue
        if c["cell_type"] == "markdown":
            if src.startswith("<!-- WARNING: THIS FILE WAS AUTOGENERATED"): continue
            cells.append(dict(cell_type="markdown", metadata=meta, source=src))
            continue
        d, body = _directives(src)
        if d.get("include") == "false": continue
        tags = set(meta.get("tags", []))
        if d.get("echo") == "false": tags.add("remove-input")
        outputs = c.get("outputs", [])
        m = re.fullmatch(r"show_doc\((.+)\)", body.strip())
        if m and module:
            outputs = [dict(output_type="display_data", metadata={},
                            data={"text/markdown": _show_doc_markdown(m.group(1), module)})]
            cards.add(_anchor(m.group(1)))
        cells.append(dict(cell_type="code", metadata={"tags": sorted(tags)} if tags else {}, source=body,
                          outputs=outputs, execution_count=None))
    return dict(cells=cells, metadata=dict(kernelspec=raw["metadata"].get("kernelspec", {}),
                                           language_info={"name": "python"}), nbformat=4, nbformat_minor=5), cards


def _section(stem: str) -> int | None:
    m = re.match(r"(\d+)[a-z]?_", stem)
    return next((i for i, (_, lo, hi) in enumerate(SECTIONS) if m and lo <= int(m.group(1)) <= hi), None)


def _results_pages(src: Path, only: list[str] | None) -> list[str]:
    "Copy the studies' READMEs, tables, pictures and executed notebooks (never the smoke profile's) into src/results."
    pages = []
    for f in sorted((ROOT / "results").rglob("*")):
        rel = f.relative_to(ROOT)
        if not f.is_file() or "smoke" in rel.parts or f.name.endswith(("_smoke.md", "_smoke.png")): continue
        if f.suffix not in (".md", ".ipynb", ".png"): continue
        if only and f.suffix != ".png" and not any(o in str(rel) for o in only): continue
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(f, src / rel)
        if f.suffix in (".md", ".ipynb"): pages.append(str(rel.with_suffix("")))
    return pages


def build(out: Path, only: list[str] | None = None, src: Path | None = None, quiet: bool = False) -> Path:
    """Stage nbs/ (processed), results/ and the README as a Sphinx source folder and build the HTML site into `out`.
    `only`: substrings of the notebook and results paths to include (a quick partial build; the index keeps its
    README). Returns the path of the site's index.html."""
    t0 = time.perf_counter()
    src = src or ROOT / "_site_src"
    shutil.rmtree(src, ignore_errors=True); (src / "nbs").mkdir(parents=True)
    shutil.copy2(ROOT / "docs" / "conf.py", src / "conf.py")
    import jupyter_server_mathjax
    shutil.copytree(Path(jupyter_server_mathjax.__file__).parent / "static", src / "_static" / "mathjax")
    nbs = sorted(p for p in (ROOT / "nbs").glob("[0-9]*.ipynb") if not only or any(o in p.stem for o in only))
    # nbdev's page of each notebook (output-file: the name without its number) → this site's page
    pages = {re.sub(r"^\d+[a-z]?_", "", p.stem): f"nbs/{p.stem}" for p in nbs}
    toc, done, anchors = {i: [] for i in range(len(SECTIONS))}, {}, {}
    for p in nbs:
        here = f"nbs/{p.stem}"
        done[here], anchors[here] = process_notebook(p)
        if (i := _section(p.stem)) is not None: toc[i].append(here)
        if not quiet: print(f"  processed {p.name}", flush=True)
    for here, nb in done.items():
        nb = _rewrite_links(nb, pages, anchors, here)
        (src / f"{here}.ipynb").write_text(json.dumps(nb, indent=1, ensure_ascii=False))
    results = _results_pages(src, only)
    readme = (ROOT / "README.md").read_text()
    trees = [f"```{{toctree}}\n:caption: {SECTIONS[i][0]}\n:maxdepth: 1\n\n" + "\n".join(v) + "\n```"
             for i, v in toc.items() if v]
    if results:
        trees.append("```{toctree}\n:caption: Results (stored runs)\n:maxdepth: 1\n\nresults_index\n```")
        lines = ["# Results", "", "Every study's generated README and every executed notebook under `results/`, as "
                 "committed (the command, commit, profile, seed, wall time and hardware of each run are in its "
                 "results.json and in the notebook).", "", "```{toctree}", ":maxdepth: 1", ""]
        (src / "results_index.md").write_text("\n".join(lines + results + ["```", ""]))
    (src / "index.md").write_text(readme + "\n\n## Contents\n\n" + "\n\n".join(trees) + "\n")
    html = src / "_build" / "html"              # myst-nb writes a folder beside the HTML one: both stay in the staging
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "2", str(src), str(html)]
    r = subprocess.run(cmd, cwd=src, capture_output=True, text=True)
    out = Path(out); shutil.rmtree(out, ignore_errors=True)
    if html.exists(): shutil.copytree(html, out)
    warnings = [l for l in r.stderr.splitlines() if "WARNING" in l or "ERROR" in l]
    (out / "_build_warnings.txt").parent.mkdir(parents=True, exist_ok=True)
    (out / "_build_warnings.txt").write_text("\n".join(warnings) + ("\n" if warnings else ""))
    if r.returncode: raise SystemExit(f"sphinx-build failed ({r.returncode}):\n{r.stderr[-3000:]}")
    print(f"site built in {time.perf_counter() - t0:.0f} s: {out / 'index.html'} ({len(nbs)} notebooks, "
          f"{len(results)} results pages, {len(warnings)} build warnings in {out / '_build_warnings.txt'})")
    return out / "index.html"


def broken_links(site: Path) -> list[str]:
    "Internal links and images of every page that point to no file or to no element id of the target page."
    from html.parser import HTMLParser
    class P(HTMLParser):
        def __init__(self):
            super().__init__(); self.refs, self.ids = [], set()
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if a.get("id"): self.ids.add(a["id"])
            if tag == "a" and a.get("name"): self.ids.add(a["name"])
            for k in ("href", "src"):
                v = a.get(k)
                external = re.match(r"^(https?:|mailto:|data:|javascript:)", v or "")
                if v and tag in ("a", "img", "link", "script") and not external:
                    self.refs.append(v)
    parsed = {}
    def parse(f: Path):
        if f not in parsed:
            p = P(); p.feed(f.read_text(errors="replace")); parsed[f] = p
        return parsed[f]
    bad = []
    for page in sorted(site.rglob("*.html")):
        if "_static" in page.relative_to(site).parts: continue
        for ref in parse(page).refs:
            path, _, anchor = ref.partition("#")
            target = (page.parent / path.split("?")[0]).resolve() if path else page.resolve()
            if not target.exists():
                bad.append(f"{page.relative_to(site)}: {ref} (no such file)"); continue
            if anchor and target.suffix == ".html" and anchor not in parse(target).ids:
                bad.append(f"{page.relative_to(site)}: {ref} (no element with id {anchor!r})")
    return bad


def browser_check(page: Path, screenshot: Path, timeout: float = 60.0) -> dict:
    """Open `page` in headless Chromium (Debian's chromium + chromedriver, through Selenium) and report what a reader
    sees: images decoded, MathJax output and errors, error blocks (tracebacks, Sphinx system messages)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000", "--disable-dev-shm-usage"):
        opts.add_argument(a)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_bin = shutil.which("chromedriver")
    if not (chromium and driver_bin):
        raise SystemExit("tools/docs_site.py check needs Debian's chromium and chromium-driver: "
                         "apt-get install -y chromium chromium-driver")
    opts.binary_location = chromium
    d = webdriver.Chrome(options=opts, service=Service(driver_bin))
    try:
        d.set_page_load_timeout(timeout)
        d.get(page.resolve().as_uri())
        d.set_script_timeout(timeout)
        typeset = d.execute_async_script("""                            // MathJax 2 typesets after load: wait for it
            const done = arguments[arguments.length - 1], t0 = Date.now();
            (function wait() {
                if (window.MathJax && MathJax.Hub && MathJax.isReady) MathJax.Hub.Queue(() => done(true));
                else if (Date.now() - t0 > 30000) done(false); else setTimeout(wait, 200);
            })();""")
        info = d.execute_script("""
            const imgs = [...document.querySelectorAll('main img, article img')];
            const maths = [...document.querySelectorAll('.math.notranslate')];      // Sphinx's maths containers
            return {title: document.title,
                    images: imgs.length,
                    images_broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0))
                                       .map(i => i.getAttribute('src')),
                    maths: maths.length,
                    maths_rendered: maths.filter(m => m.querySelector('.MathJax, .MathJax_Display, mjx-container'))
                                         .length,
                    maths_errors: document.querySelectorAll('.MathJax_Error, merror, mjx-merror').length,
                    error_blocks: document.querySelectorAll('.system-message, div.output.traceback, .output.error, '
                                                            + 'div.cell_output .traceback').length,
                    mathjax_loaded: !!(window.MathJax && MathJax.Hub && MathJax.isReady)};
        """)
        info["typeset_finished"] = bool(typeset)
        d.execute_script("const i = document.querySelector('main img'); if (i) i.scrollIntoView({block: 'start'});")
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        d.save_screenshot(str(screenshot))
        info["screenshot"] = str(screenshot)
        return info
    finally:
        d.quit()


def check(site: Path, page: str = "nbs/04_renderer.html", screenshot: Path | None = None) -> dict:
    """The site's checks: no broken internal link or image anywhere; the renderer page in Chromium shows its figures
    (decoded) and its equations (typeset, no MathJax error) and no error block; the build left no Sphinx warning.
    Raises AssertionError naming what failed."""
    site = Path(site)
    if not (site / "index.html").exists():
        raise SystemExit(f"{site}/index.html not found: run tools/docs_site.py build first")
    bad = broken_links(site)
    warned = (site / "_build_warnings.txt").read_text().splitlines() if (site / "_build_warnings.txt").exists() else []
    shot = screenshot or site / "_screenshots" / (Path(page).stem + ".png")
    info = browser_check(site / page, shot)
    info["broken_links"] = bad
    print(json.dumps(info, indent=1))
    assert not bad, f"{len(bad)} broken internal links/images, e.g. {bad[:5]}"
    assert not warned, f"{len(warned)} Sphinx warnings (unresolved references, bad markup), e.g. {warned[:3]}"
    assert info["images"] >= 3 and not info["images_broken"], f"{page}: figures missing or not decoded: {info}"
    assert info["mathjax_loaded"] and info["maths"] > 0 and info["maths_rendered"] >= info["maths"], \
        f"{page}: maths not rendered: {info}"
    assert info["maths_errors"] == 0 and info["error_blocks"] == 0, f"{page}: error blocks: {info}"
    print(f"site check passed: {page} ({info['images']} images, {info['maths']} equations); screenshot {shot}")
    return info


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the site from nbs/ and results/ (stored outputs)")
    b.add_argument("--out", type=Path, default=ROOT / "_site")
    b.add_argument("--only", nargs="*", help="substrings of the notebook/results paths to include (partial build)")
    c = sub.add_parser("check", help="check links, and the renderer page in headless Chromium")
    c.add_argument("--site", type=Path, default=ROOT / "_site")
    c.add_argument("--page", default="nbs/04_renderer.html")
    c.add_argument("--screenshot", type=Path)
    sub.add_parser("figures", help="fail if a library notebook's figure cell was saved without its picture")
    st = sub.add_parser("store", help="execute notebooks and save them with their outputs")
    st.add_argument("notebooks", nargs="+", type=Path)
    a = ap.parse_args()
    if a.cmd == "build": build(a.out, a.only)
    elif a.cmd == "check": check(a.site, a.page, a.screenshot)
    elif a.cmd == "store": store_outputs(a.notebooks)
    else:
        bad = check_figures()
        if bad:
            raise SystemExit("figure cells saved without their picture (execute the notebook and save it with its "
                             "outputs, e.g. in JupyterLab):\n  " + "\n  ".join(bad))
        print("every figure cell of the library notebooks has its picture saved")
