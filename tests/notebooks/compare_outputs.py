#!/usr/bin/python3
"""Compare the outputs of two executions of the same notebook, cell by cell.

    compare_outputs.py EXPECTED.ipynb ACTUAL.ipynb [--values]

Without --values only the kind of each output is compared: the same code cells, and for each the same sequence of
output types, stream names and mime types. That is what must not drift between a committed notebook and a fresh
run. With --values the contents are compared too (stream text, text/plain, Plotly JSON, errors, HTML), after masking
what legitimately differs between runs: timings, generated element ids, and progress-bar widths.
Exits 0 when they match, 1 with one line per difference otherwise.
"""
import json
import re
import sys

VOLATILE = [
    (re.compile(r"\b\d+(\.\d+)?\s?(ms|s)\b"), "<time>"),                # "done after 0.2 s", "Wall time: 12.3ms"
    (re.compile(r"gdnb-[0-9a-f]{6,}"), "gdnb-<id>"),                     # chart div ids
    (re.compile(r"width:\s?\d+(\.\d+)?%"), "width:<pct>"),               # progress bars
]


def mask(text):
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def joined(value):
    return "".join(value) if isinstance(value, list) else value


def kind(output):
    t = output["output_type"]
    if t == "stream":
        return (t, output["name"])
    if t in ("display_data", "execute_result"):
        return (t, tuple(sorted(output.get("data", {}))))
    return (t,)


def value(output):
    t = output["output_type"]
    if t == "stream":
        return mask(joined(output["text"]))
    if t == "error":
        return (output["ename"], mask(output["evalue"]))
    data = {}
    for mime, content in output.get("data", {}).items():
        if mime.endswith("json"):
            data[mime] = json.dumps(content, sort_keys=True)
        else:
            data[mime] = mask(joined(content))
    return data


def code_cells(path):
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    # Cells injected by `gdnb run --param` are not in the committed notebook.
    return [c for c in cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]


def merged_streams(outputs):
    """Jupyter front ends may split one stream into several messages; compare the merged text."""
    merged = []
    for o in outputs:
        if o["output_type"] == "stream" and merged and merged[-1]["output_type"] == "stream" and merged[-1]["name"] == o["name"]:
            merged[-1] = dict(merged[-1], text=joined(merged[-1]["text"]) + joined(o["text"]))
        else:
            merged.append(o)
    return merged


def compare(expected_path, actual_path, values):
    problems = []
    expected, actual = code_cells(expected_path), code_cells(actual_path)
    if len(expected) != len(actual):
        return [f"{len(expected)} code cells in {expected_path}, {len(actual)} in {actual_path}"]
    for number, (e, a) in enumerate(zip(expected, actual), start=1):
        if joined(e["source"]) != joined(a["source"]):
            problems.append(f"cell {number}: the sources differ")
            continue
        eo, ao = merged_streams(e.get("outputs", [])), merged_streams(a.get("outputs", []))
        ek, ak = [kind(o) for o in eo], [kind(o) for o in ao]
        if ek != ak:
            problems.append(f"cell {number}: outputs {ek} != {ak}")
            continue
        if values:
            for i, (x, y) in enumerate(zip(eo, ao)):
                vx, vy = value(x), value(y)
                if vx != vy:
                    problems.append(f"cell {number}, output {i + 1}: values differ:\n  {str(vx)[:300]}\n  {str(vy)[:300]}")
    return problems


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = compare(args[0], args[1], "--values" in sys.argv)
    for p in problems:
        print(f"{args[1]}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
