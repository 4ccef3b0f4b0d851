"""A document written to attack the UI: script tags, event handlers and ``javascript:`` links in
actor names, aliases, sentences, titles, outlets and URLs. Nothing of it may ever run.

Every payload sets ``window.__pwned``; tests assert it stays undefined.
"""

from __future__ import annotations

from datetime import date

from graph.model import ActorKind, Extraction, Mention, RelationType
from tests.factories import make_actor, make_claim, make_document

IMG = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "</script><script>window.__pwned=1</script>"
JS_LINK = "javascript:window.__pwned=1"
MD_LINK = f"[click me]({JS_LINK})"

HOSTILE_A = "evil-brigade"
HOSTILE_B = "script-front"


def hostile_batch() -> Extraction:
    """Two actors with hostile names, one claim each way, in a document with a hostile URL."""
    doc = make_document(
        f"Hostile report {IMG} {SCRIPT}", source=f"Outlet {IMG}", day=date(2016, 2, 1),
        title=f"Title {SCRIPT} {MD_LINK}", url=JS_LINK,
    )
    a = make_actor(HOSTILE_A, f"Evil {IMG} Brigade", MD_LINK, SCRIPT,
                   kind=ActorKind.ARMED_GROUP)
    b = make_actor(HOSTILE_B, f"Script {SCRIPT} Front", f"<a href='{JS_LINK}'>x</a>",
                   kind=ActorKind.MILITIA, curated=False)
    sentence = f"{a.name} fought {b.name} near {MD_LINK} {IMG}."
    fight = make_claim(HOSTILE_A, HOSTILE_B, RelationType.HOSTILITY, doc, day=date(2016, 2, 1),
                       sentence=sentence, start=10)
    start_b = sentence.index(b.name)
    fight = fight.model_copy(update={"evidence": fight.evidence.model_copy(update={
        "mentions": (Mention(actor=HOSTILE_A, start=0, end=len(a.name), text=a.name),
                     Mention(actor=HOSTILE_B, start=start_b, end=start_b + len(b.name),
                             text=b.name))})})
    truce = make_claim(HOSTILE_B, HOSTILE_A, RelationType.TRUCE, doc, day=date(2016, 2, 2),
                       sentence=f"{b.name} agreed a truce {SCRIPT} with {a.name}.", start=400,
                       hedged=True)
    return Extraction(documents=(doc,), actors=(a, b), claims=(fight, truce))
