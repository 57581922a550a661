"""The route table: every JSON operation of the service, declared once.

Each :class:`Route` names its method and path, its parameters, the schema of
its request body and of its answer (by name: the schemas are the JSON files
in ``schemas/`` and the vocabulary of ``namenorm.http.openapi``), and the
error statuses it may answer. ``namenorm.http.openapi`` builds the paths of
the OpenAPI document from :data:`ROUTES`, and a test checks that the table and
the app's URL rules list the same operations. The routes themselves live in
their blueprints (``meta``, ``v1``, ``reconcile``, ``editing``); this module
only describes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["JSON", "ROUTES", "Param", "Route", "ref"]

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def ref(name: str, **extra: Any) -> dict[str, Any]:
    """A reference to the component schema ``name`` (with sibling keywords ``extra``)."""
    return {"$ref": f"#/components/schemas/{name}", **extra}


@dataclass(frozen=True)
class Param:
    """One query or path parameter."""

    name: str
    schema: dict[str, Any]
    description: str
    required: bool = False
    example: object = None
    where: Literal["query", "path"] = "query"
    media: str | None = None  # a parameter whose value is a document of this type
    spread: bool = False  # an object whose fields are the query arguments (style form)

    def openapi(self) -> dict[str, Any]:
        """The OpenAPI Parameter Object."""
        parameter: dict[str, Any] = {
            "name": self.name,
            "in": self.where,
            "required": self.required,
            "description": self.description,
        }
        if self.media:
            parameter["content"] = {self.media: {"schema": self.schema}}
        elif self.spread:
            parameter.update(style="form", explode=True, schema=self.schema)
        else:
            parameter["schema"] = self.schema
        if self.example is not None:
            parameter["example"] = self.example
        return parameter


@dataclass(frozen=True)
class Route:
    """One operation: ``method path`` answering ``answer`` (a schema name) with 200."""

    method: Literal["get", "post"]
    path: str
    operation: str
    summary: str
    answer: str
    answered: str  # what the 200 answer holds, in a few words
    params: tuple[Param, ...] = ()
    body: dict[str, str] | None = None  # media type -> schema name
    body_required: bool = True
    errors: tuple[int, ...] = ()
    admin: bool = False  # needs the bearer token
    media: str = JSON  # media type of the answer
    description: str | None = None


_Q = Param("q", ref("Query"), "The name to look up.", required=True, example="Lukashenko")
_COPY_BUDGET = (
    "The names of the text are looked up within the request's time budget "
    "(NAMENORM_TIME_BUDGET seconds from its start): a text whose names take longer is "
    "answered 413 with the code time_budget_exceeded and nothing changed; send it in parts."
)
_RECONCILE_BUDGET = (
    "A query batch has a time budget of NAMENORM_TIME_BUDGET seconds from the start of "
    "the request: the queries left when it ran out are answered with no candidates and "
    "the error time_budget_exceeded; send them again."
)

#: Every JSON operation of the service (the editor's HTML pages are not listed).
# fmt: off
ROUTES: tuple[Route, ...] = (
    Route("get", "/health", "health", "Service status, registry size and hash, version",
          "Health", "Service status."),
    Route("get", "/openapi.json", "openapi", "This document", "OpenAPI", "The OpenAPI document."),
    Route("get", "/v1/lookup", "lookup", "Look up one name", "LookupResult",
          "Status, match and candidates.",
          params=(
              _Q,
              Param("limit", ref("Limit"), "Most candidates returned."),
              Param("kind", ref("Kind"), "Only entities of this kind."),
              Param("lang", ref("Lang"), "Language of the returned names (default en)."),
          ),
          errors=(400,)),
    Route("post", "/v1/lookup", "lookupBatch", "Look up up to 1,000 names", "LookupResults",
          "One result per query, in order; the queries left when the time budget ran out "
          "are marked skipped.",
          description="The batch has a time budget of NAMENORM_TIME_BUDGET seconds from "
          "the start of the request: the queries left when it ran out have the status "
          "skipped (no match, no candidates) and are counted in skipped; send them again.",
          body={JSON: "LookupBatch"}, errors=(400, 413, 415)),
    Route("get", "/v1/entities/{id}", "entity", "One entity with all its stored names",
          "Entity", "The entity.",
          params=(Param("id", {"type": "string"}, "Entity ID.", required=True, where="path"),),
          errors=(404,)),
    Route("get", "/v1/transliterate", "transliterate", "Romanize Cyrillic text",
          "Transliterated", "The romanized text.",
          params=(
              Param("arguments", ref("TransliterateQuery"),
                    "text (to romanize), lang (its language) and system (one of that "
                    "language's systems listed by /v1/systems; default news).",
                    required=True, spread=True,
                    example={"text": "Лукашэнка", "lang": "be", "system": "news"}),
          ),
          errors=(400,)),
    Route("post", "/v1/transliterate", "transliterateBody",
          "Romanize Cyrillic text sent as JSON (for texts too long for a URL)",
          "Transliterated", "The romanized text.",
          body={JSON: "TransliterateRequest"}, errors=(400, 413, 415)),
    Route("get", "/v1/systems", "systems", "Transliteration systems", "Systems", "The systems.",
          params=(Param("lang", ref("SourceLang"), "Only this language."),), errors=(400,)),
    Route("post", "/v1/normalize", "normalize",
          "Put every name in running text into house spelling", "Normalized",
          "The normalized text and its edits.",
          body={JSON: "NormalizeRequest"}, errors=(400, 413, 415),
          description=_COPY_BUDGET),
    Route("post", "/v1/admin/reload", "reload", "Re-read the registry file without a restart",
          "Reloaded", "The new registry is serving.",
          errors=(401, 404, 422, 503), admin=True,
          description="404 when NAMENORM_ADMIN_TOKEN is not set."),
    Route("get", "/reconcile", "reconcileGet",
          "Service manifest, results of a query batch, or data extension", "ManifestOrResults",
          "The manifest (no arguments), one result per query ID, or the extension rows.",
          description=_RECONCILE_BUDGET,
          params=(
              Param("queries", ref("QueryBatch"),
                    "A reconciliation query batch as JSON; without it (and without extend) the "
                    "manifest is returned.",
                    media=JSON),
              Param("extend", ref("ExtendQuery"),
                    "A data extension query as JSON: {ids, properties}.", media=JSON),
          ),
          errors=(400,)),
    Route("post", "/reconcile", "reconcilePost", "Results of a query batch, or data extension",
          "ResultsOrExtension", "One result per query ID, or the extension rows.",
          description=_RECONCILE_BUDGET,
          body={FORM: "ReconcileForm", JSON: "QueryBatch"}, errors=(400, 413, 415)),
    Route("get", "/reconcile/suggest/property", "suggestProperty",
          "Property auto-complete (every property for an empty prefix)", "PropertySuggestions",
          "Suggestions.",
          params=(
              Param("prefix", ref("Prefix"), "What the user typed.", required=True,
                    example="house"),
              Param("cursor", ref("Cursor"), "Suggestions to skip."),
          ),
          errors=(400,)),
    Route("get", "/reconcile/suggest/type", "suggestType",
          "Type auto-complete (every type for an empty prefix)", "TypeSuggestions",
          "Suggestions.",
          params=(
              Param("prefix", ref("Prefix"), "What the user typed.", required=True,
                    example="pl"),
              Param("cursor", ref("Cursor"), "Suggestions to skip."),
          ),
          errors=(400,)),
    Route("get", "/reconcile/propose_properties", "proposeProperties",
          "Properties worth fetching by data extension for a type", "Properties",
          "The proposed properties.",
          params=(
              Param("type", ref("Kind"), "Propose the properties of this type (default: any)."),
              Param("limit", ref("PropertyLimit"), "Most properties proposed (default: all)."),
          ),
          errors=(400,)),
    Route("post", "/reconcile/propose_properties", "proposePropertiesPost",
          "The same, with type and limit as form fields", "Properties",
          "The proposed properties.", body={FORM: "ProposeForm"}, body_required=False,
          errors=(400,)),
    Route("get", "/entities/{id}", "entityPage",
          "HTML page of one entity (the reconciliation manifest's view link)", "Html",
          "An HTML page.",
          params=(Param("id", {"type": "string"}, "Entity ID.", required=True, where="path"),),
          errors=(404,), media="text/html"),
    Route("get", "/reconcile/suggest/entity", "suggestEntity", "Entity auto-complete",
          "Suggestions", "Suggestions.",
          params=(
              Param("prefix", ref("Prefix"), "What the user typed.",
                    required=True, example="Luka"),
              Param("cursor", ref("Cursor"), "Suggestions to skip."),
          ),
          errors=(400,)),
    Route("get", "/reconcile/preview", "preview", "HTML preview card of one entity",
          "Html", "An HTML card.",
          params=(Param("id", {"type": "string", "minLength": 1}, "Entity ID.", required=True),),
          errors=(400, 404), media="text/html"),
    Route("post", "/v1/annotate", "annotate",
          "Every proposed name change in copy, with its evidence, and unknown names",
          "Annotation", "Changes, unknown names and their entities.",
          body={JSON: "AnnotateRequest"}, errors=(400, 413, 415),
          description=_COPY_BUDGET),
    Route("post", "/v1/proposals", "propose", "Queue proposed spellings for review",
          "Queued", "The queued proposals.",
          body={JSON: "ProposalRequest"}, errors=(400, 409, 413, 415)),
    Route("get", "/v1/proposals", "proposals", "The review queue (admin token)",
          "Queue", "Every queued proposal.", errors=(401, 404), admin=True),
    Route("post", "/v1/proposals/accept", "acceptProposals",
          "Add proposals to the registry and reload it (admin token)", "Accepted",
          "What was added (and what the registry already had).",
          body={JSON: "ProposalIds"}, errors=(400, 401, 404, 413, 415, 422), admin=True),
    Route("post", "/v1/proposals/reject", "rejectProposals",
          "Drop proposals from the queue (admin token)", "Rejected", "The dropped proposals.",
          body={JSON: "ProposalIds"}, errors=(400, 401, 404, 413, 415), admin=True),
)
# fmt: on
