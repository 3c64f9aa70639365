"""The company logo as the web system's company settings row holds it: a PNG, base64 in ``logo_png``.

Settings convert whatever the user picked (PNG or JPEG) to a PNG within the limits below before
storing it; the printables read it back through :func:`decode_logo`, which never raises: a value
that is not a usable PNG (put there by the web system or by hand) is reported and left out, so a
statement run never stops for its logo.
"""

from __future__ import annotations

import base64
import binascii
import struct
from typing import Any

__all__ = ["LOGO_KEY", "MAX_LOGO_BYTES", "MAX_LOGO_SIDE", "LogoError", "decode_logo", "encode_logo", "png_size"]

LOGO_KEY = "logo_png"
MAX_LOGO_BYTES = 1_000_000  # the stored PNG; a header logo of 1,000 px is ~50–300 kB
MAX_LOGO_SIDE = 4000        # pixels on either side (a larger image is a photo, not a logo)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class LogoError(ValueError):
    """Why a logo cannot be used; ``message_ja`` is what the user reads."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_ja = message_ja


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header; ``LogoError`` when ``data`` is not a PNG in the limits."""
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(f"the logo is {len(data):,} bytes; at most {MAX_LOGO_BYTES:,} are allowed",
                        f"画像が大きすぎます（{len(data):,} バイト、上限 {MAX_LOGO_BYTES:,} バイト）")
    if not data.startswith(PNG_SIGNATURE) or len(data) < 24 or data[12:16] != b"IHDR":
        raise LogoError("the logo is not a PNG image", "PNG画像ではありません")
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_LOGO_SIDE and 0 < height <= MAX_LOGO_SIDE):
        raise LogoError(f"the logo is {width}×{height} pixels; at most {MAX_LOGO_SIDE} on a side",
                        f"画像の大きさが範囲外です（{width}×{height} ピクセル、上限 {MAX_LOGO_SIDE}）")
    return width, height


def encode_logo(png: bytes) -> str:
    """The value stored under ``LOGO_KEY`` (checked first)."""
    png_size(png)
    return base64.b64encode(png).decode("ascii")


def decode_logo(value: Any) -> tuple[bytes, str]:
    """``(png, problem)``: the PNG bytes (empty when there is no usable logo) and, when a value was
    there but unusable, why (English; the caller records it). Never raises."""
    if value in (None, ""):
        return b"", ""
    if not isinstance(value, str):
        return b"", f"{LOGO_KEY} is a {type(value).__name__}, not base64 text"
    try:
        png = base64.b64decode(value, validate=True)
        png_size(png)
    except (binascii.Error, ValueError) as err:
        return b"", f"{LOGO_KEY} is not a usable PNG: {err}"
    return png, ""
