# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'still_there.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.labels import WrappingLabel

class Ui_StillThereOverlay(object):
    def setupUi(self, StillThereOverlay):
        if not StillThereOverlay.objectName():
            StillThereOverlay.setObjectName(u"StillThereOverlay")
        self.card = QFrame(StillThereOverlay)
        self.card.setObjectName(u"card")
        self.card.setProperty(u"role", u"card")
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setObjectName(u"card_layout")
        self.picture = QLabel(self.card)
        self.picture.setObjectName(u"picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.card_layout.addWidget(self.picture)

        self.title = WrappingLabel(self.card)
        self.title.setObjectName(u"title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setProperty(u"role", u"title")

        self.card_layout.addWidget(self.title)

        self.body = WrappingLabel(self.card)
        self.body.setObjectName(u"body")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setProperty(u"role", u"body")

        self.card_layout.addWidget(self.body)

        self.countdown = WrappingLabel(self.card)
        self.countdown.setObjectName(u"countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setProperty(u"role", u"heading")

        self.card_layout.addWidget(self.countdown)

        self.continue_button = TouchButton(self.card)
        self.continue_button.setObjectName(u"continue_button")
        self.continue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.continue_button.setProperty(u"role", u"primary")
        self.continue_button.setProperty(u"iconName", u"fa5s.hand-pointer")

        self.card_layout.addWidget(self.continue_button)


        self.retranslateUi(StillThereOverlay)

        QMetaObject.connectSlotsByName(StillThereOverlay)
    # setupUi

    def retranslateUi(self, StillThereOverlay):
        self.title.setText(QCoreApplication.translate("StillThereOverlay", u"Still there?", None))
        self.body.setText(QCoreApplication.translate("StillThereOverlay", u"Tap anywhere to continue.", None))
        self.continue_button.setText(QCoreApplication.translate("StillThereOverlay", u"I'm still here", None))
        pass
    # retranslateUi

