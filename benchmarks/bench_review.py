"""Dais review throughput on 100 generated papers, as a ratio to bare spaCy on the same clauses.

Baseline: the pinned English pipeline (loaded the same way resedit loads it, NER excluded) runs
`nlp.pipe` over every clause text of the 100 papers. Review: `review_batch` reads every file (half
.docx, half .txt), lints it with all rules and the language model, one worker process. Both in the
same run, the model loaded beforehand for both and the annotator's cache emptied before each
review, so throughput ratio = baseline time / review time (target >= 0.8). Then the same review
with two worker processes, for the speed-up. The machine may be shared: the measurements are
interleaved and each figure is the best of REPEAT. Run: uv run python benchmarks/bench_review.py
"""
from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from resedit.formats import write_paper
from resedit.model import Clause, WorkingPaper

PAPERS = 100
REPEAT = 3
PREAMBLE = ["Recalling", "Reaffirming", "Deeply concerned by", "Noting with appreciation",
            "Recognizing", "Bearing in mind", "Acknowledging", "Emphasizing", "Welcoming",
            "Alarmed by", "Guided by", "Taking note of"]
OPERATIVE = ["Urges Member States to", "Encourages Member States to", "Requests the United Nations "
             "Office on Drugs and Crime to", "Invites Member States to", "Recommends that Member "
             "States", "Calls upon Member States to", "Decides to", "Welcomes the efforts of States to",
             "Further invites relevant organizations to", "Emphasizes the need to"]
TOPICS = ["trafficking in persons", "the smuggling of migrants", "cybercrime", "corruption in "
          "public procurement", "the protection of victims", "forced labour in supply chains",
          "the training of border officials", "the collection of disaggregated data",
          "cooperation between financial intelligence units", "child sexual exploitation online"]
ACTIONS = ["strengthen", "review", "fund", "coordinate", "evaluate", "harmonize", "support",
           "expand", "monitor", "share information on"]
WHERE = ["in every region", "at the national level", "with civil society", "in countries of "
         "origin, transit and destination", "through South-South cooperation",
         "in line with the Protocol", "within existing resources", "by its next session"]


def generate(index: int, rng: random.Random) -> WorkingPaper:
    def phrase() -> str:
        return f"{rng.choice(ACTIONS)} measures against {rng.choice(TOPICS)} {rng.choice(WHERE)}"

    preamble = [Clause(f"{rng.choice(PREAMBLE)} the report on {rng.choice(TOPICS)} "
                       f"({index}/{n}) {rng.choice(WHERE)},") for n in range(rng.randint(4, 7))]
    operative = []
    count = rng.randint(6, 10)
    for n in range(count):
        end = "." if n == count - 1 else ";"
        if rng.random() < 0.25 and n < count - 1:
            children = [Clause(f"{phrase().capitalize()} (item {index}.{n}.{k});")
                        for k in range(rng.randint(2, 4))]
            operative.append(Clause(f"{rng.choice(OPERATIVE)}:", children=children))
        else:
            operative.append(Clause(f"{rng.choice(OPERATIVE)} {phrase()} (paper {index}, "
                                    f"paragraph {n + 1}){end}"))
    return WorkingPaper(code=f"CCPCJ/1/{index}", committee="Commission on Crime Prevention and "
                        "Criminal Justice", topic="Countering trafficking in persons",
                        sponsors=["Brazil", "Viet Nam", "Kenya"], signatories=["Chile", "Türkiye"],
                        opening="The Commission on Crime Prevention and Criminal Justice,",
                        preamble=preamble, operative=operative)


def main() -> None:
    import spacy

    from resedit.nlp import load_annotator
    from resedit.nlp.annotator import model_dir
    from resedit.review import review_batch

    rng = random.Random(6)
    papers = [generate(i, rng) for i in range(1, PAPERS + 1)]
    texts = [c.text for p in papers for _, _, _, c in p.clauses()]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, paper in enumerate(papers):
            path = Path(folder) / f"paper{i:03d}.{'docx' if i % 2 else 'txt'}"
            write_paper(paper, path)
            paths.append(path)
        nlp = spacy.load(model_dir(), exclude=["ner"])
        annotator = load_annotator()  # the review's own, loaded before any timing
        txt_paths = [p for p in paths if p.suffix == ".txt"]
        docx_paths = [p for p in paths if p.suffix == ".docx"]
        txt_texts = [c.text for i, p in enumerate(papers) if i % 2 == 0 for _, _, _, c in p.clauses()]
        out = Path(folder) / "out"

        def review(batch, jobs=1, out_dir=None):
            def run():
                annotator._cache.clear()  # every clause parsed afresh, like a new batch
                results = review_batch(batch, jobs=jobs, out_dir=out_dir)
                assert all("error" not in r for r in results)
            return run

        from resedit.formats import read_paper
        # Interleaved, so a burst of load from other users hits every measurement alike.
        steps = {"bare": lambda: list(nlp.pipe(texts)), "one": review(paths), "two": review(paths, 2),
                 "copies": review(paths, 1, out), "bare_txt": lambda: list(nlp.pipe(txt_texts)),
                 "txt_only": review(txt_paths), "read_docx": lambda: [read_paper(p) for p in docx_paths]}
        times = {name: [] for name in steps}
        for _ in range(REPEAT):
            for name, step in steps.items():
                start = time.perf_counter()
                step()
                times[name].append(time.perf_counter() - start)
        bare, one, two, with_copies, bare_txt, txt_only, read_docx = (min(times[n]) for n in steps)
    words = sum(len(t.split()) for t in texts)
    print(f"{PAPERS} papers (half .docx, half .txt), {len(texts)} clauses, {words} words; "
          f"{os.cpu_count()} cores; best of {REPEAT}")
    print(f"  bare spaCy nlp.pipe over the clause texts  {bare:7.2f} s  (baseline)")
    print(f"  review, 1 worker                           {one:7.2f} s  throughput ratio {bare / one:.2f}"
          f"  (target >= 0.8)")
    print(f"  review, 2 workers                          {two:7.2f} s  speed-up {one / two:.2f}x"
          f"  ratio {bare / two:.2f}")
    print(f"  review, 1 worker, with annotated copies    {with_copies:7.2f} s  ratio {bare / with_copies:.2f}")
    print(f"  the 50 .txt papers alone: bare spaCy {bare_txt:.2f} s, review {txt_only:.2f} s, "
          f"ratio {bare_txt / txt_only:.2f}")
    print(f"  reading the 50 .docx papers (safety scan + docx2python + segmentation): "
          f"{read_docx:.2f} s, {read_docx / len(docx_paths) * 1e3:.0f} ms a paper")


if __name__ == "__main__":
    main()
