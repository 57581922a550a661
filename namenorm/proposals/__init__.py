"""The review queue: spellings editors propose, kept apart from the registry.

Editors only ever append to the queue (:func:`submit`); the registry changes
only when a reviewer accepts a proposal (:func:`accept`), which appends its
rows to the registry file after validating the whole new file with the
parser every load uses. A proposal without an ID is *unassigned* (from
``namenorm clean --unmatched``): the reviewer names its entity when
accepting it. Left out: who may review (the HTTP layer's admin token) and
matching (suggestions come from ``Registry.lookup`` in the callers).
"""

from __future__ import annotations

from .append import append_to_registry
from .proposal import (
    MAX_CONTEXT,
    MAX_NAME,
    Proposal,
    ProposalError,
    new_proposal,
    suggest_id,
)
from .queue import (
    MAX_QUEUE,
    QUEUE_COLUMNS,
    Accepted,
    QueueError,
    QueueFullError,
    accept,
    from_unmatched,
    queue_path,
    read_queue,
    reject,
    submit,
)

__all__ = [
    "MAX_CONTEXT",
    "MAX_NAME",
    "MAX_QUEUE",
    "QUEUE_COLUMNS",
    "Accepted",
    "Proposal",
    "ProposalError",
    "QueueError",
    "QueueFullError",
    "accept",
    "append_to_registry",
    "from_unmatched",
    "new_proposal",
    "queue_path",
    "read_queue",
    "reject",
    "submit",
    "suggest_id",
]
