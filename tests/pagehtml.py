"""Reading Datasette's HTML in tests without a browser: every element with its
attributes, its text and the elements around it (the standard library's parser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    parts: list = field(default_factory=list)  # text and child elements, in order

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def inside(self, tag: str, css: str | None = None) -> Element | None:
        """The nearest enclosing *tag* (with class *css*)."""
        return next((a for a in self.ancestors() if a.tag == tag and (css is None or css in a.classes)), None)

    def find_all(self, tag: str, css: str | None = None, **attrs) -> list[Element]:
        out = []
        for part in self.parts:
            if isinstance(part, Element):
                if part.tag == tag and (css is None or css in part.classes) and \
                        all(part.attrs.get(k) == v for k, v in attrs.items()):
                    out.append(part)
                out += part.find_all(tag, css, **attrs)
        return out


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {}, None)
        self.node = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.parts.append(element)
        if tag not in VOID:
            self.node = element

    def handle_endtag(self, tag):
        node = self.node
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.node = node.parent

    def handle_data(self, data):
        self.node.parts.append(data)


def parse(html: str) -> Element:
    parser = _Parser()
    parser.feed(html)
    return parser.root
