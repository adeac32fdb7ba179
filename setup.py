"""Packaging from settings.ini, as nbdev 2's project template does it (settings.ini is the one place for settings)."""
from configparser import ConfigParser
import setuptools

config = ConfigParser(delimiters=["="])
config.read("settings.ini", encoding="utf-8")
cfg = config["DEFAULT"]
for k in "version description keywords author author_email min_python lib_name user license status".split():
    assert k in cfg, f"settings.ini: missing `{k}`"

licenses = {"apache2": ("Apache Software License 2.0", "OSI Approved :: Apache Software License")}
statuses = ["1 - Planning", "2 - Pre-Alpha", "3 - Alpha", "4 - Beta", "5 - Production/Stable", "6 - Mature",
            "7 - Inactive"]
py_versions = "3.10 3.11 3.12 3.13".split()
lic = licenses[cfg["license"].lower()]
min_python = cfg["min_python"]
lib_path = cfg["lib_path"]

setuptools.setup(
    name=cfg["lib_name"], version=cfg["version"], description=cfg["description"],
    license=lic[0], author=cfg["author"], author_email=cfg["author_email"], keywords=cfg["keywords"].split(),
    classifiers=["Development Status :: " + statuses[int(cfg["status"])], "Intended Audience :: " + cfg["audience"],
                 "Natural Language :: " + cfg["language"], "License :: " + lic[1]]
                + [f"Programming Language :: Python :: {v}" for v in py_versions[py_versions.index(min_python):]],
    url=cfg["git_url"], project_urls={"Documentation": cfg["doc_host"] + cfg["doc_baseurl"]},
    packages=setuptools.find_packages(include=[lib_path, f"{lib_path}.*"]), include_package_data=True,
    install_requires=cfg.get("requirements", "").split(),
    extras_require={"docs": cfg.get("docs_requirements", "").split()},
    python_requires=">=" + min_python,
    long_description=open("README.md", encoding="utf-8").read(), long_description_content_type="text/markdown",
    zip_safe=False,
    entry_points={"console_scripts": cfg.get("console_scripts", "").split(),
                  "nbdev": [f"{lib_path}={lib_path}._modidx:d"]},
)
