"""QR codes drawn as one path, by either encoder, read back from the PDF by ZXing."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from basc_desktop.reports.qr_drawing import draw_qr, encode_qr
from basc_desktop.reports.qr_reading import read_qr_codes

PAYLOAD = (
    "BASC1.co-bog.COLBOG00074-1-2.900.123.456-7.20241122.20251122.Xq3v_8aB."
    "71yT9tnV1LJ_79z2xFTmOz5rjwO_pK81yF3IjEh6FMxLr_LGl6KgSJoUyMoiYZjKOjf7xCjJ9Gn7jDw_3-SdAw"
)


@pytest.mark.parametrize("encoder", ["zxing", "segno"])
def test_a_drawn_qr_code_reads_back(encoder: str, tmp_path: Path) -> None:
    path = tmp_path / "qr.pdf"
    canvas = Canvas(str(path), pagesize=(300, 300), pageCompression=0)
    symbol = encode_qr(PAYLOAD, encoder=encoder)
    draw_qr(canvas, symbol, 50, 50, 112)  # the size a certificate prints it
    canvas.drawString(50, 20, "ÁÉÍ & <text beside the code>")
    canvas.showPage()
    canvas.save()
    content = path.read_bytes()
    assert content.count(b" re") < 1000  # runs, not one square per module
    assert read_qr_codes(path, dpi=150) == [PAYLOAD]


def test_both_encoders_make_a_small_symbol() -> None:
    for encoder in ("zxing", "segno"):
        symbol = encode_qr(PAYLOAD, encoder=encoder)
        assert 21 <= symbol.size <= 53
        assert symbol.runs[0][0] == (0, 7)  # the top-left finder pattern
