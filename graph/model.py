"""Typed models for everything that flows between Allegiance's stages.

Extraction (``loaders``) produces :class:`Extraction` batches of :class:`Document`,
:class:`Actor`, :class:`Claim` and :class:`PlaceClaim`; stores (``graph``) persist them and
answer reads with :class:`AggregatedRelation` edges grouped into a :class:`Subgraph`.

The relation vocabulary is closed: :class:`RelationType` lists every type, and the tables below
give each type its sign, its direction and the relationship name analysts see in Neo4j.

Examples
--------
>>> RelationType.MEMBERSHIP.polarity
<Polarity.ALLY: 'ally'>
>>> RelationType.HOSTILITY.neo4j_type
'FIGHTS'
>>> slugify("Jabhat al-Shamiya")
'jabhat-al-shamiya'
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator


class ActorKind(StrEnum):
    """What sort of actor a node is; drives node shape in the UI."""

    STATE = "state"
    ARMED_GROUP = "armed_group"
    COALITION = "coalition"
    MILITIA = "militia"
    FOREIGN_FORCE = "foreign_force"
    OTHER = "other"


class Polarity(StrEnum):
    """The sign of a relation: cooperation (+) or conflict (-)."""

    ALLY = "ally"
    HOSTILE = "hostile"

    @property
    def sign(self) -> int:
        return 1 if self is Polarity.ALLY else -1


class RelationType(StrEnum):
    """The closed vocabulary of actor-to-actor relations (see ``docs/relations.md``)."""

    ALLIANCE = "alliance"
    TRUCE = "truce"
    MEMBERSHIP = "membership"
    JOINT_OPERATION = "joint_operation"
    SUPPORT = "support"
    HOSTILITY = "hostility"

    @property
    def polarity(self) -> Polarity:
        return _POLARITY[self]

    @property
    def directed(self) -> bool:
        """True when source and target play different roles (member -> coalition)."""
        return _DIRECTED[self]

    @property
    def neo4j_type(self) -> str:
        """Relationship type of the aggregated edge between two ``(:Actor)`` nodes."""
        return _NEO4J_TYPE[self]


_POLARITY: dict[RelationType, Polarity] = {
    RelationType.ALLIANCE: Polarity.ALLY,
    RelationType.TRUCE: Polarity.ALLY,
    RelationType.MEMBERSHIP: Polarity.ALLY,
    RelationType.JOINT_OPERATION: Polarity.ALLY,
    RelationType.SUPPORT: Polarity.ALLY,
    RelationType.HOSTILITY: Polarity.HOSTILE,
}

_DIRECTED: dict[RelationType, bool] = {
    RelationType.ALLIANCE: False,
    RelationType.TRUCE: False,
    RelationType.MEMBERSHIP: True,
    RelationType.JOINT_OPERATION: False,
    RelationType.SUPPORT: True,
    RelationType.HOSTILITY: True,
}

_NEO4J_TYPE: dict[RelationType, str] = {
    RelationType.ALLIANCE: "ALLIED_WITH",
    RelationType.TRUCE: "TRUCE_WITH",
    RelationType.MEMBERSHIP: "MEMBER_OF",
    RelationType.JOINT_OPERATION: "OPERATES_WITH",
    RelationType.SUPPORT: "SUPPORTS",
    RelationType.HOSTILITY: "FIGHTS",
}


class PlaceAction(StrEnum):
    """What an actor did to a place. Places never become actors or signed edges."""

    CAPTURED = "captured"
    CONTROLS = "controls"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


class Actor(_Model):
    """A party to the conflict: a state, armed group, coalition, militia or foreign force."""

    id: Annotated[str, Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")]
    name: Annotated[str, Field(min_length=1)]
    aliases: tuple[str, ...] = ()
    kind: ActorKind = ActorKind.OTHER
    curated: bool = True
    valid_from: date | None = None
    valid_until: date | None = None


class Document(_Model):
    """One source report. ``id`` is :func:`document_id` of its normalised text."""

    id: Annotated[str, Field(min_length=8)]
    title: str = ""
    source: str = ""
    url: str = ""
    date: _dt.date | None = None  # module path: the field name shadows the type
    path: str = ""


class Mention(_Model):
    """Where an actor is named inside an evidence sentence (offsets relative to the sentence)."""

    actor: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Evidence(_Model):
    """The sentence that states a claim. ``start``/``end`` are offsets into the document text."""

    doc: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    mentions: tuple[Mention, ...] = ()


class Claim(_Model):
    """One relation stated in one sentence of one document."""

    source: str
    target: str
    type: RelationType
    polarity: Polarity
    confidence: Confidence = 0.8
    hedged: bool = False
    negated: bool = False
    date: _dt.date | None = None  # module path: the field name shadows the type
    trigger: str = ""
    evidence: Evidence

    @model_validator(mode="after")
    def _check(self) -> Claim:
        if self.source == self.target:
            raise ValueError("a claim needs two different actors")
        if self.polarity is not self.type.polarity:
            raise ValueError(f"{self.type} claims are {self.type.polarity}, not {self.polarity}")
        return self

    @property
    def id(self) -> str:
        """Stable key: the same statement extracted twice is the same claim."""
        return stable_hash(
            self.evidence.doc,
            str(self.evidence.start),
            self.source,
            self.target,
            self.type.value,
            "neg" if self.negated else "pos",
        )

    @property
    def pair(self) -> tuple[str, str]:
        """``(source, target)`` ordered for undirected types, as stated for directed ones."""
        if self.type.directed:
            return (self.source, self.target)
        a, b = sorted((self.source, self.target))
        return (a, b)


class PlaceClaim(_Model):
    """An actor captured or controls a place on a date."""

    actor: str
    place: Annotated[str, Field(min_length=1)]
    action: PlaceAction = PlaceAction.CAPTURED
    confidence: Confidence = 0.8
    hedged: bool = False
    negated: bool = False
    date: _dt.date | None = None  # module path: the field name shadows the type
    trigger: str = ""
    evidence: Evidence

    @property
    def id(self) -> str:
        return stable_hash(
            self.evidence.doc, str(self.evidence.start), self.actor, self.place, self.action.value
        )


class AggregatedRelation(_Model):
    """All non-negated claims of one ``(source, target, type)`` grouped into an edge."""

    source: str
    target: str
    type: RelationType
    polarity: Polarity
    claims: int = Field(ge=0)
    documents: int = Field(ge=0)
    outlets: int = Field(ge=0)
    first_seen: date | None = None
    last_seen: date | None = None
    mean_confidence: Confidence = 0.0
    hedged_only: bool = False

    @property
    def key(self) -> tuple[str, str, RelationType]:
        return (self.source, self.target, self.type)


class Extraction(_Model):
    """What extraction produces and stores load: a batch that lands together or not at all."""

    documents: tuple[Document, ...] = ()
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    places: tuple[PlaceClaim, ...] = ()
    # Set (with everything else empty) when extracting one document failed: the caller reports
    # the document as skipped and goes on with the rest of the batch.
    failure: str | None = None


class GraphFilter(_Model):
    """What part of the graph a read should return. The defaults return everything."""

    types: frozenset[RelationType] | None = None
    polarity: Polarity | None = None
    since: date | None = None
    until: date | None = None
    min_confidence: Confidence = 0.0
    min_sources: int = Field(default=1, ge=1)
    include_hedged: bool = True
    include_discovered: bool = True
    focus: tuple[str, ...] = ()
    hops: int = Field(default=1, ge=0, le=6)
    node_cap: int | None = Field(default=None, ge=1)


class Subgraph(_Model):
    """Actors and aggregated edges returned by a filtered read."""

    actors: tuple[Actor, ...] = ()
    relations: tuple[AggregatedRelation, ...] = ()
    total_actors: int = 0
    trimmed: bool = False


class PathStep(_Model):
    """One hop on a path: the relation joining ``source`` to ``target`` (in either direction)."""

    source: str
    target: str
    type: RelationType
    polarity: Polarity


class ActorPath(_Model):
    """A shortest path between two actors; ``sign`` is the product of the step signs."""

    actors: tuple[str, ...]
    steps: tuple[PathStep, ...]

    @property
    def sign(self) -> int:
        out = 1
        for step in self.steps:
            out *= step.polarity.sign
        return out


class QueryResult(_Model):
    """Rows of a Cypher query, with a flag when the row cap cut them."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    truncated: bool = False
    row_cap: int | None = None
    notice: str = ""


class StoreCounts(_Model):
    actors: int = 0
    documents: int = 0
    claims: int = 0
    places: int = 0
    relations: int = 0


class LoadReport(_Model):
    """What one load call wrote (counts of items in the batch, not of new nodes)."""

    documents: int = 0
    actors: int = 0
    claims: int = 0
    places: int = 0
    seconds: float = 0.0


def stable_hash(*parts: str, length: int = 16) -> str:
    """Short hex digest of the parts, joined unambiguously."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode NFC, unified line ends and collapsed whitespace: the form a document is hashed in."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """Content hash of a document: the same article reached twice gets the same id.

    >>> document_id("ISIS  and\\nthe SAA") == document_id("ISIS and the SAA")
    True
    """
    return stable_hash(normalise_text(text), length=20)


def slugify(name: str) -> str:
    """Stable actor id from a name: ASCII, lower case, hyphen separated."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or stable_hash(name, length=10)


def today() -> date:
    return datetime.now().date()
