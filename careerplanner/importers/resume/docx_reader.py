"""Word .docx resumes: paragraphs and table cells in document order, one line each."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from careerplanner.errors import UserError

_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")


def docx_text(path: Path, archive: zipfile.ZipFile) -> str:
    """The text of a .docx already opened as `archive` (sizes checked by the caller)."""
    for name in archive.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            with archive.open(name) as member:
                head = member.read(4096)
            # Entity definitions are how XML bombs ("billion laughs") work; Word never writes them.
            if any(marker in head for marker in _FORBIDDEN):
                raise UserError(
                    f"{path.name} contains XML entity definitions ({name}), which Word never "
                    "writes; it was refused as unsafe."
                )
    try:
        import docx  # python-docx is heavy: loaded only when a .docx is read

        document = docx.Document(io.BytesIO(path.read_bytes()))
    except Exception as error:  # python-docx raises many kinds for a broken package
        raise UserError(
            f"{path.name} is a damaged Word document ({type(error).__name__})."
        ) from None
    lines: list[str] = []
    body = document.element.body
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(block))
        elif tag == "tbl":
            for row in block.iter(f"{block.tag.rsplit('}', 1)[0]}}}tr"):
                cells = [_paragraph_text(p) for p in row.iter(f"{block.tag.rsplit('}', 1)[0]}}}p")]
                lines.extend(cell for cell in cells if cell.strip())
    text = "\n".join(lines)
    if not text.strip():
        raise UserError(f"{path.name} has no text.")
    return text


def _paragraph_text(element) -> str:
    namespace = element.tag.rsplit("}", 1)[0] + "}"
    parts = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{namespace}t" and node.text:
            parts.append(node.text)
        elif tag in (f"{namespace}tab",):
            parts.append("\t")
        elif tag in (f"{namespace}br", f"{namespace}cr"):
            parts.append("\n")
    return "".join(parts)
