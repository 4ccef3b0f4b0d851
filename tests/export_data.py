"""Hostile test data for snapshot export: actor names, aliases, evidence and links that would run
code if any writer pasted them into markup, a spreadsheet formula or a matplotlib mathtext string.

Every script payload sets ``window.__pwned`` (to a value naming where it came from), so a browser
test only has to check that the flag stays unset.
"""

from __future__ import annotations

from datetime import date

from graph.model import ActorKind, Extraction, RelationType
from tests.factories import make_actor, make_claim, make_document, sample_batch

IMG_NAME = '<img src=x onerror="window.__pwned=\'name\'">Brigade'
SCRIPT_ALIAS = "</script><script>window.__pwned='alias'</script>"
SCRIPT_SENTENCE = (
    "</script><script>window.__pwned='evidence'</script> Brigade fought "
    "<b onmouseover=\"window.__pwned='b'\">Shield</b> near Azaz."
)
JS_URL = "javascript:window.__pwned='url'"
FORMULA_NAME = "=HYPERLINK(\"http://evil.example/\",\"click\")"
# Unbalanced dollar signs break matplotlib's mathtext parser unless text is taken literally.
MATH_NAME = "Shield $x^ of the \u2028 North & <Co>"
# A form feed (common in text pulled from PDFs) is not allowed anywhere in XML 1.0.
CONTROL_ALIAS = "Liwa\x0cal-Fatah"

HOSTILE_IDS = ("img-brigade", "north-shield", "formula-front")


def hostile_batch() -> Extraction:
    """The sample batch plus three hostile actors joined to it by hostile and ally claims."""
    base = sample_batch()
    doc = make_document("Hostile brief: evidence with markup in it.", source="<i>Outlet</i>",
                        day=date(2016, 2, 20), title="<script>window.__pwned='title'</script>",
                        url=JS_URL)
    actors = (
        make_actor(HOSTILE_IDS[0], IMG_NAME, SCRIPT_ALIAS, "javascript:alert(1)"),
        make_actor(HOSTILE_IDS[1], MATH_NAME, "$\\frac{1}{0}$", CONTROL_ALIAS,
                   kind=ActorKind.MILITIA),
        make_actor(HOSTILE_IDS[2], FORMULA_NAME, "@SUM(A1:A9)", curated=False),
    )
    claims = (
        make_claim(HOSTILE_IDS[0], HOSTILE_IDS[1], RelationType.HOSTILITY, doc,
                   day=date(2016, 2, 18), sentence=SCRIPT_SENTENCE, start=9000),
        make_claim(HOSTILE_IDS[2], HOSTILE_IDS[0], RelationType.ALLIANCE, doc,
                   day=date(2016, 2, 19), sentence=f"{FORMULA_NAME} allied with them.",
                   start=9100),
        make_claim(HOSTILE_IDS[1], "ypg", RelationType.SUPPORT, doc, day=date(2016, 2, 20),
                   start=9200),
    )
    return Extraction(documents=(*base.documents, doc), actors=(*base.actors, *actors),
                      claims=(*base.claims, *claims), places=base.places)
