"""The lint process: loads the language model and lints papers sent to it, as JSON lines.

Run as `python -m resedit.editor.lint_worker`. It is started before the editor's event loop (loading
spaCy inside the UI process froze key presses for ~1.8 s). Protocol,
one JSON object per line:
  out: {"ready": true} once the model is loaded, or {"error": "..."} if it cannot be
  in:  {"id": N, "paper": {...}}   out: {"id": N, "diagnostics": [...]}  (model rules only)
"""
from __future__ import annotations

import json
import sys


def _send(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main() -> int:
    import os

    # Background work: loading the model (seconds of CPU) must not slow the editor's first paint
    # and key presses on a busy machine; when the CPU is free it loads as fast as before.
    if hasattr(os, "nice"):
        os.nice(10)
    from resedit.editor.findings import nlp_rule_ids
    from resedit.formats.native import paper_from_dict
    from resedit.lint.pipeline import Options, check_paper
    from resedit.lint.rules import load_rules
    from resedit.report.json_report import to_wire

    try:
        from resedit.nlp import load_annotator
        annotator = load_annotator()
        rules = load_rules()
        options = Options(rules=tuple(r for r in rules if r.id in nlp_rule_ids(rules)), annotator=annotator)
    except Exception as exc:  # the editor keeps working with the fast rules
        _send({"error": f"{type(exc).__name__}: {exc}"})
        return 1
    _send({"ready": True})
    for line in sys.stdin:
        try:
            request = json.loads(line)
            paper = paper_from_dict(request["paper"])
            found = check_paper(paper, options).findings
            _send({"id": request["id"], "diagnostics": [to_wire(d) for d in found]})
        except Exception as exc:
            _send({"id": request.get("id") if isinstance(request, dict) else None,
                   "error": f"{type(exc).__name__}: {exc}"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
