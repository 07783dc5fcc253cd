"""Record files (JSON, YAML) parsed with every repeated key kept, never last-one-wins.

``json.loads`` and ``yaml.safe_load`` keep the last of two equal keys in one mapping, so
``psu_efficiency_50: 91`` followed by ``psu_efficiency_50: 96`` would silently read 96. Here a
key given more than once maps to a :class:`Repeated` list of all its values, in order; the
record layer (:mod:`checker.inputs.records`) decides what a repetition means (a conflict of facts, or
an error for a record's identity).
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from typing import Any

import yaml
from yaml.constructor import ConstructorError

_YAML_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where libyaml is there
_MERGE_TAG = "tag:yaml.org,2002:merge"


class Repeated(list):  # type: ignore[type-arg]
    """Every value of a key that one mapping gives more than once, in the order written."""


def keep_repeats(pairs: list[tuple[Any, Any]]) -> dict[Any, Any]:
    """A mapping from its (key, value) pairs; a repeated key maps to a :class:`Repeated` of its values."""
    result: dict[Any, Any] = {}
    for key, value in pairs:
        if key not in result:
            result[key] = value
        elif isinstance(result[key], Repeated):
            result[key].append(value)
        else:
            result[key] = Repeated([result[key], value])
    return result


class RecordLoader(_YAML_BASE):  # type: ignore[misc]
    """A safe YAML loader (libyaml's parser where available) that keeps repeated mapping keys.

    Keys brought in by a merge (``<<: *defaults``) stay defaults that a key written in the
    mapping overrides, as YAML says; only keys written twice in the mapping itself repeat.
    """

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        """The mapping of ``node`` with repeated keys kept (see :func:`keep_repeats`)."""
        if not isinstance(node, yaml.MappingNode):
            raise ConstructorError(None, None, f"expected a mapping, found {type(node).__name__}", node.start_mark)
        written = {id(key) for key, _ in node.value if key.tag != _MERGE_TAG}
        self.flatten_mapping(node)
        merged: dict[Any, Any] = {}
        pairs: list[tuple[Any, Any]] = []
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise ConstructorError("while constructing a mapping", node.start_mark,
                                       "found unhashable key", key_node.start_mark)
            value = self.construct_object(value_node, deep=deep)
            if id(key_node) in written:
                pairs.append((key, value))
            else:
                merged[key] = value
        merged.update(keep_repeats(pairs))
        return merged


def parse_json(text: str) -> Any:
    """JSON text as Python data, repeated keys kept."""
    return json.loads(text, object_pairs_hook=keep_repeats)


def parse_yaml(text: str) -> Any:
    """YAML text as Python data (safe types only), repeated keys kept."""
    loader = RecordLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def single_values(value: Any, where: str, error: type[Exception] = ValueError) -> Any:
    """``value`` with every repeated key resolved to its one value; a key repeated with different
    values raises ``error`` naming the key (``where``) and the values."""
    if isinstance(value, Repeated):
        options = distinct([single_values(item, where, error) for item in value])
        if len(options) > 1:
            shown = ", ".join(repr(option) for option in options)
            raise error(f"{where} is given {len(value)} times with different values ({shown})"[:300])
        return options[0]
    if isinstance(value, dict):
        return {key: single_values(item, f"{where}.{key}", error) for key, item in value.items()}
    if isinstance(value, list):
        return [single_values(item, where, error) for item in value]
    return value


def distinct(values: list[Any]) -> list[Any]:
    """``values`` without exact repeats (same type and value, nested alike), first occurrence kept."""
    seen: set[str] = set()
    kept: list[Any] = []
    for value in values:
        key = _fingerprint(value)
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept


def _fingerprint(value: Any) -> str:
    """A text equal for equal values of equal types (1, 1.0 and true differ)."""
    try:
        return json.dumps(value, sort_keys=True, default=repr)
    except (TypeError, ValueError):  # keys of mixed types cannot be sorted
        return repr(value)
