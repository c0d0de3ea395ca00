"""`resedit check PATH...`: lint papers and report in text or JSON (resedit/report/)."""
from __future__ import annotations

import sys

from resedit.errors import ResEditError

HELP = "check papers and report findings (text or JSON)"
FAIL_ON = ("error", "warning", "info", "never")


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="papers (.txt, .docx, .resedit)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--committee", metavar="CODE",
                        help="lint under this committee's profile (default: the paper's Committee: line, else CCPCJ)")
    parser.add_argument("--conference", metavar="NAME", help="conference rules for sponsorship (default NMUN-NY)")
    parser.add_argument("--present", type=int, metavar="N",
                        help="delegations present, when the threshold counts attendance")
    parser.add_argument("--select", default="", metavar="CODES",
                        help="only rules with these code prefixes, comma-separated")
    parser.add_argument("--ignore", default="", metavar="CODES", help="skip rules with these code prefixes")
    parser.add_argument("--fail-on", choices=FAIL_ON, default="error",
                        help="exit 1 when a finding of this severity or worse is reported")
    parser.add_argument("--no-nlp", action="store_true",
                        help="structural rules only (no language model): instant, less thorough")


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def run(args) -> int:
    from resedit.committees import load_committee
    from resedit.errors import InputError
    from resedit.formats import read_paper
    from resedit.lint import load_rules
    from resedit.lint.engine import matches
    from resedit.lint.kinds import KINDS
    from resedit.lint.pipeline import Options, check_paper
    from resedit.report import json_report, text_report

    rules = load_rules()
    select, ignore = _codes(args.select), _codes(args.ignore)
    forced = load_committee(args.committee) if args.committee else None
    for flag, codes in (("--select", select), ("--ignore", ignore)):
        unknown = [c for c in codes if not any(r.id.startswith(c) for r in rules)]
        if unknown:  # a typo here would silently check nothing, or everything
            families = ", ".join(sorted({r.id[:3] for r in rules}))
            raise ResEditError(f"{flag}: no rule code starts with {', '.join(unknown)} "
                               f"(families: {families}; `resedit explain FAMILY` lists codes)")
    active = [r for r in rules if (not select or matches(r.id, select)) and not matches(r.id, ignore)]
    annotator = None
    if args.no_nlp and any(KINDS[r.kind].needs_nlp for r in active):
        print("resedit: --no-nlp: the opener and mandate rules (they need the language model) "
              "were not run", file=sys.stderr)
    if not args.no_nlp and any(KINDS[r.kind].needs_nlp for r in active):
        from resedit.nlp import ModelError, load_annotator

        try:
            annotator = load_annotator()
        except ModelError as exc:
            raise ResEditError(str(exc)) from exc
    options = Options(committee=forced, rules=tuple(active), annotator=annotator,
                      conference=args.conference, present=args.present)
    entries, outputs, worst = [], [], 0
    threshold = FAIL_ON.index(args.fail_on)
    for path in args.paths:
        try:
            paper = read_paper(path)
        except InputError as exc:
            print(f"resedit: {exc}", file=sys.stderr)
            entry = json_report.error_entry(str(path), exc.reason)
            entries.append(entry)
            outputs.append(text_report.render_file(entry, []))
            worst = 2
            continue
        checked = check_paper(paper, options)
        diagnostics = checked.findings
        entry = json_report.file_entry(str(path), checked.committee.code, diagnostics,
                                       checked.sponsorship.summary(), paper.notes)
        entries.append(entry)
        outputs.append(text_report.render_file({**entry, "sponsorship_line": checked.sponsorship.line()},
                                               diagnostics, lambda d, paper=paper: span_text(paper, d)))
        if any(FAIL_ON.index(d.severity) <= threshold for d in diagnostics):
            worst = max(worst, 1)
    if args.format == "json":
        sys.stdout.write(json_report.render(entries))
    else:
        sys.stdout.write("".join(line + "\n" for lines in outputs for line in lines))
    return worst


def span_text(paper, diagnostic) -> str | None:
    """The text a finding's start..end offsets index: its clause, or the sponsor list as written."""
    loc = diagnostic.location
    if loc.clause_id:
        clause = paper.find(loc.clause_id)
        return clause.text if clause else None
    if loc.part == "sponsors":
        for field in ("sponsors", "signatories"):
            if paper.lines.get(field) == loc.line:
                return ", ".join(getattr(paper, field))
    return None
