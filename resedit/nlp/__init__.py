"""The one place resedit touches spaCy.

`Annotator.annotate(text)` turns one clause into plain `Token` records (no spaCy objects leak
out), cached by clause text so re-linting after a one-clause edit re-parses only that clause.
Everything else in resedit imports this module, never spaCy.
"""
from resedit.nlp.annotator import Annotator, ModelError, load_annotator
from resedit.nlp.tokens import Annotation, Token

__all__ = ["Annotation", "Token", "Annotator", "ModelError", "load_annotator"]
