"""The slide pictures and the QR code, drawn in code for the education screen; this module is their public face.

Every picture is drawn in code, in one 1000 x 1000 logical design box that is scaled to fit the target
rectangle (aspect ratio kept, centred). Nothing is a bitmap, so the pictures stay crisp from a phone-sized
preview up to a 4K kiosk screen. Labels are the exception to the scaling: they are laid out afterwards in
the target's own coordinates, so their size follows the *rectangle* (readable from a metre away) and they are
clamped inside it, whatever shape the slide gives us.

Style: flat, calm, rounded shapes with a clear outline; the psoas is always `palette.muscle` (coral), other
muscles `muscle_other`, bones `bone`, people a soft tint of `accent`.

Modules, bottom up: `palette` (colours), `geometry` (points and paths), `labels` (label texts and layout),
`canvas` (the drawing context), `anatomy` and `figures` (parts several pictures share), the picture families
`inside`, `movement`, `whole_body` and `objects`, `registry` (name -> layers), `painting` (fit, layers,
cache), and the widgets `view` (IllustrationView) and `qr` (QrCodeView). Names with a leading underscore are
shared between these modules only; code elsewhere imports from this package.
"""

from kiosk.qt.pictures.labels import DEFAULT_LABELS, label_pixel_size
from kiosk.qt.pictures.painting import paint_illustration
from kiosk.qt.pictures.palette import IllustrationPalette
from kiosk.qt.pictures.qr import QrCodeView, paint_qr
from kiosk.qt.pictures.registry import ILLUSTRATIONS, Illustration
from kiosk.qt.pictures.view import IllustrationView

__all__ = [
    "DEFAULT_LABELS",
    "ILLUSTRATIONS",
    "Illustration",
    "IllustrationPalette",
    "IllustrationView",
    "QrCodeView",
    "label_pixel_size",
    "paint_illustration",
    "paint_qr",
]
