"""The PDF worker's side: a file's pages as text, in reading order, with pdfminer.six.

Only the child process of `pdf_reader.PdfWorker` imports this module, so the application's own
process never loads pdfminer (heavy, and unsafe on hostile files).
"""

from __future__ import annotations

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException

from careerplanner.importers.resume.columns import Box, page_text


def _lines(container) -> tuple:
    """A text box's lines as Boxes (reading order may place a margin note between them)."""
    return tuple(
        Box(line.x0, line.y0, line.x1, line.y1, line.get_text())
        for line in container
        if isinstance(line, LTTextLine)
    )


def extract_text(path: str) -> tuple[str, str, int]:
    """Runs in the worker: (status, text-or-reason, page count)."""
    try:
        # boxes_flow=None: reading order by position only; the default flow analysis has a
        # measured quadratic blow-up and mixes sidebar columns.
        pages = []
        for page in extract_pages(path, laparams=LAParams(boxes_flow=None)):
            boxes = [
                Box(item.x0, item.y0, item.x1, item.y1, item.get_text(), _lines(item))
                for item in page
                if isinstance(item, LTTextContainer)
            ]
            pages.append(page_text(boxes, page.width))
        text = "\f".join(pages)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return "encrypted", "", 0
    except MemoryError:
        return "memory", "", 0
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as error:
        return "damaged", f"{type(error).__name__}: {error}"[:200], 0
    except Exception as error:  # pdfminer raises many kinds on broken files
        if "encrypt" in str(error).lower() or "password" in str(error).lower():
            return "encrypted", "", 0
        return "damaged", f"{type(error).__name__}: {error}"[:200], 0
    return "ok", text, len(pages)
