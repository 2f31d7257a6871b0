"""Checks that a page shows visitors' text as text: shared by the hostile-input tests.

Everything an AppTest run drew is walked (elements and layout blocks) and every string
field of every protobuf is looked at:

- no st.html element but the app's own constant stylesheet (ui.phone.STYLE), and no
  st.markdown with unsafe_allow_html;
- no string that Streamlit renders as Markdown (bodies, labels, help, captions, radio
  options, expander labels...) holds live markup: an HTML tag, a Markdown link or image
  ``](``, or ``javascript:``. The app's own texts hold none, and user text is escaped
  (``\\<``, ``\\]\\(``) before it goes into Markdown, so any hit is user text let through;
- a marker put at the start of a visitor's text shows up only in the element types a
  test allows (the wizard: st.code, st.text and the text box itself).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from ui.phone import STYLE

RENDERED_FIELDS = frozenset(("body", "label", "help", "captions", "text", "title", "caption"))
"""Proto fields Streamlit renders as Markdown."""

LIVE_MARKUP = re.compile(
    r"(?<!\\)<\s*[/!]?\s*[a-z]"  # an HTML tag or comment that is not escaped as \<
    r"|(?<!\\)\]\s*(?<!\\)\("  # a Markdown link or image: ](
    r"|javascript\s*:",
    re.IGNORECASE,
)


def nodes(at: AppTest) -> Iterator[tuple[str, object]]:
    """(type, proto) of every element and block the last run drew."""
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is not None:
            yield str(getattr(node, "type", "")), proto


def own_style(kind: str, proto: object) -> bool:
    """The app's one constant stylesheet (ui.phone.STYLE): st.html with nothing but our CSS."""
    return kind == "html" and getattr(proto, "body", None) == STYLE


def proto_strings(message: Message, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, value) of every string anywhere in a protobuf message."""
    for field, value in message.ListFields():
        name = f"{path}.{field.name}" if path else field.name
        if field.type == field.TYPE_STRING:
            for item in value if field.is_repeated else [value]:
                yield name, item
        elif field.type == field.TYPE_MESSAGE:
            if field.message_type.GetOptions().map_entry:
                for key, item in value.items():
                    yield f"{name}[key]", str(key)
                    if hasattr(item, "ListFields"):
                        yield from proto_strings(item, f"{name}[{key}]")
                    elif isinstance(item, str):
                        yield f"{name}[{key}]", item
            else:
                for item in value if field.is_repeated else [value]:
                    yield from proto_strings(item, name)


def strings(at: AppTest) -> Iterator[tuple[str, str, str]]:
    """(element type, field path, value) for every string on the page (our own stylesheet left out)."""
    for kind, proto in nodes(at):
        if own_style(kind, proto):
            continue
        for name, value in proto_strings(proto):
            yield kind, name, value


def rendered(kind: str, field_path: str) -> bool:
    """Whether Streamlit renders this field as Markdown."""
    leaf = field_path.rsplit(".", 1)[-1]
    if kind in ("code", "text", "dataframe", "arrow_data_frame", "plotly_chart", "json"):
        return False
    if leaf == "options":
        return kind == "radio"
    return leaf in RENDERED_FIELDS


def html_problems(at: AppTest) -> list[str]:
    """Places where the page would let a browser run HTML."""
    found = [
        f"st.html element: {proto}"[:300] for kind, proto in nodes(at) if kind == "html" and not own_style(kind, proto)
    ]
    for kind, proto in nodes(at):
        if getattr(proto, "allow_html", False):
            found.append(f"{kind} with unsafe_allow_html: {getattr(proto, 'body', '')[:200]!r}")
    return found


def markup_problems(at: AppTest) -> list[str]:
    """Markdown-rendered strings that hold live HTML or links."""
    return [
        f"{kind}.{name}: {value[:200]!r}"
        for kind, name, value in strings(at)
        if rendered(kind, name) and LIVE_MARKUP.search(value)
    ]


def marker_places(at: AppTest, marker: str) -> set[tuple[str, str]]:
    """(element type, field) of every string holding the marker."""
    return {(kind, name) for kind, name, value in strings(at) if marker in value}


def assert_text_is_text(at: AppTest) -> None:
    problems = html_problems(at) + markup_problems(at)
    assert not problems, "text shown as HTML or Markdown:\n" + "\n".join(problems)
    assert all(element.proto.body == STYLE for element in at.get("html")), "the page draws st.html"
