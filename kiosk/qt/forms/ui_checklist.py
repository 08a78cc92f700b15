# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'checklist.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QSizePolicy, QVBoxLayout,
    QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.header import ScreenHeader
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.scrolling import FormScrollArea
from kiosk.qt.widgets.tiles import TileGrid
from kiosk.qt.widgets.toolbar import PatientToolbar

class Ui_ChecklistScreen(object):
    def setupUi(self, ChecklistScreen):
        if not ChecklistScreen.objectName():
            ChecklistScreen.setObjectName(u"ChecklistScreen")
        self.root_layout = QVBoxLayout(ChecklistScreen)
        self.root_layout.setObjectName(u"root_layout")
        self.header = ScreenHeader(ChecklistScreen)
        self.header.setObjectName(u"header")
        self.title = WrappingLabel(self.header)
        self.title.setObjectName(u"title")
        self.title.setProperty(u"role", u"title")
        self.toolbar = PatientToolbar(self.header)
        self.toolbar.setObjectName(u"toolbar")

        self.root_layout.addWidget(self.header)

        self.hint = WrappingLabel(ChecklistScreen)
        self.hint.setObjectName(u"hint")
        self.hint.setProperty(u"role", u"body")

        self.root_layout.addWidget(self.hint)

        self.scroll = FormScrollArea(ChecklistScreen)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.grid = TileGrid()
        self.grid.setObjectName(u"grid")
        self.scroll.setWidget(self.grid)

        self.root_layout.addWidget(self.scroll)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.back_button = TouchButton(ChecklistScreen)
        self.back_button.setObjectName(u"back_button")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.setProperty(u"iconName", u"fa5s.arrow-left")

        self.button_row.addWidget(self.back_button)

        self.message = WrappingLabel(ChecklistScreen)
        self.message.setObjectName(u"message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setProperty(u"role", u"error")

        self.button_row.addWidget(self.message)

        self.next_button = TouchButton(ChecklistScreen)
        self.next_button.setObjectName(u"next_button")
        self.next_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.next_button.setProperty(u"role", u"primary")
        self.next_button.setProperty(u"iconName", u"fa5s.arrow-right")

        self.button_row.addWidget(self.next_button)

        self.button_row.setStretch(0, 2)
        self.button_row.setStretch(1, 3)
        self.button_row.setStretch(2, 2)

        self.root_layout.addLayout(self.button_row)

        self.root_layout.setStretch(2, 1)

        self.retranslateUi(ChecklistScreen)

        QMetaObject.connectSlotsByName(ChecklistScreen)
    # setupUi

    def retranslateUi(self, ChecklistScreen):
        self.title.setText(QCoreApplication.translate("ChecklistScreen", u"Which of these do you have?", None))
        self.hint.setText(QCoreApplication.translate("ChecklistScreen", u"Tap every one that you have. You can choose more than one.", None))
#if QT_CONFIG(accessibility)
        self.back_button.setAccessibleDescription(QCoreApplication.translate("ChecklistScreen", u"Back to the slides", None))
#endif // QT_CONFIG(accessibility)
        self.back_button.setText(QCoreApplication.translate("ChecklistScreen", u"Back", None))
#if QT_CONFIG(accessibility)
        self.next_button.setAccessibleDescription(QCoreApplication.translate("ChecklistScreen", u"See your answers", None))
#endif // QT_CONFIG(accessibility)
        self.next_button.setText(QCoreApplication.translate("ChecklistScreen", u"Next", None))
        pass
    # retranslateUi

