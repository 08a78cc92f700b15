# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'summary.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLayout, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.header import ScreenHeader
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.qr import SmsCodeCard
from kiosk.qt.widgets.scrolling import (FormScrollArea, ScrollContent)
from kiosk.qt.widgets.toolbar import PatientToolbar

class Ui_SummaryScreen(object):
    def setupUi(self, SummaryScreen):
        if not SummaryScreen.objectName():
            SummaryScreen.setObjectName(u"SummaryScreen")
        self.root_layout = QVBoxLayout(SummaryScreen)
        self.root_layout.setObjectName(u"root_layout")
        self.header = ScreenHeader(SummaryScreen)
        self.header.setObjectName(u"header")
        self.title = WrappingLabel(self.header)
        self.title.setObjectName(u"title")
        self.title.setProperty(u"role", u"title")
        self.toolbar = PatientToolbar(self.header)
        self.toolbar.setObjectName(u"toolbar")

        self.root_layout.addWidget(self.header)

        self.space_above = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.root_layout.addItem(self.space_above)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.answers_scroll = FormScrollArea(SummaryScreen)
        self.answers_scroll.setObjectName(u"answers_scroll")
        self.answers_scroll.setWidgetResizable(True)
        self.answers_content = ScrollContent()
        self.answers_content.setObjectName(u"answers_content")
        self.answers = QVBoxLayout(self.answers_content)
        self.answers.setObjectName(u"answers")
        self.answers.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.answers.setContentsMargins(0, 0, 0, 0)
        self.card = QFrame(self.answers_content)
        self.card.setObjectName(u"card")
        self.card.setProperty(u"role", u"card")
        self.card_layout = QGridLayout(self.card)
        self.card_layout.setObjectName(u"card_layout")
        self.phone_icon = QLabel(self.card)
        self.phone_icon.setObjectName(u"phone_icon")
        self.phone_icon.setAlignment(Qt.AlignmentFlag.AlignTop|Qt.AlignmentFlag.AlignHCenter)

        self.card_layout.addWidget(self.phone_icon, 0, 0, 1, 1)

        self.text = WrappingLabel(self.card)
        self.text.setObjectName(u"text")
        self.text.setProperty(u"role", u"heading")

        self.card_layout.addWidget(self.text, 0, 1, 1, 1)

        self.request_button = TouchButton(self.card)
        self.request_button.setObjectName(u"request_button")
        self.request_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.request_button.setProperty(u"role", u"cta")
        self.request_button.setProperty(u"iconName", u"fa5s.phone-alt")

        self.card_layout.addWidget(self.request_button, 1, 0, 1, 2)

        self.card_layout.setColumnStretch(1, 1)

        self.answers.addWidget(self.card)

        self.chosen_card = QFrame(self.answers_content)
        self.chosen_card.setObjectName(u"chosen_card")
        self.chosen_card.setProperty(u"role", u"card")
        self.chosen_layout = QVBoxLayout(self.chosen_card)
        self.chosen_layout.setObjectName(u"chosen_layout")
        self.chosen_title = WrappingLabel(self.chosen_card)
        self.chosen_title.setObjectName(u"chosen_title")
        self.chosen_title.setProperty(u"role", u"heading")

        self.chosen_layout.addWidget(self.chosen_title)

        self.chosen_list = WrappingLabel(self.chosen_card)
        self.chosen_list.setObjectName(u"chosen_list")
        self.chosen_list.setAlignment(Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.chosen_list.setProperty(u"role", u"body")

        self.chosen_layout.addWidget(self.chosen_list)


        self.answers.addWidget(self.chosen_card)

        self.space_below_answers = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.answers.addItem(self.space_below_answers)

        self.answers_scroll.setWidget(self.answers_content)

        self.body.addWidget(self.answers_scroll)

        self.sms_code = SmsCodeCard(SummaryScreen)
        self.sms_code.setObjectName(u"sms_code")

        self.body.addWidget(self.sms_code)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 2)

        self.root_layout.addLayout(self.body)

        self.space_below = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.root_layout.addItem(self.space_below)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.back_button = TouchButton(SummaryScreen)
        self.back_button.setObjectName(u"back_button")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.setProperty(u"iconName", u"fa5s.arrow-left")

        self.button_row.addWidget(self.back_button)

        self.start_over_button = TouchButton(SummaryScreen)
        self.start_over_button.setObjectName(u"start_over_button")
        self.start_over_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_over_button.setProperty(u"role", u"ghost")
        self.start_over_button.setProperty(u"iconName", u"fa5s.undo-alt")

        self.button_row.addWidget(self.start_over_button)

        self.space_right_of_buttons = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.space_right_of_buttons)

        self.button_row.setStretch(0, 1)
        self.button_row.setStretch(1, 1)
        self.button_row.setStretch(2, 2)

        self.root_layout.addLayout(self.button_row)

        self.root_layout.setStretch(2, 1)

        self.retranslateUi(SummaryScreen)

        QMetaObject.connectSlotsByName(SummaryScreen)
    # setupUi

    def retranslateUi(self, SummaryScreen):
        self.title.setText(QCoreApplication.translate("SummaryScreen", u"Your answers", None))
#if QT_CONFIG(accessibility)
        self.request_button.setAccessibleDescription(QCoreApplication.translate("SummaryScreen", u"Type your name and phone number on the next screen", None))
#endif // QT_CONFIG(accessibility)
        self.request_button.setText(QCoreApplication.translate("SummaryScreen", u"Request a free phone call", None))
        self.chosen_title.setText(QCoreApplication.translate("SummaryScreen", u"You chose:", None))
#if QT_CONFIG(accessibility)
        self.back_button.setAccessibleDescription(QCoreApplication.translate("SummaryScreen", u"Change your answers", None))
#endif // QT_CONFIG(accessibility)
        self.back_button.setText(QCoreApplication.translate("SummaryScreen", u"Back", None))
#if QT_CONFIG(accessibility)
        self.start_over_button.setAccessibleDescription(QCoreApplication.translate("SummaryScreen", u"Clear your answers and go back to the slides", None))
#endif // QT_CONFIG(accessibility)
        self.start_over_button.setText(QCoreApplication.translate("SummaryScreen", u"Start over", None))
        pass
    # retranslateUi

