"""Build benchmark: the synthetic Kabupaten at 1, 2 and 5 years against as many plain Material pages.

    .venv/bin/python scripts/benchmark_build.py [--years 1 2 5] [--perangkat-daerah 40] [--work DIR] [--keep]

For each size it writes the synthetic cascades (scripts/make_synthetic.py), builds them with the project's
mkdocs.yml four times with a cache folder of their own (cold: every diagram rendered and every page made; warm:
nothing changed; then with one perangkat daerah's file edited, as a push usually is; then as the first build after
a change of the code, which keeps only the diagrams and charts), and builds the same number
of plain Markdown pages (a Mermaid block and a 40-row table each, in the same folders) with the same mkdocs.yml
minus the project's hook and macros plugin. It prints pages, seconds, pages per second, peak
memory (largest process of the build's tree, from getrusage), site size, the ratio to plain, the indicator
charts' and the diagrams' share of the build (the hook's own counts), where the largest site's bytes are, and what a first search
downloads. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load import load_cascades  # noqa: E402
from macros.naming import program_page  # noqa: E402

# Runs one command and prints the peak RSS (KiB) of its process tree's largest waited-for process.
_MEASURE = ("import resource, subprocess, sys\n"
            "code = subprocess.run(sys.argv[1:]).returncode\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(code)\n")


@dataclass
class Result:
    label: str
    pages: int
    seconds: float
    peak_mb: float
    site_bytes: int
    # The hook's log: its lines on the indicator charts ("Grafik indikator: N grafik dalam S detik ...") and the
    # diagrams ("Diagram program: N dirender dalam S detik ..."), where it logged them.
    log: str = ""

    def line(self, plain: Result | None = None) -> str:
        ratio = f"{self.seconds / plain.seconds:5.2f}" if plain else "    –"
        line = (f"{self.label:<24} {self.pages:>6} {self.seconds:>8.1f} {self.pages / self.seconds:>8.1f} "
                f"{self.peak_mb:>8.0f} {self.site_bytes / 1e6:>9.1f} {self.site_bytes / max(self.pages, 1) / 1e3:>8.0f}"
                f" {ratio}")
        charts = _CHARTS.search(self.log)
        if charts:
            # Drawn in other processes beside the build (the chart pool, or those making a first build's pages):
            # what they cost is processor time, of the build's length times its cores.
            line += (f"\n  charts: {charts['count']} in {charts['seconds']} s ({charts['made']} drawn, the rest cached),"
                     f" {float(charts['seconds']) / self.seconds:.0%} of the build; drawing took {charts['cpu']} s of"
                     f" processor time ({float(charts['cpu']) / (self.seconds * (os.cpu_count() or 1)):.0%} of the"
                     f" build's on {os.cpu_count()} cores)")
        diagrams = _DIAGRAMS.search(self.log)
        if diagrams:
            # They render on every core while the pages are made: their time is shared with the pages', and what
            # the build waits at the end is what they add to its length beyond that.
            line += (f"\n  diagrams: {diagrams['made']} rendered in {diagrams['seconds']} s (the rest cached), alongside "
                     f"the pages; the build then waited {diagrams['waited']} s for them")
        return line


_DIAGRAMS = re.compile(r"Diagram program: (?P<made>\d+) dirender dalam (?P<seconds>[\d.]+) detik .*?menunggu diagram "
                       r"(?P<waited>[\d.]+) detik")
_CHARTS = re.compile(r"Grafik indikator: (?P<count>\d+) grafik dalam (?P<seconds>[\d.]+) detik \((?P<made>\d+) dibuat"
                     r".*?menggambar memakai (?P<cpu>[\d.]+) detik prosesor")

# The cache folders (macros/mkdocs_hooks.py) whose entries do not depend on the package's code as a whole.
CODE_INDEPENDENT_CACHES = {"mermaid-svg", "charts"}

HEADER = (f"{'build':<24} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'site MB':>9} {'KB/page':>8}"
          f" ratio")


def run_build(label: str, config: Path, site: Path, env: dict[str, str]) -> Result:
    """Build once in a fresh process; time it and read its peak memory."""
    shutil.rmtree(site, ignore_errors=True)
    # Not --quiet: the hook's counts of the indicator charts and the diagrams are INFO lines.
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(config), "--site-dir", str(site)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{label}: build failed\n{result.stderr[-4000:]}")
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return Result(label, pages, seconds, peak_kib / 1024, size, result.stderr)


def _strip_tags_loader() -> type[yaml.SafeLoader]:
    """A loader that keeps MkDocs' custom tags (!ENV, !!python/name) as tagged values to write back."""

    class Loader(yaml.SafeLoader):
        pass

    def construct(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
        if isinstance(node, yaml.SequenceNode):
            return Tagged(node.tag, loader.construct_sequence(node))
        return Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]

    Loader.add_multi_constructor("!", construct)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", construct)
    return Loader


@dataclass
class Tagged:
    tag: str
    value: object


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


yaml.SafeDumper.add_representer(Tagged, _represent_tagged)


def plain_config(folder: Path) -> Path:
    """The project's mkdocs.yml minus its hook, macros plugin, nav and stylesheet, for plain pages in folder/docs."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_strip_tags_loader())
    for key in ("hooks", "nav", "not_in_nav", "extra_css", "extra_javascript", "watch", "site_url"):
        config.pop(key, None)
    # The project's theme overrides (its Pagefind search, its translations) are ours too: plain Material instead,
    # with Material's own search, as a plain site has it.
    config["theme"].pop("custom_dir", None)
    config["theme"]["language"] = "id"
    plugins = [p for p in config.get("plugins", []) if (p if isinstance(p, str) else next(iter(p))) != "macros"]
    if not any((p if isinstance(p, str) else next(iter(p))) == "search" for p in plugins):
        plugins.insert(0, {"search": {"lang": "id"}})
    config["plugins"] = plugins
    config.update(docs_dir="docs", site_dir="site", site_name="Plain")
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_plain_pages(data: Path, docs: Path) -> int:
    """One plain page per program page of the synthetic data, at the same address: a diagram and a 40-row table."""
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Plain\n\nHalaman uji.\n", encoding="utf-8")
    # mermaid2 (kept in the plain config) serves the Mermaid library from the docs folder.
    vendor = docs / "assets/vendor"
    vendor.mkdir(parents=True)
    shutil.copy2(ROOT / "node_modules/mermaid/dist/mermaid.min.js", vendor / "mermaid.min.js")
    count = 0
    for cf in load_cascades(data):
        for node in cf.tree.programs:
            program = node.item
            lines = [f"# {program.uraian}", "", "```mermaid", "flowchart LR"]
            names = []
            lines.append(f'  P["{program.uraian}"]')
            for k, kegiatan in enumerate(program.kegiatan):
                lines.append(f'  P --> K{k}["{kegiatan.uraian}"]')
                for s, sub in enumerate(kegiatan.sub_kegiatan):
                    lines.append(f'  K{k} --> K{k}S{s}["{sub.uraian}"]')
                    names.append(sub.uraian)
            lines += ["```", "", "| Kode | Indikator | Formulasi | Tipe | Polaritas | Sumber data |",
                      "| --- | --- | --- | --- | --- | --- |"]
            names = names or [program.uraian]
            for row in range(40):
                name = names[row % len(names)]
                lines.append(f"| I{row + 1} | Jumlah {name.lower()} | Jumlah {name.lower()} dalam satu tahun "
                             f"| Kumulatif | Positif | Data {cf.cascade.perangkat_daerah} |")
            page = docs / program_page(cf, node)
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("\n".join(lines) + "\n", encoding="utf-8")
            count += 1
    return count


def _kind(relative: str) -> str:
    """What a file of the built site is, for the weight table (addresses as macros/naming.py makes them)."""
    parts = relative.split("/")
    if parts[0] == "grafik":
        return "indicator charts (SVG)"
    if parts[0] == "diagram":
        return "diagram downloads (SVG, PNG)"
    if parts[0] in ("pagefind", "assets", "data", "katalog"):
        if parts[0] == "data" and "indikator" in parts:
            return "per-indicator CSVs"
        return {"pagefind": "search index", "assets": "theme and scripts", "katalog": "catalog of every cascade",
                "data": "downloads (JSON, CSV, XLSX, ZIP, metadata)"}[parts[0]]
    if "indikator" in parts:
        return "indicator pages" if relative.endswith(".html") else "indicator charts (SVG)"
    if "program" in parts:
        return "program pages" if relative.endswith(".html") else "diagram downloads (SVG, PNG)"
    if "katalog" in parts:
        return "cascade catalogs"
    return "other pages and files"


def weight(site: Path) -> str:
    """The built site's bytes by kind of file, largest first."""
    sizes: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for path in site.rglob("*"):
        if path.is_file():
            kind = _kind(path.relative_to(site).as_posix())
            sizes[kind] += path.stat().st_size
            counts[kind] += 1
    total = sum(sizes.values())
    return "\n".join(f"    {kind:<46} {counts[kind]:>7} files {size / 1e6:>9.1f} MB {size / total:>5.0%}"
                      f"  ({size / counts[kind] / 1e3:,.1f} KB each)" for kind, size in sizes.most_common())


def subset(full: Path, target: Path, years: int) -> Path:
    """The first `years` years of every perangkat daerah of `full`, copied into `target`."""
    shutil.rmtree(target, ignore_errors=True)
    for pd in sorted(p for p in full.iterdir() if p.is_dir()):
        (target / pd.name).mkdir(parents=True)
        for path in sorted(pd.glob("*.yaml"))[:years]:
            shutil.copy2(path, target / pd.name / path.name)
    return target


def search_download(site: Path) -> str:
    """What a first search fetches: measured in Chromium for the Pagefind search, else Material's index file."""
    bundle = site / "pagefind"
    if bundle.is_dir():
        from scripts.measure_search import first_search, served_size

        try:
            sizes = {path: served_size(site / path.lstrip("/")) for path in first_search(site, ["layanan"])}
        except Exception as error:  # a measurement: report what failed and the bundle's make-up instead
            shards = [p.stat().st_size for p in bundle.rglob("*.pf_index")]
            meta = sum(p.stat().st_size for p in bundle.rglob("*.pf_meta"))
            return (f"not measured in Chromium ({type(error).__name__}: {str(error).splitlines()[0][:100]}); "
                    f"Pagefind bundle: {len(shards)} index shards, largest {max(shards, default=0) / 1e3:,.0f} KB, "
                    f"meta {meta / 1e3:,.0f} KB")
        index = sum(sent for path, (_, sent) in sizes.items() if "/pagefind/" in path and not path.endswith(
            (".js", ".css", ".wasm")) and "pagefind-ui" not in path)
        total = sum(sent for _, sent in sizes.values())
        return f"{len(sizes)} files, {total / 1e3:,.0f} KB sent (index {index / 1e3:,.0f} KB) for the query 'layanan'"
    index = site / "search" / "search_index.json"
    if index.is_file():
        raw = index.read_bytes()
        return f"search/search_index.json {len(raw) / 1e3:,.0f} KB ({len(gzip.compress(raw)) / 1e3:,.0f} KB gzip)"
    files = [p for p in (site / "search").rglob("*") if p.is_file()] if (site / "search").is_dir() else []
    total = sum(p.stat().st_size for p in files)
    largest = max((p.stat().st_size for p in files), default=0)
    return f"search/: {len(files)} files, {total / 1e3:,.0f} KB in all, largest {largest / 1e3:,.0f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1, 2, 5])
    parser.add_argument("--perangkat-daerah", type=int, default=40)
    parser.add_argument("--work", type=Path, help="working folder (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="kinerja-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    full = work / "synthetic"
    subprocess.run([sys.executable, str(ROOT / "scripts/make_synthetic.py"), str(full),
                    "--perangkat-daerah", str(args.perangkat_daerah), "--years", str(max(args.years))],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    print(f"Working folder: {work}; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}", flush=True)
    print(HEADER, flush=True)
    try:
        for years in args.years:
            data = subset(full, work / f"data-{years}", years)
            plain_dir = work / f"plain-{years}"
            programs = write_plain_pages(data, plain_dir / "docs")
            # An empty cache folder of its own: the first build renders every diagram, the second finds them all.
            cache = work / f"cache-{years}"
            shutil.rmtree(cache, ignore_errors=True)
            ours_env = {**env, "CASCADE_DATA": str(data), "CASCADE_CACHE": str(cache)}
            plain = run_build(f"plain, {programs} pages", plain_config(plain_dir), plain_dir / "site", env)
            print(plain.line(), flush=True)
            cold = run_build(f"ours {years}y, cold cache", ROOT / "mkdocs.yml", work / f"site-{years}", ours_env)
            print(cold.line(plain), flush=True)
            warm = run_build(f"ours {years}y, warm cache", ROOT / "mkdocs.yml", work / f"site-{years}", ours_env)
            print(warm.line(plain), flush=True)
            # What a push usually is: one perangkat daerah's file changed, the rest read from the cache.
            edited = sorted(data.glob("*/*.yaml"))[-1]
            with edited.open("a", encoding="utf-8") as file:
                file.write("# disunting\n")
            one = run_build(f"ours {years}y, 1 file edited", ROOT / "mkdocs.yml", work / f"site-{years}", ours_env)
            print(one.line(plain), flush=True)
            # The first build after a change of this package's code, as the Pages workflow runs it: the diagrams and
            # charts are kept (they are keyed by what draws them), every page and parse is made again.
            for kept in cache.iterdir():
                if kept.name not in CODE_INDEPENDENT_CACHES:
                    shutil.rmtree(kept) if kept.is_dir() else kept.unlink()
            code = run_build(f"ours {years}y, code changed", ROOT / "mkdocs.yml", work / f"site-{years}", ours_env)
            print(code.line(plain), flush=True)
            print(f"  {years} year(s): {programs} program pages; first search downloads "
                  f"{search_download(work / f'site-{years}')}; plain Material: {search_download(plain_dir / 'site')}",
                  flush=True)
            print(f"  where the {warm.site_bytes / 1e6:,.0f} MB of the {years}-year site are:\n{weight(work / f'site-{years}')}",
                  flush=True)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
