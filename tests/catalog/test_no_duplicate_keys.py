"""A key written twice in one mapping of a catalog file: YAML keeps the last silently, so the first is data that
does nothing (a vocabulary condition added under a name already taken was never applied: session 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CATALOGS = Path(__file__).resolve().parents[2] / "catalogs"


class _UniqueKeys(yaml.SafeLoader):
    """The safe loader, refusing a mapping that names a key twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise AssertionError(f"line {key_node.start_mark.line + 1}: {key!r} written twice")
            seen.add(key)
        return super().construct_mapping(node, deep)


@pytest.mark.parametrize("path", sorted(CATALOGS.rglob("*.yaml")), ids=lambda p: str(p.relative_to(CATALOGS)))
def test_no_key_written_twice(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)
