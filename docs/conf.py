# Sphinx configuration of the companion's website (issue #20). `python tools/docs_site.py build` copies this file into the
# staging folder it fills from nbs/ and results/ and runs sphinx-build there; see tools/docs_site.py for why Sphinx + myst-nb.
project = "clurender"
author = "clurender contributors"
copyright = "2026, clurender contributors (code); Mei et al. 2024 (the method, IJCV)"
extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
html_theme = "sphinx_book_theme"
html_title = "clurender: CluRender as literate notebooks"
html_theme_options = {"show_toc_level": 2, "home_page_in_toc": True, "use_download_button": False,
                      "repository_url": "https://github.com/clurender/clurender", "use_repository_button": False}
html_static_path = ["_static"]
html_last_updated_fmt = None
# maths offline: MathJax 2.7 from the jupyter-server-mathjax wheel, copied into _static/mathjax by the build
mathjax_path = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"
# (the wheel ships the STIX-Web fonts only: MathJax is told so, else it looks for its TeX fonts and stops)
mathjax2_config = {"tex2jax": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]],
                               "processRefs": False, "processEnvironments": False,
                               "processClass": "math"},   # myst-nb marks notebook sections tex2jax_ignore
                   "HTML-CSS": {"availableFonts": ["STIX-Web"], "preferredFont": "STIX-Web", "webFont": "STIX-Web",
                                "imageFont": None}}
# notebooks are shown as stored: never executed here
nb_execution_mode = "off"
nb_output_stderr = "remove"               # progress bars and warnings of the stored runs
nb_merge_streams = True
nb_render_markdown_format = "myst"        # nbdev's show_doc output (signatures, docstrings) is Markdown
myst_enable_extensions = ["dollarmath", "amsmath", "attrs_inline", "colon_fence"]
myst_dmath_double_inline = True
suppress_warnings = ["myst.header", "mystnb.unknown_mime_type"]
