# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'education.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

from kiosk.qt.screens.slide import SlideView
from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.header import ScreenHeader
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.page_dots import PageDots
from kiosk.qt.widgets.toolbar import PatientToolbar

class Ui_EducationScreen(object):
    def setupUi(self, EducationScreen):
        if not EducationScreen.objectName():
            EducationScreen.setObjectName(u"EducationScreen")
        self.root_layout = QVBoxLayout(EducationScreen)
        self.root_layout.setObjectName(u"root_layout")
        self.header = ScreenHeader(EducationScreen)
        self.header.setObjectName(u"header")
        self.header_left = QWidget(self.header)
        self.header_left.setObjectName(u"header_left")
        self.top_bar = QHBoxLayout(self.header_left)
        self.top_bar.setObjectName(u"top_bar")
        self.top_bar.setContentsMargins(0, 0, 0, 0)
        self.logo = QLabel(self.header_left)
        self.logo.setObjectName(u"logo")

        self.top_bar.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignVCenter)

        self.identity = QVBoxLayout()
        self.identity.setSpacing(0)
        self.identity.setObjectName(u"identity")
        self.identity.setContentsMargins(0, 0, 0, 0)
        self.clinic = WrappingLabel(self.header_left)
        self.clinic.setObjectName(u"clinic")
        self.clinic.setProperty(u"role", u"clinic")

        self.identity.addWidget(self.clinic)

        self.phone = WrappingLabel(self.header_left)
        self.phone.setObjectName(u"phone")
        self.phone.setProperty(u"role", u"muted")

        self.identity.addWidget(self.phone)


        self.top_bar.addLayout(self.identity)

        self.pause_note = WrappingLabel(self.header_left)
        self.pause_note.setObjectName(u"pause_note")
        self.pause_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pause_note.setProperty(u"role", u"muted")

        self.top_bar.addWidget(self.pause_note)

        self.top_bar.setStretch(1, 3)
        self.top_bar.setStretch(2, 2)
        self.toolbar = PatientToolbar(self.header)
        self.toolbar.setObjectName(u"toolbar")

        self.root_layout.addWidget(self.header)

        self.stage = QWidget(EducationScreen)
        self.stage.setObjectName(u"stage")
        self.slide_view = SlideView(self.stage)
        self.slide_view.setObjectName(u"slide_view")

        self.root_layout.addWidget(self.stage)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.nav = QHBoxLayout()
        self.nav.setObjectName(u"nav")
        self.prev_button = TouchButton(EducationScreen)
        self.prev_button.setObjectName(u"prev_button")
        self.prev_button.setProperty(u"role", u"ghost")
        self.prev_button.setProperty(u"iconName", u"fa5s.chevron-left")

        self.nav.addWidget(self.prev_button)

        self.dots = PageDots(EducationScreen)
        self.dots.setObjectName(u"dots")

        self.nav.addWidget(self.dots)

        self.next_button = TouchButton(EducationScreen)
        self.next_button.setObjectName(u"next_button")
        self.next_button.setProperty(u"role", u"ghost")
        self.next_button.setProperty(u"iconName", u"fa5s.chevron-right")

        self.nav.addWidget(self.next_button)

        self.nav.setStretch(1, 1)

        self.bottom.addLayout(self.nav)

        self.cta = TouchButton(EducationScreen)
        self.cta.setObjectName(u"cta")
        self.cta.setProperty(u"role", u"cta")
        self.cta.setProperty(u"iconName", u"fa5s.clipboard-check")

        self.bottom.addWidget(self.cta)

        self.bottom.setStretch(0, 1)
        self.bottom.setStretch(1, 1)

        self.root_layout.addLayout(self.bottom)

        self.root_layout.setStretch(1, 1)

        self.retranslateUi(EducationScreen)

        QMetaObject.connectSlotsByName(EducationScreen)
    # setupUi

    def retranslateUi(self, EducationScreen):
        self.pause_note.setText(QCoreApplication.translate("EducationScreen", u"Paused \u2014 the slides go on by themselves soon", None))
#if QT_CONFIG(accessibility)
        self.prev_button.setAccessibleName(QCoreApplication.translate("EducationScreen", u"Previous", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.prev_button.setAccessibleDescription(QCoreApplication.translate("EducationScreen", u"Show the previous slide", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.next_button.setAccessibleName(QCoreApplication.translate("EducationScreen", u"Next", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.next_button.setAccessibleDescription(QCoreApplication.translate("EducationScreen", u"Show the next slide", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.cta.setAccessibleDescription(QCoreApplication.translate("EducationScreen", u"Tick the symptoms you have, then ask for a free phone call", None))
#endif // QT_CONFIG(accessibility)
        self.cta.setText(QCoreApplication.translate("EducationScreen", u"Check my symptoms", None))
        pass
    # retranslateUi

