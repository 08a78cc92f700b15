"""Bench figures and how they are shown: a Markdown table (README-ready) and JSON. Qt-free."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class Figure:
    """One measured figure. `limit` is the target as a number in `unit` (None: no target, shown for context);
    `value` None means it could not be measured here (`note` says why). `reference_s` is the reference loop
    (kiosk.bench.machine.reference_loop_s) measured right before this figure: this machine's speed swings
    from one day to the next, so a time is only comparable with another next to its reference."""

    key: str
    name: str
    value: float | None
    unit: str
    what: str
    limit: float | None = None
    note: str = ""
    reference_s: float | None = None

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "not measured"
        if self.limit is None:
            return "—"
        return "pass" if self.value <= self.limit else "MISS"

    @property
    def target(self) -> str:
        return "—" if self.limit is None else f"≤ {_number(self.limit)} {self.unit}"


TIME_UNITS = frozenset({"s", "ms", "%"})  # figures that depend on the machine's speed: shown with the reference


def with_reference(figures: list[Figure], reference_s: float) -> list[Figure]:
    """The same figures, each time figure carrying `reference_s` (the reference loop measured just before)."""
    return [replace(f, reference_s=reference_s) if f.unit in TIME_UNITS and f.reference_s is None else f
            for f in figures]


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p in 0..100): an actual measured value, never an interpolation."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def _number(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(figures: Sequence[Figure], machine: dict[str, str], header: dict[str, str]) -> str:
    lines = ["# psoas-kiosk bench", ""]
    for key, value in header.items():
        lines.append(f"- **{key}:** {_cell(value)}")
    lines.append("- **machine:** " + "; ".join(f"{k} {_cell(v)}" for k, v in machine.items()))
    lines += ["", "| figure | value | unit | target | result | reference loop | what was measured |",
              "| --- | ---: | --- | --- | --- | ---: | --- |"]
    for f in figures:
        value = "—" if f.value is None else _number(f.value)
        reference = "—" if f.reference_s is None else f"{f.reference_s:.3f} s"
        what = f.what + (f" ({f.note})" if f.note else "")
        lines.append(f"| {_cell(f.name)} | {value} | {f.unit} | {f.target} | {f.verdict} | {reference} | "
                     f"{_cell(what)} |")
    return "\n".join(lines) + "\n"


def write_json(path: Path, figures: Sequence[Figure], machine: dict[str, str], header: dict[str, str]) -> None:
    data = {
        **header,
        "machine": machine,
        "figures": [{**asdict(f), "target": f.target, "result": f.verdict} for f in figures],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
