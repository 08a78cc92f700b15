# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'thanks.ui'
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
    QSpacerItem, QVBoxLayout, QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.header import ScreenHeader
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.qr import CodeCard
from kiosk.qt.widgets.toolbar import PatientToolbar

class Ui_ThanksScreen(object):
    def setupUi(self, ThanksScreen):
        if not ThanksScreen.objectName():
            ThanksScreen.setObjectName(u"ThanksScreen")
        self.root_layout = QVBoxLayout(ThanksScreen)
        self.root_layout.setObjectName(u"root_layout")
        self.header = ScreenHeader(ThanksScreen)
        self.header.setObjectName(u"header")
        self.toolbar = PatientToolbar(self.header)
        self.toolbar.setObjectName(u"toolbar")

        self.root_layout.addWidget(self.header)

        self.space_above = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.root_layout.addItem(self.space_above)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.message = QWidget(ThanksScreen)
        self.message.setObjectName(u"message")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.message.sizePolicy().hasHeightForWidth())
        self.message.setSizePolicy(sizePolicy)
        self.message_layout = QVBoxLayout(self.message)
        self.message_layout.setObjectName(u"message_layout")
        self.message_layout.setContentsMargins(0, 0, 0, 0)
        self.space_above_message = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.message_layout.addItem(self.space_above_message)

        self.tick = QLabel(self.message)
        self.tick.setObjectName(u"tick")
        self.tick.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.message_layout.addWidget(self.tick)

        self.title = WrappingLabel(self.message)
        self.title.setObjectName(u"title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setProperty(u"role", u"title")

        self.message_layout.addWidget(self.title)

        self.when = WrappingLabel(self.message)
        self.when.setObjectName(u"when")
        self.when.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.when.setProperty(u"role", u"heading")

        self.message_layout.addWidget(self.when)

        self.reference_caption = WrappingLabel(self.message)
        self.reference_caption.setObjectName(u"reference_caption")
        self.reference_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reference_caption.setProperty(u"role", u"heading")

        self.message_layout.addWidget(self.reference_caption)

        self.reference_label = QLabel(self.message)
        self.reference_label.setObjectName(u"reference_label")
        self.reference_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reference_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reference_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.reference_label.setProperty(u"role", u"clinic")

        self.message_layout.addWidget(self.reference_label)

        self.clinic_name = WrappingLabel(self.message)
        self.clinic_name.setObjectName(u"clinic_name")
        self.clinic_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clinic_name.setProperty(u"role", u"clinic")

        self.message_layout.addWidget(self.clinic_name)

        self.clinic_phone = WrappingLabel(self.message)
        self.clinic_phone.setObjectName(u"clinic_phone")
        self.clinic_phone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clinic_phone.setProperty(u"role", u"heading")

        self.message_layout.addWidget(self.clinic_phone)

        self.seat = WrappingLabel(self.message)
        self.seat.setObjectName(u"seat")
        self.seat.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seat.setProperty(u"role", u"body")

        self.message_layout.addWidget(self.seat)

        self.space_below_message = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.message_layout.addItem(self.space_below_message)


        self.body.addWidget(self.message)

        self.contact_code = CodeCard(ThanksScreen)
        self.contact_code.setObjectName(u"contact_code")

        self.body.addWidget(self.contact_code)

        self.body.setStretch(0, 1)

        self.root_layout.addLayout(self.body)

        self.space_below = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.root_layout.addItem(self.space_below)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.space_left_of_done = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.space_left_of_done)

        self.done_button = TouchButton(ThanksScreen)
        self.done_button.setObjectName(u"done_button")
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.setProperty(u"role", u"primary")
        self.done_button.setProperty(u"iconName", u"fa5s.check")

        self.button_row.addWidget(self.done_button)

        self.space_right_of_done = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.space_right_of_done)

        self.button_row.setStretch(0, 1)
        self.button_row.setStretch(1, 1)
        self.button_row.setStretch(2, 1)

        self.root_layout.addLayout(self.button_row)

        self.root_layout.setStretch(2, 1)

        self.retranslateUi(ThanksScreen)

        QMetaObject.connectSlotsByName(ThanksScreen)
    # setupUi

    def retranslateUi(self, ThanksScreen):
        self.title.setText(QCoreApplication.translate("ThanksScreen", u"Thank you! We will call you.", None))
        self.reference_caption.setText(QCoreApplication.translate("ThanksScreen", u"Your reference:", None))
        self.seat.setText(QCoreApplication.translate("ThanksScreen", u"You can go back to your seat.", None))
#if QT_CONFIG(accessibility)
        self.done_button.setAccessibleDescription(QCoreApplication.translate("ThanksScreen", u"Back to the slides", None))
#endif // QT_CONFIG(accessibility)
        self.done_button.setText(QCoreApplication.translate("ThanksScreen", u"Done", None))
        pass
    # retranslateUi

