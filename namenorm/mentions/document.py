"""Scan one document: judge each automaton hit, then read the text as a whole.

:func:`scan` runs the automaton (``automaton``), absorbs the words around
each hit (``spans``) and asks the resolver about the whole span
(:meth:`~namenorm.registry.Registry.lookup`, :meth:`~namenorm.index.Index.decide`):
a given name that does not fit means someone else, and the span is dropped.
The fuzzy pass (``fuzzy``) adds what the automaton missed. Then the document
is read as a whole: an ambiguous surname ("Babaryka": two in the registry)
takes the ID of the one candidate the text names in full; a surname alone
is the person named in full with it last before it, so one that someone
outside the registry bears stays ambiguous after that someone; a
common word of the copy's language ("Знак", "Mosaic") counts at the start of
a sentence or in a headline only with other evidence.

Left out: what a mention is rewritten to (``namenorm.copy``), and names split
by a hyphen at a line break ("Lukash-\\nenko").
"""

from __future__ import annotations

from ..match import Match
from ..registry import Registry
from .automaton import Anchor, Hit, Scanner, hits, scanner
from .found import Draft, Found, Mention, Part, candidates
from .fuzzy import fuzzy_drafts
from .spans import Spans

__all__ = ["Document", "scan"]


def scan(text: str, registry: Registry, *, lang: str = "en") -> list[Found]:
    """Every registry mention in ``text``, in text order (see the module docstring).

    ``lang`` is the copy's language; it only picks the common words of
    common words that need more evidence (``namenorm.lexicon``).
    """
    if not text:
        return []
    return Document(text, scanner(registry), lang).run()


class Document(Spans):
    """One text being scanned: its hits, the drafts made of them, and context."""

    def __init__(self, text: str, scanner: Scanner, lang: str) -> None:
        super().__init__(text, scanner, lang)
        #: IDs whose surname someone outside the registry also bears in this text, and
        #: where that someone is named
        self.shadowed: dict[str, list[int]] = {}
        #: automaton hits the resolver turned down (the fuzzy pass leaves them alone)
        self.rejected: list[tuple[int, int]] = []
        #: end of the given names last found between two surnames that both can take
        #: them (neither mention absorbs them)
        self.contested = 0

    def run(self) -> list[Found]:
        """Every mention of the text, settled (see the module docstring)."""
        drafts: list[Draft] = []
        found = hits(self.text, self.scanner)
        floor = 0
        for number, hit in enumerate(found):
            following = found[number + 1] if number + 1 < len(found) else None
            ceiling = following.start if following is not None else len(self.text)
            previous = drafts[-1] if drafts else None
            draft = self.judge(hit, floor, ceiling, following=following, previous=previous)
            if draft is not None:
                drafts.append(draft)
                floor = max(draft.end, self.contested)
            else:
                self.rejected.append((hit.start, hit.end))
        drafts.extend(fuzzy_drafts(self, drafts))
        drafts.sort(key=lambda d: d.start)
        return self.decide(drafts)

    # -- one automaton hit ---------------------------------------------------------------
    def judge(
        self,
        hit: Hit,
        floor: int,
        ceiling: int,
        anchor_of: Anchor | None = None,
        *,
        following: Hit | None = None,
        previous: Draft | None = None,
        reading: str | None = None,
    ) -> Draft | None:
        """Absorb the words around a hit, and let the resolver judge the span.

        ``following`` (the next automaton hit) and ``previous`` (the draft just
        before) settle overlapping readings: given names between two surnames that
        the resolver gives to both ("Milinkevich Alexandre Loukachenko": the first
        named surname-first, or the second given-name-first) belong to neither, so
        every pass reads them alike and neither rewrites them. ``reading`` is what the
        resolver is asked in place of the hit's own text (a case form read back to its
        nominative: Келлогга as Келлогг).
        """
        text, index = self.text, self.index
        if anchor_of is None:
            anchor_of = self.scanner.anchor(hit.key)
        anchor = Part(
            hit.start, hit.end, text[hit.start : hit.end], "surname" if anchor_of.person else "name"
        )
        before: list[Part] = []
        after: list[Part] = []
        if anchor_of.person:
            before = self.absorb_left(hit.start, floor)
            if before and self.claimed_by_previous(before, previous):
                self.contested = hit.start
                before = []
            if all(p.role == "title" for p in before):
                after = self.absorb_right(hit.end, ceiling, anchor_of.given)
                if after and self.claimed_by_following(after, following):
                    self.contested = after[-1].end
                    after = []
        titles = [p for p in before if p.role == "title"]
        prefix = [p for p in before if p.role != "title"]

        def query(first: int, last: int) -> str:
            if reading is None:
                return text[first:last]
            return text[first : anchor.start] + reading + text[anchor.end : last]

        matches = self.scanner.lookup(
            query((prefix or [anchor])[0].start, (after or [anchor])[-1].end)
        )
        if after and index.decide(matches) == "unmatched":
            after = []  # "Lukashenko A." where A. is not his initial: the surname alone
            matches = self.scanner.lookup(query(anchor.start, anchor.end))
        status = index.decide(matches)
        if status == "unmatched" or matches[0].id not in anchor_of.ids:
            if any(p.role == "given" for p in prefix):
                # a given name the registry does not know with this surname: someone else
                for shadowed in anchor_of.ids:
                    self.shadowed.setdefault(shadowed, []).append(hit.start)
            return None
        full = bool(prefix or after)
        homograph = (
            not full
            and not titles
            and self.scanner.homograph(hit.key, anchor_of, self.lang)
            and not self.quoted(hit.start)
            and (self.sentence_start(hit.start) or self.headline(hit.start))
        )
        parts = [*titles, *prefix, anchor, *after]
        if status == "matched":
            parts = self.mark_inflection(parts, self.index.entity_number(matches[0].id))
        return Draft(parts, matches, status, full, homograph)

    def claimed_by_previous(self, before: list[Part], previous: Draft | None) -> bool:
        """Whether the given names ``before`` a surname also complete the surname-first
        reading of the surname just before them ("Milinkevich Alexandre ...")."""
        names = [p for p in before if p.role != "title"]
        if (
            previous is None
            or not names
            or names[0] is not before[0]
            or previous.parts[-1].role != "surname"
            or any(p.role != "title" for p in previous.parts[:-1])
            or not _gap(self.text[previous.end : names[0].start], newlines=0)
        ):
            return False
        surname = previous.parts[-1]
        matches = self.scanner.lookup(self.text[surname.start : names[-1].end])
        return self.index.decide(matches) == "matched" and any(
            m.id == matches[0].id for m in previous.matches
        )

    def claimed_by_following(self, after: list[Part], following: Hit | None) -> bool:
        """Whether the given names ``after`` a surname also complete the given-name-first
        reading of the surname right after them ("... Alexandre Loukachenko")."""
        if following is None or not _gap(self.text[after[-1].end : following.start], newlines=1):
            return False
        anchor = self.scanner.anchor(following.key)
        if not anchor.person:
            return False
        matches = self.scanner.lookup(self.text[after[0].start : following.end])
        return self.index.decide(matches) == "matched" and matches[0].id in anchor.ids

    # -- the document as a whole -----------------------------------------------------------
    def decide(self, drafts: list[Draft]) -> list[Found]:
        """Settle ambiguous surnames and common words with what the whole text says."""
        in_full: dict[str, list[int]] = {}  # ID -> where it is named in full
        for d in drafts:
            if d.status == "matched" and d.full:
                in_full.setdefault(d.matches[0].id, []).append(d.start)
        plain = {d.matches[0].id for d in drafts if d.status == "matched" and not d.homograph}
        found: list[Found] = []
        named_by_list: dict[int, tuple[str, ...]] = {}  # the lookup cache shares its lists
        for draft in drafts:
            named = named_by_list.get(id(draft.matches))
            if named is None:
                named = named_by_list[id(draft.matches)] = candidates(draft.matches)
            top = draft.matches[0]
            chosen: Match | None = top
            status = draft.status
            if draft.homograph and top.id not in plain:
                continue  # "Знак ..." opening a sentence, and no other sign of Maksim Znak
            if status == "ambiguous":
                fitting = [c for c in named if c in in_full]
                chosen = next((m for m in draft.matches if [m.id] == fitting), None)
                status = "matched" if chosen else "ambiguous"
            elif not draft.full and self.someone_else(top.id, draft.start, in_full):
                chosen, status = None, "ambiguous"
            text = self.text[draft.start : draft.end]
            if chosen is None:
                mention = Mention(draft.start, draft.end, text, None, status, named)
                found.append(Found(mention, None, draft.matches[0].score, tuple(draft.parts)))
                continue
            parts = draft.parts
            if draft.status == "ambiguous":
                parts = self.mark_inflection(parts, self.index.entity_number(chosen.id))
            entity = self.scanner.registry.entity(chosen.id)
            mention = Mention(draft.start, draft.end, text, chosen.id, status, (chosen.id,))
            found.append(Found(mention, entity, chosen.score, tuple(parts), chosen.matched))
        return found

    def someone_else(self, entity: str, start: int, in_full: dict[str, list[int]]) -> bool:
        """Whether a surname alone at ``start`` stands for someone outside the registry
        who bears it: the person named in full last before it is that someone ("the
        lawmaker Oleksandr Bondarenko ... Bondarenko said"), or, with neither named
        before it, the text names only that someone in full."""
        others = self.shadowed.get(entity)
        if not others:
            return False
        last_other = max((p for p in others if p < start), default=-1)
        last_own = max((p for p in in_full.get(entity, ()) if p < start), default=-1)
        if last_other != last_own:
            return last_other > last_own
        return entity not in in_full


def _gap(between: str, *, newlines: int) -> bool:
    """Whether ``between`` is white space with at most ``newlines`` line breaks."""
    return bool(between) and not between.strip() and between.count("\n") <= newlines
