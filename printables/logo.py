"""The company logo as a flowable: scaled to fit its cell with the aspect kept, or left out.

The PNG was checked when it was stored, but the web system (or a hand edit) may put anything in
the company row, and a PNG whose header is fine can still be corrupt inside. So the image is
decoded in full here, before the layout: a logo that does not decode is logged and left out, and
the document renders without it (a statement run never stops for its logo).
"""

from __future__ import annotations

import io
import logging

from PIL import Image as PILImage
from reportlab.platypus import Flowable, Image

__all__ = ["logo_flowable"]

log = logging.getLogger(__name__)


def logo_flowable(png: bytes, max_width: float, max_height: float) -> Flowable | None:
    """The logo in at most ``max_width`` × ``max_height`` points, or None (no logo, or unusable)."""
    if not png:
        return None
    try:
        with PILImage.open(io.BytesIO(png)) as image:
            image.load()  # the whole image: a truncated or corrupt one fails here, not mid-render
            width, height = image.size
        scale = min(max_width / width, max_height / height)
        flowable = Image(io.BytesIO(png), width=width * scale, height=height * scale, mask="auto")
    except Exception as err:  # any decoding problem: this document goes on without the logo
        log.warning("the company logo is left out: it cannot be decoded (%s: %s)", type(err).__name__, err)
        return None
    flowable.hAlign = "CENTER"
    return flowable
