"""The trigger vocabulary of relation extraction: which words state which relation.

Closed, hand-written lists per relation family (see ``docs/relations.md``), plus the small
inflection tables that replace spaCy's lemmatizer (not loaded: it costs time and extraction
only needs these few hundred forms).

>>> VERB_FORMS["fought"], VERB_FORMS["backed"], NOUN_FORMS["clashes"]
('fight', 'back', 'clash')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VerbSpec:
    """What a trigger verb means: its family and the prepositions that introduce its target."""

    family: str
    preps: frozenset[str] = frozenset()


def _v(family: str, *preps: str) -> VerbSpec:
    return VerbSpec(family, frozenset(preps))


# Verb lemmas. Families: hostility, alliance, truce, joint, support, includes (subject is the
# coalition), joins (subject is the member), capture (a place), prevent (hostility through
# "the advance of X").
VERBS: dict[str, VerbSpec] = {
    **{v: _v("hostility", "on", "upon", "against") for v in (
        "attack", "assault", "ambush", "shell", "bomb", "bombard", "pound", "target", "raid",
        "besiege", "encircle", "surround", "oppose", "confront", "engage", "repel", "repulse",
        "rout", "defeat", "kill", "expel", "strike", "hit", "shoot", "storm", "overwhelm",
        "ambush", "counter", "resist", "outflank", "massacre", "execute", "kidnap", "abduct",
        "neutralize", "neutralise", "eliminate", "crush", "destroy", "annihilate", "liquidate",
        "hammer", "purge", "smash", "wipe", "inflict", "dislodge", "oust", "evict", "mop",
        "harass", "overpower", "pummel", "strafe", "assassinate", "besiege", "detain",
        "arrest", "wound", "injure", "martyr", "face", "pursue", "chase", "torture")},
    "deal": _v("hostility", "to", "on", "upon"),
    "fight": _v("hostility", "against", "with"),
    "clash": _v("hostility", "with", "against"),
    "battle": _v("hostility", "with", "against"),
    "combat": _v("hostility", "with", "against"),
    "skirmish": _v("hostility", "with", "against"),
    "exchange": _v("hostility", "with"),  # only "exchanged fire", see relations.verb
    "trade": _v("hostility", "with"),  # only "traded fire", as "exchange"
    "fire": _v("hostility", "on", "upon", "at"),
    **{v: _v("hostile_light", "against", "at") for v in (
        "launch", "wage", "begin", "start", "conduct", "mount", "stage", "continue", "intensify",
        "escalate", "announce", "lead", "carry", "declare")},
    "advance": _v("hostility", "against", "on", "upon"),
    "push": _v("hostility", "against", "back"),
    "drive": _v("hostility", "out", "back"),
    "turn": _v("hostility", "against", "on"),
    **{v: _v("prevent") for v in (
        "prevent", "stop", "halt", "block", "thwart", "curb", "check", "slow", "stall",
        "cease", "suspend")},
    **{v: _v("alliance", "with", "to") for v in (
        "ally", "align", "cooperate", "collaborate", "coordinate", "partner", "side", "team",
        "unite", "cooperate", "reconcile")},
    **{v: _v("support", "to", "for") for v in (
        "back", "support", "arm", "fund", "finance", "train", "equip", "sponsor", "aid",
        "assist", "help", "supply", "reinforce", "bankroll", "resupply", "bolster", "advise",
        "prop")},
    "stand": _v("support", "by", "behind"),
    **{v: _v("accompany") for v in ("accompany", "escort")},
    "provide": _v("support_light", "to", "for"),
    "send": _v("support_light", "to"),
    "give": _v("support_light", "to"),
    "deliver": _v("support_light", "to"),
    "offer": _v("support_light", "to"),
    **{v: _v("support_light", "to") for v in ("drop", "airdrop", "ship", "funnel", "channel")},
    **{v: _v("includes", "of") for v in (
        "include", "comprise", "incorporate", "encompass", "consist", "compose", "gather",
        "absorb")},
    # "groups the YPG with several FSA factions": "with" adds members
    **{v: _v("includes", "of", "with") for v in ("bring", "group", "unify")},
    "make": _v("includes_passive", "of"),
    "form": _v("includes_passive", "by"),
    "found": _v("includes_passive", "by"),
    "create": _v("includes_passive", "by"),
    "establish": _v("includes_passive", "by"),
    **{v: _v("joins", "to", "into", "with") for v in (
        "join", "pledge", "merge", "defect", "integrate", "affiliate", "subordinate")},
    "belong": _v("joins", "to"),
    **{v: _v("capture") for v in (
        "capture", "seize", "take", "liberate", "secure", "recapture", "retake", "overrun",
        "regain", "free", "conquer", "occupy", "control", "hold", "clear", "cleanse", "rid")},
}

# Noun lemmas and their family; the prepositions that introduce a target or a partner.
NOUNS: dict[str, str] = {
    **{n: "hostility" for n in (
        "attack", "assault", "offensive", "strike", "airstrike", "raid", "bombardment",
        "bombing", "shelling", "clash", "fighting", "fight", "battle", "war", "hostility",
        "operation", "campaign", "ambush", "onslaught", "push", "advance", "confrontation",
        "conflict", "counteroffensive", "counterattack", "siege", "incursion", "skirmish",
        "rivalry", "enmity", "infighting", "aggression", "hostilities", "combat",
        "insurgency", "rebellion", "uprising", "crackdown", "sortie", "sorties", "fire")},
    **{n: "alliance" for n in (
        "alliance", "pact", "partnership", "cooperation", "coordination", "rapprochement",
        "coalition", "collaboration", "allegiance", "axis")},
    **{n: "truce" for n in (
        "truce", "ceasefire", "cessation", "armistice", "agreement", "deal", "accord",
        "reconciliation", "de-escalation", "détente", "detente", "pause")},
    **{n: "support" for n in (
        "support", "backing", "aid", "assistance", "help", "cover", "weapons", "arms",
        "funding", "training", "supplies", "sponsorship", "backer", "patron", "sponsor",
        "ammunition", "reinforcements", "equipment", "money", "funds")},
    **{n: "member" for n in (
        "member", "part", "faction", "affiliate", "branch", "wing", "component", "subgroup",
        "constituent", "unit", "division", "brigade", "battalion", "regiment", "formation",
        "corps", "arm", "offshoot")},
}
# Hostility nouns that need an explicit target (an "operation" alone is no attack).
NEEDS_TARGET: frozenset[str] = frozenset(
    {"operation", "campaign", "war", "push", "advance", "conflict", "siege", "incursion",
     "insurgency", "rebellion", "uprising", "crackdown"}
)
HOSTILE_PREPS = frozenset({"against", "on", "upon", "with", "targeting", "at", "of"})
# Nouns under "joint" that make a joint operation.
JOINT_NOUNS: frozenset[str] = frozenset(
    {"offensive", "operation", "operations", "attack", "checkpoint", "checkpoints", "patrol",
     "patrols", "command", "force", "forces", "room", "assault", "campaign", "control",
     "administration", "statement", "raid", "raids", "exercise", "exercises", "push", "strike",
     "strikes", "battle", "mission", "council", "leadership", "front", "centre", "center",
     "cell", "headquarters", "positions", "position", "defence", "defense"}
)
# Nouns an appositive uses to say what a coalition is made of ("X, an alliance of A and B").
COALITION_NOUNS: frozenset[str] = frozenset(
    {"alliance", "coalition", "umbrella", "grouping", "union", "federation", "bloc", "front",
     "merger", "group", "room", "gathering", "council"}
)
# Nouns that stand for an actor's people or assets ("positions of ISIS", "YPG fighters").
PROXY_NOUNS: frozenset[str] = frozenset(
    {"fighters", "fighter", "positions", "position", "troops", "forces", "units", "members",
     "soldiers", "militants", "militiamen", "convoy", "convoys", "bases", "base", "strongholds",
     "stronghold", "commanders", "commander", "leaders", "leader", "jihadists", "rebels",
     "elements", "ranks", "lines", "defenses", "defences", "headquarters", "warplanes", "jets",
     "aircraft", "artillery", "gunmen", "men", "personnel", "advance", "offensive", "attack",
     "attacks", "presence", "supply", "supplies", "territory", "side", "camp", "officers",
     "officials", "army", "militia", "militias", "group", "groups", "brigade", "brigades",
     "battalion", "battalions", "outposts", "checkpoint", "checkpoints", "targets", "assets",
     "patrol", "patrols", "vehicle", "vehicles", "tanks", "expansion", "progress", "gains",
     "centers", "centres", "depots", "facilities", "fortifications", "hideouts", "dens", "posts",
     "tank", "sites", "gangs", "mercenaries", "terrorists", "gathering", "gatherings", "cells",
     "cell", "concentrations", "remnants", "operatives", "hideout", "den", "redoubts",
     "emplacements", "bombers", "bomber", "drones", "drone", "helicopters", "helicopter",
     "gunships", "planes", "plane", "warplane", "jet", "columns", "column", "depot",
     "command", "post", "barracks", "airbase", "garrison", "garrisons", "launchers",
     "formations", "batteries", "installations", "warehouses", "arsenal", "outpost",
     "factions", "reinforcements", "detachments", "contingent", "contingents", "aviation",
     "airpower", "navy", "warships", "advisers", "advisors", "instructors", "committee",
     "negotiators", "delegation", "delegations", "representatives", "envoys", "notables",
     "volunteers", "recruits", "conscripts", "snipers", "presidents", "president",
     "ministers", "minister", "chiefs", "infrastructure", "facility", "ships", "ship",
     "vessels", "submarines", "fleet", "flotilla"}
)
# Nouns of quantity that pass an argument on ("dozens of ISIS fighters").
QUANTITY_NOUNS: frozenset[str] = frozenset(
    {"dozens", "hundreds", "thousands", "scores", "number", "numbers", "tens", "some", "many",
     "several", "most",
     "all", "group", "groups", "contingent", "detachment", "band", "unit", "units", "wave",
     "series", "remnants", "members", "factions", "faction", "organizations", "organisations",
     "organization", "organisation", "batch", "batches"}
)
# Hostility verbs that say the subjects fought each other when they have no object.
RECIPROCAL: frozenset[str] = frozenset({"clash", "skirmish"})
# What a deal is for when it binds its parties together against someone ("an agreement for
# the army to deploy along the border to help the SDF"): an alliance, not a truce.
ALLIANCE_DEAL_VERBS: frozenset[str] = frozenset(
    {"deploy", "help", "defend", "protect", "confront", "repel", "fight", "support",
     "reinforce", "counter", "resist", "coordinate", "cooperate"}
)
TRUCE_DEAL_VERBS: frozenset[str] = frozenset(
    {"end", "halt", "stop", "cease", "withdraw", "evacuate", "surrender", "leave", "hand",
     "pause", "suspend", "exit", "depart"}
)
# What sides "exchange" when they fight ("exchanged fire"; not prisoners or bodies).
EXCHANGED_FIRE: frozenset[str] = frozenset(
    {"fire", "gunfire", "shelling", "shells", "blows", "strikes", "salvoes", "volleys"}
)
# "A and B fought" is hostile only with these words; "fought side by side" is the opposite.
MUTUAL_WORDS: frozenset[str] = frozenset({"each", "other", "another", "control", "over"})
TOGETHER_WORDS: frozenset[str] = frozenset(
    {"side", "together", "jointly", "shoulder", "alongside", "beside", "hand"}
)
# People nouns: capturing them is fighting their group, not taking a place.
PERSON_PROXIES: frozenset[str] = frozenset(
    {"fighters", "fighter", "troops", "members", "soldiers", "militants", "militiamen",
     "commanders", "commander", "leaders", "leader", "gunmen", "men", "officers", "personnel"}
)
PLACE_NOUNS: frozenset[str] = frozenset(
    {"town", "towns", "village", "villages", "city", "cities", "area", "areas", "district",
     "districts", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "hill",
     "hills", "airport", "airbase", "dam", "crossing", "region", "suburb", "suburbs",
     "mountain", "mountains", "settlement", "outskirts", "quarter", "countryside", "locality",
     "hamlet", "farms", "valley", "heights", "province", "border", "point", "crossroads",
     "centre", "center", "heart", "parts", "part", "edge", "entrance", "east", "west", "north",
     "south"}
)
GROUP_WORDS: frozenset[str] = frozenset(
    {"groups", "factions", "organizations", "organisations", "brigades", "militias",
     "formations", "members", "units", "movements", "rebels", "such"}
)
# Verbs whose subject arranges a truce between others rather than agreeing to it.
BROKER_VERBS: frozenset[str] = frozenset(
    {"brokered", "broker", "brokers", "brokering", "mediated", "mediate", "mediates",
     "sponsored", "guaranteed", "guarantee", "oversaw", "oversee", "oversees", "monitored",
     "monitor", "facilitated", "facilitate"}
)
SUPPORT_PARTICIPLES: frozenset[str] = frozenset(
    {"backed", "supported", "sponsored", "funded", "armed", "trained", "equipped", "financed",
     "formed", "created", "founded", "established", "supplied", "provided"}
)
# Light verbs whose subject receives (not gives) the support noun in their object.
RECEIVING_VERBS: frozenset[str] = frozenset(
    {"receive", "received", "receives", "receiving", "get", "got", "gets", "getting", "enjoy",
     "enjoyed", "enjoys", "obtain", "obtained", "seek", "sought", "request", "requested"}
)
PASSIVE_AUX = frozenset({"was", "were", "been", "be", "being", "is", "are", "got", "get"})
WH_WORDS = frozenset({"which", "that", "who", "whom", "whose"})
PURPOSE_HEADS = frozenset({"order", "bid", "effort", "attempt", "aim", "attempts", "efforts",
                            "goal"})

# -- inflection tables -------------------------------------------------------------------------

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "fight": ("fought",), "strike": ("struck", "stricken"), "take": ("took", "taken"),
    "shoot": ("shot",), "drive": ("drove", "driven"), "bring": ("brought",),
    "make": ("made",), "give": ("gave", "given"), "send": ("sent",), "hold": ("held",),
    "hit": ("hit",), "free": ("freed",), "overrun": ("overran",), "retake": ("retook",
    "retaken"), "found": ("founded",), "seek": ("sought",), "get": ("got", "gotten"),
    "overwhelm": (), "unify": ("unified", "unifies"), "ally": ("allied", "allies"),
    "bombard": (), "check": ("checked",), "slow": ("slowed",), "stall": ("stalled",),
    "set": ("set",), "rout": ("routed",), "wipe": ("wiped",), "smash": ("smashed",),
    "stand": ("stood",), "deal": ("dealt",),
}


def inflect(verb: str) -> set[str]:
    forms = {verb}
    forms.update(_IRREGULAR.get(verb, ()))
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("sh", "ch", "ss", "x")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        # Doubled final consonant: "bombed" no, "shipped", "repelled", "patrolled" yes. Extra
        # forms that English never writes ("targetted") cost nothing.
        if (verb[-1] in "bdglmnprt" and verb[-2] in "aeiou"
                and (verb[-3:-2] not in ("a", "e", "i", "o", "u")
                     or verb[-4:-2] == "qu")):  # ("equipped": the "u" of "qu" is no vowel)
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing", verb + verb[-1] + "s"}
    return forms


def pluralise(noun: str) -> set[str]:
    if noun.endswith(("s", "sh", "ch", "x")):
        return {noun, noun + "es"}
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


VERB_FORMS: dict[str, str] = {f: v for v in VERBS for f in inflect(v)}
NOUN_FORMS: dict[str, str] = {f: n for n in NOUNS for f in pluralise(n)}

