"""The slide pictures: SVG files rendered with QtSvg, labelled by the kiosk and animated by layers.

`document` splits a file into still runs and moving groups in the normal or high-contrast look, `labels` lays out
and draws the labels with their leader lines, `layers` renders and caches the pixmaps, `view` is the PictureView
the slide shows. Colours, motion data and the checks `check` runs are plain Python in kiosk.core.pictures.
"""

from kiosk.qt.pictures.document import PictureDocument, load_picture
from kiosk.qt.pictures.view import PictureView

__all__ = ["PictureDocument", "PictureView", "load_picture"]
