# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'request_form.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel,
    QLayout, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.header import ScreenHeader
from kiosk.qt.widgets.keyboard import OnScreenKeyboard
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.scrolling import (FormScrollArea, ScrollContent)
from kiosk.qt.widgets.tiles import ToggleTile
from kiosk.qt.widgets.toolbar import PatientToolbar

class Ui_RequestFormScreen(object):
    def setupUi(self, RequestFormScreen):
        if not RequestFormScreen.objectName():
            RequestFormScreen.setObjectName(u"RequestFormScreen")
        self.root_layout = QVBoxLayout(RequestFormScreen)
        self.root_layout.setObjectName(u"root_layout")
        self.header = ScreenHeader(RequestFormScreen)
        self.header.setObjectName(u"header")
        self.header_left = QWidget(self.header)
        self.header_left.setObjectName(u"header_left")
        self.title_box = QVBoxLayout(self.header_left)
        self.title_box.setSpacing(0)
        self.title_box.setObjectName(u"title_box")
        self.title_box.setContentsMargins(0, 0, 0, 0)
        self.title = WrappingLabel(self.header_left)
        self.title.setObjectName(u"title")
        self.title.setProperty(u"role", u"heading")

        self.title_box.addWidget(self.title)

        self.symptoms_line = WrappingLabel(self.header_left)
        self.symptoms_line.setObjectName(u"symptoms_line")
        self.symptoms_line.setProperty(u"role", u"muted")

        self.title_box.addWidget(self.symptoms_line)

        self.banner = WrappingLabel(self.header_left)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setProperty(u"role", u"banner")

        self.title_box.addWidget(self.banner)

        self.toolbar = PatientToolbar(self.header)
        self.toolbar.setObjectName(u"toolbar")

        self.root_layout.addWidget(self.header)

        self.symptoms_error = WrappingLabel(RequestFormScreen)
        self.symptoms_error.setObjectName(u"symptoms_error")
        self.symptoms_error.setVisible(False)
        self.symptoms_error.setProperty(u"role", u"error")

        self.root_layout.addWidget(self.symptoms_error)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.scroll = FormScrollArea(RequestFormScreen)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.form = ScrollContent()
        self.form.setObjectName(u"form")
        self.form_layout = QVBoxLayout(self.form)
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.name_label_cell = QGridLayout()
        self.name_label_cell.setSpacing(0)
        self.name_label_cell.setObjectName(u"name_label_cell")
        self.name_label = WrappingLabel(self.form)
        self.name_label.setObjectName(u"name_label")
        self.name_label.setProperty(u"role", u"heading")

        self.name_label_cell.addWidget(self.name_label, 0, 0, 1, 1)

        self.name_error = WrappingLabel(self.form)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setVisible(False)
        self.name_error.setProperty(u"role", u"error")

        self.name_label_cell.addWidget(self.name_error, 0, 0, 1, 1)


        self.form_layout.addLayout(self.name_label_cell)

        self.name_edit = QLineEdit(self.form)
        self.name_edit.setObjectName(u"name_edit")

        self.form_layout.addWidget(self.name_edit)

        self.phone_label_cell = QGridLayout()
        self.phone_label_cell.setSpacing(0)
        self.phone_label_cell.setObjectName(u"phone_label_cell")
        self.phone_label = WrappingLabel(self.form)
        self.phone_label.setObjectName(u"phone_label")
        self.phone_label.setProperty(u"role", u"heading")

        self.phone_label_cell.addWidget(self.phone_label, 0, 0, 1, 1)

        self.phone_error = WrappingLabel(self.form)
        self.phone_error.setObjectName(u"phone_error")
        self.phone_error.setVisible(False)
        self.phone_error.setProperty(u"role", u"error")

        self.phone_label_cell.addWidget(self.phone_error, 0, 0, 1, 1)


        self.form_layout.addLayout(self.phone_label_cell)

        self.phone_edit = QLineEdit(self.form)
        self.phone_edit.setObjectName(u"phone_edit")

        self.form_layout.addWidget(self.phone_edit)

        self.time_label_cell = QGridLayout()
        self.time_label_cell.setSpacing(0)
        self.time_label_cell.setObjectName(u"time_label_cell")
        self.time_label = WrappingLabel(self.form)
        self.time_label.setObjectName(u"time_label")
        self.time_label.setProperty(u"role", u"heading")

        self.time_label_cell.addWidget(self.time_label, 0, 0, 1, 1)

        self.time_error = WrappingLabel(self.form)
        self.time_error.setObjectName(u"time_error")
        self.time_error.setVisible(False)
        self.time_error.setProperty(u"role", u"error")

        self.time_label_cell.addWidget(self.time_error, 0, 0, 1, 1)


        self.form_layout.addLayout(self.time_label_cell)

        self.time_grid = QGridLayout()
        self.time_grid.setObjectName(u"time_grid")

        self.form_layout.addLayout(self.time_grid)

        self.note_head = QHBoxLayout()
        self.note_head.setObjectName(u"note_head")
        self.note_label_cell = QGridLayout()
        self.note_label_cell.setSpacing(0)
        self.note_label_cell.setObjectName(u"note_label_cell")
        self.note_label = WrappingLabel(self.form)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setProperty(u"role", u"heading")

        self.note_label_cell.addWidget(self.note_label, 0, 0, 1, 1)

        self.note_error = WrappingLabel(self.form)
        self.note_error.setObjectName(u"note_error")
        self.note_error.setVisible(False)
        self.note_error.setProperty(u"role", u"error")

        self.note_label_cell.addWidget(self.note_error, 0, 0, 1, 1)


        self.note_head.addLayout(self.note_label_cell)

        self.note_count = QLabel(self.form)
        self.note_count.setObjectName(u"note_count")
        self.note_count.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignBottom)
        self.note_count.setProperty(u"role", u"muted")

        self.note_head.addWidget(self.note_count, 0, Qt.AlignmentFlag.AlignBottom)

        self.note_head.setStretch(0, 1)

        self.form_layout.addLayout(self.note_head)

        self.note_edit = QPlainTextEdit(self.form)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setTabChangesFocus(True)

        self.form_layout.addWidget(self.note_edit)

        self.space_below_form = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.form_layout.addItem(self.space_below_form)

        self.scroll.setWidget(self.form)

        self.body.addWidget(self.scroll)

        self.keyboard_column = QVBoxLayout()
        self.keyboard_column.setObjectName(u"keyboard_column")
        self.space_above_consent = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.keyboard_column.addItem(self.space_above_consent)

        self.consent_tile = ToggleTile(RequestFormScreen)
        self.consent_tile.setObjectName(u"consent_tile")
        self.consent_tile.setProperty(u"indicator", u"box")

        self.keyboard_column.addWidget(self.consent_tile)

        self.space_above_keyboard = QSpacerItem(0, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.keyboard_column.addItem(self.space_above_keyboard)

        self.keyboard = OnScreenKeyboard(RequestFormScreen)
        self.keyboard.setObjectName(u"keyboard")

        self.keyboard_column.addWidget(self.keyboard)

        self.keyboard_column.setStretch(0, 1)
        self.keyboard_column.setStretch(3, 20)

        self.body.addLayout(self.keyboard_column)

        self.body.setStretch(0, 1)
        self.body.setStretch(1, 1)

        self.root_layout.addLayout(self.body)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.back_button = TouchButton(RequestFormScreen)
        self.back_button.setObjectName(u"back_button")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.setProperty(u"iconName", u"fa5s.arrow-left")

        self.bottom.addWidget(self.back_button)

        self.consent_error = WrappingLabel(RequestFormScreen)
        self.consent_error.setObjectName(u"consent_error")
        self.consent_error.setVisible(False)
        self.consent_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.consent_error.setProperty(u"role", u"error")

        self.bottom.addWidget(self.consent_error)

        self.send_button = TouchButton(RequestFormScreen)
        self.send_button.setObjectName(u"send_button")
        self.send_button.setEnabled(False)
        self.send_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.send_button.setProperty(u"role", u"cta")
        self.send_button.setProperty(u"iconName", u"fa5s.paper-plane")

        self.bottom.addWidget(self.send_button)

        self.bottom.setStretch(0, 2)
        self.bottom.setStretch(1, 3)
        self.bottom.setStretch(2, 3)

        self.root_layout.addLayout(self.bottom)

        self.root_layout.setStretch(2, 1)

        self.retranslateUi(RequestFormScreen)

        QMetaObject.connectSlotsByName(RequestFormScreen)
    # setupUi

    def retranslateUi(self, RequestFormScreen):
        self.title.setText(QCoreApplication.translate("RequestFormScreen", u"Ask for a free phone call", None))
        self.name_label.setText(QCoreApplication.translate("RequestFormScreen", u"Your name", None))
#if QT_CONFIG(accessibility)
        self.name_edit.setAccessibleName(QCoreApplication.translate("RequestFormScreen", u"Your name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.name_edit.setAccessibleDescription(QCoreApplication.translate("RequestFormScreen", u"Type it with the keys on the screen", None))
#endif // QT_CONFIG(accessibility)
        self.phone_label.setText(QCoreApplication.translate("RequestFormScreen", u"Your phone number", None))
#if QT_CONFIG(accessibility)
        self.phone_edit.setAccessibleName(QCoreApplication.translate("RequestFormScreen", u"Your phone number", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.phone_edit.setAccessibleDescription(QCoreApplication.translate("RequestFormScreen", u"The keys on the screen show numbers for this box", None))
#endif // QT_CONFIG(accessibility)
        self.time_label.setText(QCoreApplication.translate("RequestFormScreen", u"Best time to call you", None))
        self.note_label.setText(QCoreApplication.translate("RequestFormScreen", u"Anything else? (optional)", None))
#if QT_CONFIG(accessibility)
        self.note_edit.setAccessibleName(QCoreApplication.translate("RequestFormScreen", u"Anything else? (optional)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.note_edit.setAccessibleDescription(QCoreApplication.translate("RequestFormScreen", u"You can leave this empty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.back_button.setAccessibleDescription(QCoreApplication.translate("RequestFormScreen", u"Back to your answers; what you typed is kept", None))
#endif // QT_CONFIG(accessibility)
        self.back_button.setText(QCoreApplication.translate("RequestFormScreen", u"Back", None))
#if QT_CONFIG(accessibility)
        self.send_button.setAccessibleDescription(QCoreApplication.translate("RequestFormScreen", u"The clinic will call you at the time you chose", None))
#endif // QT_CONFIG(accessibility)
        self.send_button.setText(QCoreApplication.translate("RequestFormScreen", u"Send my request", None))
        pass
    # retranslateUi

