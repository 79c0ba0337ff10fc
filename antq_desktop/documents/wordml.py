"""Small pieces of WordprocessingML that python-docx has no API for, written in the schema's order.

Word refuses (or "repairs") a file whose property elements are out of the order
ECMA-376 gives them, so anything added by hand goes through :func:`put`, which
places it after its predecessors and before its successors instead of appending.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W = qn("w:x")[:-1]  # "{namespace}"

# ECMA-376 part 1: CT_PPrBase (+ rPr, sectPr, pPrChange of CT_PPr), CT_TblPrBase, CT_TcPr,
# CT_PBdr, CT_TblCellMar.
ORDER: dict[str, tuple[str, ...]] = {
    "w:pPr": tuple(
        (
            "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers"
            " pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE"
            " autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents"
            " suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle"
            " rPr sectPr pPrChange"
        ).split()
    ),
    "w:tblPr": tuple(
        (
            "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc"
            " tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
        ).split()
    ),
    "w:tcPr": tuple(
        (
            "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText"
            " vAlign hideMark"
        ).split()
    ),
}


def put(parent, child):  # noqa: ANN001, ANN201 - lxml elements of python-docx
    """Insert ``child`` into ``parent`` at its place in the schema's order, replacing one of its kind."""
    order = ORDER["w:" + parent.tag.replace(W, "")]
    name = child.tag.replace(W, "")
    for old in parent.findall(child.tag):
        parent.remove(old)
    later = {qn(f"w:{n}") for n in order[order.index(name) + 1 :]}
    for i, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def element(tag: str, **attrs: str):  # noqa: ANN201
    """``<w:tag w:k="v" …>``."""
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def top_rule(p_pr, *, size_eighths: int = 6) -> None:  # noqa: ANN001
    """A solid top border on the paragraph whose ``w:pPr`` this is."""
    borders = element("w:pBdr")
    borders.append(element("w:top", val="single", sz=str(size_eighths), space="0", color="000000"))
    put(p_pr, borders)


def mark_size(p_pr, half_points: int) -> None:  # noqa: ANN001
    """The size of the paragraph mark (what an empty paragraph's height follows)."""
    r_pr = element("w:rPr")
    r_pr.append(element("w:sz", val=str(half_points)))
    r_pr.append(element("w:szCs", val=str(half_points)))
    put(p_pr, r_pr)


def no_borders(tbl_pr) -> None:  # noqa: ANN001
    borders = element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{edge}", val="nil"))
    put(tbl_pr, borders)


def cell_side_margins(tbl_pr, twips: int) -> None:  # noqa: ANN001
    """Left and right padding of every cell of the table (Word's default is 108 twips, 1.9 mm)."""
    margins = element("w:tblCellMar")
    margins.append(element("w:left", w=str(twips), type="dxa"))
    margins.append(element("w:right", w=str(twips), type="dxa"))
    put(tbl_pr, margins)


def font_stand_in(font_table_blob: bytes, font: str, stand_in: str) -> bytes:
    """The font table with ``stand_in`` as ``font``'s alternative name and its family "roman"
    (what Word and LibreOffice look at to substitute a missing font)."""
    from lxml import etree

    root = etree.fromstring(font_table_blob)
    for f in root.iter(qn("w:font")):
        if f.get(qn("w:name")) != font:
            continue
        for old in f.findall(qn("w:altName")):
            f.remove(old)
        f.insert(0, element("w:altName", val=stand_in))  # CT_Font: altName comes first
        for family in f.findall(qn("w:family")):
            family.set(qn("w:val"), "roman")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
