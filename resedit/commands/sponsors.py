"""`resedit sponsors PAPER`: list, add, remove and withdraw sponsors and signatories.

Without a change option it lists both lists with counts and the threshold status. Changes are
applied in the order given (adds, then removals, then withdrawals), all or nothing: if one is
refused, the paper is not written. Each accepted change is appended to the paper's history, which
the file keeps (.resedit natively; .txt and .docx as `# history:` lines).
"""
from __future__ import annotations

import json
import sys

HELP = "list, add, remove or withdraw sponsors and signatories, with history"


def add_arguments(parser) -> None:
    parser.add_argument("paper", metavar="PAPER", help="the paper (.txt, .resedit, .docx)")
    parser.add_argument("--add", action="append", default=[], metavar="STATE",
                        help="add a State (any common spelling; the UN short name is written); repeatable")
    parser.add_argument("--as", dest="role", choices=("sponsor", "signatory"),
                        help="the role for --add (required with it); with --remove/--withdraw, "
                             "which list when the State is in both")
    parser.add_argument("--remove", action="append", default=[], metavar="STATE",
                        help="take a State off its list (a correction); repeatable")
    parser.add_argument("--withdraw", action="append", default=[], metavar="STATE",
                        help="record that a State withdrew its support; repeatable")
    parser.add_argument("--by", metavar="NAME", help="who makes the change (default: your login name)")
    parser.add_argument("--note", default="", help="a note kept with each change in the history")
    parser.add_argument("--history", action="store_true", help="show every recorded change")
    parser.add_argument("--committee", metavar="CODE",
                        help="committee profile (default: the paper's Committee: line, else CCPCJ)")
    parser.add_argument("--conference", metavar="NAME",
                        help="conference rules: a profile in lexicon/conferences/ or a .yaml path "
                             "(default $RESEDIT_CONFERENCE, else nmun-ny)")
    parser.add_argument("--present", type=int, metavar="N",
                        help="members present, as the dais announced (for thresholds counted on attendance)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args) -> int:
    from resedit.committees import load_committee
    from resedit.errors import ResEditError
    from resedit.formats import read_paper, write_paper
    from resedit.lint.body import choose_body
    from resedit.sponsorship import changes
    from resedit.sponsorship.conference import load_conference

    if args.add and not args.role:
        raise ResEditError("--add needs --as sponsor or --as signatory")
    if args.present is not None and args.present < 1:
        raise ResEditError("--present must be a positive number")
    paper = read_paper(args.paper)
    committee = choose_body(paper, load_committee(args.committee) if args.committee else None)
    conference = load_conference(args.conference)
    common = {"committee": committee, "conference": conference, "who": args.by, "note": args.note}
    done, refused = [], []
    steps = ([("add", s) for s in args.add] + [("remove", s) for s in args.remove]
             + [("withdraw", s) for s in args.withdraw])
    for action, typed in steps:
        try:
            if action == "add":
                change = changes.add(paper, typed, args.role, **common)
            else:
                change = getattr(changes, action)(paper, typed, role=args.role, **common)
        except changes.Refused as exc:
            refused.append(f"refused: {action} {typed!r}: {exc}")
            continue
        done.append(change)
    if refused:
        for line in refused:
            print(f"resedit: {line}", file=sys.stderr)
        if done:
            print(f"resedit: nothing written; {len(done)} other change(s) not applied either",
                  file=sys.stderr)
        return 1
    if done:
        write_paper(paper, args.paper)
        for change in done:
            print(_describe(change.entry), file=sys.stderr)
            for warning in change.warnings:
                print(f"  warning: {warning}", file=sys.stderr)
    _report(paper, committee, conference, args)
    return 0


def _describe(entry) -> str:
    verb = {"add": "added", "remove": "removed", "withdraw": "withdrew"}[entry.action]
    if entry.action == "add":
        text = f"{verb} {entry.state} as {entry.role}"
    elif entry.action == "withdraw":
        text = f"{entry.state} {verb} as {entry.role}"
    else:
        text = f"{verb} {entry.state} from the {entry.role} list"
    return text + (f" ({entry.note})" if entry.note else "") + f", by {entry.who}"


def _report(paper, committee, conference, args) -> None:
    from resedit.lint import lint, load_rules
    from resedit.sponsorship.analysis import analyse

    analysis = analyse(paper, committee, conference, args.present)
    rules = [r for r in load_rules() if r.category == "sponsorship"]
    findings = [d for d in lint(paper, rules, committee, conference=conference, present=args.present)
                if d.code not in {"SPO008", "SPO009"}]  # the status line says these
    if args.format == "json":
        out = {**analysis.summary(), "counted": analysis.counted, "missing": analysis.missing,
               "basis": analysis.requirement.basis, "conference": conference.code,
               "committee": committee.code, "sponsor_list": list(paper.sponsors),
               "signatory_list": list(paper.signatories),
               "findings": [d.to_json() for d in findings]}
        if args.history:
            out["history"] = [vars(h) for h in paper.history]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    lines = [f"{paper.code or '(no code)'}: {committee.code}, {conference.name}"]
    for role, names in (("Sponsors", paper.sponsors), ("Signatories", paper.signatories)):
        lines.append(f"{role} ({len(names)}): {', '.join(names) if names else '(none)'}")
    for d in findings:
        lines.append(f"  {d.code} {d.severity}: {d.message}")
    status = "met" if analysis.met else (
        f"NOT met, {analysis.missing} more needed" if analysis.missing else "NOT met, no sponsor")
    lines.append(f"Threshold: {analysis.counted} of {analysis.requirement.required} required "
                 f"({analysis.requirement.basis}): {status}")
    if args.history:
        lines.append(f"History ({len(paper.history)}):")
        for h in paper.history:
            note = f"  ({h.note})" if h.note else ""
            lines.append(f"  {h.at}  {h.who}  {h.action} {h.role}  {h.state}{note}")
    sys.stdout.write("\n".join(lines) + "\n")
