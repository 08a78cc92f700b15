# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staff_confirm_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.labels import WrappingLabel

class Ui_ConfirmOverlay(object):
    def setupUi(self, ConfirmOverlay):
        if not ConfirmOverlay.objectName():
            ConfirmOverlay.setObjectName(u"ConfirmOverlay")
        ConfirmOverlay.setProperty(u"role", u"overlay")
        self.outer = QVBoxLayout(ConfirmOverlay)
        self.outer.setObjectName(u"outer")
        self.space_above = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.space_above)

        self.card_row = QHBoxLayout()
        self.card_row.setObjectName(u"card_row")
        self.space_left = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.card_row.addItem(self.space_left)

        self.card = QFrame(ConfirmOverlay)
        self.card.setObjectName(u"card")
        self.card.setProperty(u"role", u"card")
        self.body = QVBoxLayout(self.card)
        self.body.setSpacing(18)
        self.body.setObjectName(u"body")
        self.title = WrappingLabel(self.card)
        self.title.setObjectName(u"title")
        self.title.setProperty(u"role", u"heading")

        self.body.addWidget(self.title)

        self.text = WrappingLabel(self.card)
        self.text.setObjectName(u"text")
        self.text.setProperty(u"role", u"body")

        self.body.addWidget(self.text)

        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(24)
        self.button_row.setObjectName(u"button_row")
        self.cancel_button = TouchButton(self.card)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setProperty(u"iconName", u"fa5s.times")

        self.button_row.addWidget(self.cancel_button)

        self.confirm_button = TouchButton(self.card)
        self.confirm_button.setObjectName(u"confirm_button")
        self.confirm_button.setProperty(u"role", u"primary")

        self.button_row.addWidget(self.confirm_button)

        self.button_row.setStretch(0, 1)
        self.button_row.setStretch(1, 1)

        self.body.addLayout(self.button_row)


        self.card_row.addWidget(self.card)

        self.space_right = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.card_row.addItem(self.space_right)

        self.card_row.setStretch(0, 1)
        self.card_row.setStretch(2, 1)

        self.outer.addLayout(self.card_row)

        self.space_below = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.space_below)

        self.outer.setStretch(0, 1)
        self.outer.setStretch(2, 1)

        self.retranslateUi(ConfirmOverlay)

        QMetaObject.connectSlotsByName(ConfirmOverlay)
    # setupUi

    def retranslateUi(self, ConfirmOverlay):
        pass
    # retranslateUi

