# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'slide.ui'
##
## Created by: Qt User Interface Compiler (pyside6-uic)
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from kiosk.qt.pictures import PictureView
from kiosk.qt.widgets.labels import WrappingLabel

class Ui_SlideView(object):
    def setupUi(self, SlideView):
        if not SlideView.objectName():
            SlideView.setObjectName(u"SlideView")
        self.box = QHBoxLayout(SlideView)
        self.box.setSpacing(32)
        self.box.setObjectName(u"box")
        self.box.setContentsMargins(0, 0, 0, 0)
        self.picture = PictureView(SlideView)
        self.picture.setObjectName(u"picture")

        self.box.addWidget(self.picture)

        self.text_column = QWidget(SlideView)
        self.text_column.setObjectName(u"text_column")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.text_column.sizePolicy().hasHeightForWidth())
        self.text_column.setSizePolicy(sizePolicy)
        self.text_layout = QVBoxLayout(self.text_column)
        self.text_layout.setSpacing(18)
        self.text_layout.setObjectName(u"text_layout")
        self.text_layout.setContentsMargins(0, 0, 0, 0)
        self.space_above_text = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.text_layout.addItem(self.space_above_text)

        self.title = WrappingLabel(self.text_column)
        self.title.setObjectName(u"title")
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(u"slide title")
#endif // QT_CONFIG(accessibility)
        self.title.setProperty(u"role", u"title")

        self.text_layout.addWidget(self.title)

        self.body = WrappingLabel(self.text_column)
        self.body.setObjectName(u"body")
        self.body.setProperty(u"role", u"body")

        self.text_layout.addWidget(self.body)

        self.bullets = WrappingLabel(self.text_column)
        self.bullets.setObjectName(u"bullets")
        self.bullets.setTextFormat(Qt.TextFormat.RichText)
        self.bullets.setProperty(u"role", u"body")

        self.text_layout.addWidget(self.bullets)

        self.qr_row = QHBoxLayout()
        self.qr_row.setObjectName(u"qr_row")
        self.qr_caption = WrappingLabel(self.text_column)
        self.qr_caption.setObjectName(u"qr_caption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption.setProperty(u"role", u"heading")

        self.qr_row.addWidget(self.qr_caption)

        self.qr_row.setStretch(0, 1)

        self.text_layout.addLayout(self.qr_row)

        self.space_below_text = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.text_layout.addItem(self.space_below_text)

        self.text_layout.setStretch(0, 1)
        self.text_layout.setStretch(5, 2)

        self.box.addWidget(self.text_column)

        self.box.setStretch(0, 11)
        self.box.setStretch(1, 9)

        self.retranslateUi(SlideView)

        QMetaObject.connectSlotsByName(SlideView)
    # setupUi

    def retranslateUi(self, SlideView):
        pass
    # retranslateUi

