"""The analyser's hot modules compiled to C with mypyc, used only while the build matches the sources.

The rules are plain Python and stay so: mypyc compiles the same files, type annotations and all, into
extension modules (the analysis takes 45 % less time per article, measured in bench/analysis.py). The build lives
outside the source tree, in ``build/analysis/``, with a digest of the sources it was made from; the
package puts it first on its search path only when that digest matches the sources as they are now, so
an edited rule is never shadowed by a stale compiled copy (it runs as Python until the next build).

    python -c 'from feeds.analysis import native; native.build()'   # `make install` does, when a source changed
    ANALYSIS_COMPILED=0                      # run the Python sources even when a build matches

A machine without a C compiler gets the Python modules: same results, slower.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BUILD_DIR = PACKAGE_DIR.parents[1] / "build" / "analysis"
MODULES_DIR = BUILD_DIR / "feeds" / "analysis"  # the compiled modules, searched before the sources
RUNTIME_DIR = BUILD_DIR / "runtime"  # the library mypyc makes for the group, imported by its own name
STAMP = BUILD_DIR / "SOURCES"
# The modules an article's analysis runs through, per hit or per mention. Not compiled: ``results`` (the
# dataclasses the rest of the project reads), the index builder (Django models, run once per process), the
# vocabulary lists, and this module.
COMPILED = ("agencies", "analyzer", "chars", "choice", "dates", "disambiguation", "entries", "keys", "kinds",
            "matching", "mentions", "relevance", "roles", "states", "terms", "text")


def sources_digest() -> str:
    """Digest of every source of the package (a compiled module also bakes in the types and constants of
    the modules it imports) and of the interpreter the build is for."""
    digest = hashlib.sha256(sysconfig.get_config_var("EXT_SUFFIX").encode())
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def enable(package_path: list[str]) -> bool:
    """Search the compiled modules first when a build matches the sources. Called by the package before it
    imports any of them; returns whether it did."""
    if os.environ.get("ANALYSIS_COMPILED", "1") == "0":
        return False
    try:
        if STAMP.read_text().strip() != sources_digest():
            return False
    except OSError:
        return False
    package_path.insert(0, str(MODULES_DIR))
    if str(RUNTIME_DIR) not in sys.path:
        sys.path.append(str(RUNTIME_DIR))
    return True


def compiled_modules() -> list[str]:
    """The analyser modules this process runs compiled (for the benchmark's report and the tests)."""
    return sorted(name for name in COMPILED if not _module_file(name).endswith(".py"))


def _module_file(name: str) -> str:
    module = sys.modules.get(f"feeds.analysis.{name}")
    return getattr(module, "__file__", "") or ""


def build() -> None:
    """Compile COMPILED into BUILD_DIR. The sources are copied to a scratch directory first, so mypyc's
    in-place output never lands beside them."""
    digest = sources_digest()
    with tempfile.TemporaryDirectory(prefix="analysis-build-") as scratch:
        work = Path(scratch)
        package = work / "feeds" / "analysis"
        package.mkdir(parents=True)
        (work / "feeds" / "__init__.py").write_text("")
        for path in PACKAGE_DIR.glob("*.py"):
            shutil.copy2(path, package / path.name)
        mypyc = Path(sys.executable).with_name("mypyc")
        command = [str(mypyc), "--ignore-missing-imports", "--follow-imports=silent",
                   *(f"feeds/analysis/{name}.py" for name in COMPILED)]
        done = subprocess.run(command, cwd=work, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
            raise SystemExit(f"mypyc failed (exit {done.returncode}); the analyser runs as Python.")
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        shutil.rmtree(BUILD_DIR, ignore_errors=True)
        MODULES_DIR.mkdir(parents=True)
        RUNTIME_DIR.mkdir(parents=True)
        for name in COMPILED:
            shutil.move(package / f"{name}{suffix}", MODULES_DIR / f"{name}{suffix}")
        for runtime in work.glob(f"*__mypyc{suffix}"):
            shutil.move(runtime, RUNTIME_DIR / runtime.name)
    STAMP.write_text(digest + "\n")  # last: a build cut short is never used
    print(f"Compiled {len(COMPILED)} analyser modules into {BUILD_DIR}")
