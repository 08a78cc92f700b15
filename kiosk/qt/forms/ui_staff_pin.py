# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staff_pin.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.labels import WrappingLabel
from kiosk.qt.widgets.pad_key import PadKey

class Ui_StaffPinScreen(object):
    def setupUi(self, StaffPinScreen):
        if not StaffPinScreen.objectName():
            StaffPinScreen.setObjectName(u"StaffPinScreen")
        StaffPinScreen.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.root_layout = QVBoxLayout(StaffPinScreen)
        self.root_layout.setObjectName(u"root_layout")
        self.space_above = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.root_layout.addItem(self.space_above)

        self.centre_row = QHBoxLayout()
        self.centre_row.setObjectName(u"centre_row")
        self.space_left = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centre_row.addItem(self.space_left)

        self.column_widget = QWidget(StaffPinScreen)
        self.column_widget.setObjectName(u"column_widget")
        self.column = QVBoxLayout(self.column_widget)
        self.column.setSpacing(18)
        self.column.setObjectName(u"column")
        self.column.setContentsMargins(0, 0, 0, 0)
        self.title = WrappingLabel(self.column_widget)
        self.title.setObjectName(u"title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setProperty(u"role", u"title")

        self.column.addWidget(self.title)

        self.hint = WrappingLabel(self.column_widget)
        self.hint.setObjectName(u"hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setProperty(u"role", u"muted")

        self.column.addWidget(self.hint)

        self.dots = WrappingLabel(self.column_widget)
        self.dots.setObjectName(u"dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setProperty(u"role", u"title")

        self.column.addWidget(self.dots)

        self.key_grid = QGridLayout()
        self.key_grid.setObjectName(u"key_grid")
        self.key_grid.setHorizontalSpacing(16)
        self.key_grid.setVerticalSpacing(16)
        self.key_1 = PadKey(self.column_widget)
        self.key_1.setObjectName(u"key_1")
        self.key_1.setText(u"1")
        self.key_1.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_1, 0, 0, 1, 1)

        self.key_2 = PadKey(self.column_widget)
        self.key_2.setObjectName(u"key_2")
        self.key_2.setText(u"2")
        self.key_2.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_2, 0, 1, 1, 1)

        self.key_3 = PadKey(self.column_widget)
        self.key_3.setObjectName(u"key_3")
        self.key_3.setText(u"3")
        self.key_3.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_3, 0, 2, 1, 1)

        self.key_4 = PadKey(self.column_widget)
        self.key_4.setObjectName(u"key_4")
        self.key_4.setText(u"4")
        self.key_4.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_4, 1, 0, 1, 1)

        self.key_5 = PadKey(self.column_widget)
        self.key_5.setObjectName(u"key_5")
        self.key_5.setText(u"5")
        self.key_5.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_5, 1, 1, 1, 1)

        self.key_6 = PadKey(self.column_widget)
        self.key_6.setObjectName(u"key_6")
        self.key_6.setText(u"6")
        self.key_6.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_6, 1, 2, 1, 1)

        self.key_7 = PadKey(self.column_widget)
        self.key_7.setObjectName(u"key_7")
        self.key_7.setText(u"7")
        self.key_7.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_7, 2, 0, 1, 1)

        self.key_8 = PadKey(self.column_widget)
        self.key_8.setObjectName(u"key_8")
        self.key_8.setText(u"8")
        self.key_8.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_8, 2, 1, 1, 1)

        self.key_9 = PadKey(self.column_widget)
        self.key_9.setObjectName(u"key_9")
        self.key_9.setText(u"9")
        self.key_9.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_9, 2, 2, 1, 1)

        self.backspace = PadKey(self.column_widget)
        self.backspace.setObjectName(u"backspace")
        self.backspace.setProperty(u"role", u"key")
        self.backspace.setProperty(u"iconName", u"fa5s.backspace")

        self.key_grid.addWidget(self.backspace, 3, 0, 1, 1)

        self.key_0 = PadKey(self.column_widget)
        self.key_0.setObjectName(u"key_0")
        self.key_0.setText(u"0")
        self.key_0.setProperty(u"role", u"key")

        self.key_grid.addWidget(self.key_0, 3, 1, 1, 1)

        self.ok_button = PadKey(self.column_widget)
        self.ok_button.setObjectName(u"ok_button")
        self.ok_button.setProperty(u"role", u"primary")
        self.ok_button.setProperty(u"iconName", u"fa5s.check")

        self.key_grid.addWidget(self.ok_button, 3, 2, 1, 1)


        self.column.addLayout(self.key_grid)

        self.message = WrappingLabel(self.column_widget)
        self.message.setObjectName(u"message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setProperty(u"role", u"error")

        self.column.addWidget(self.message)

        self.cancel_button = TouchButton(self.column_widget)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setProperty(u"iconName", u"fa5s.times")

        self.column.addWidget(self.cancel_button)


        self.centre_row.addWidget(self.column_widget)

        self.space_right = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centre_row.addItem(self.space_right)

        self.centre_row.setStretch(0, 1)
        self.centre_row.setStretch(2, 1)

        self.root_layout.addLayout(self.centre_row)

        self.space_below = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.root_layout.addItem(self.space_below)

        self.root_layout.setStretch(0, 1)
        self.root_layout.setStretch(2, 1)

        self.retranslateUi(StaffPinScreen)

        QMetaObject.connectSlotsByName(StaffPinScreen)
    # setupUi

    def retranslateUi(self, StaffPinScreen):
        self.title.setText(QCoreApplication.translate("StaffPinScreen", u"Staff PIN", None))
        self.hint.setText(QCoreApplication.translate("StaffPinScreen", u"Front desk only. Enter the staff PIN.", None))
#if QT_CONFIG(accessibility)
        self.backspace.setAccessibleName(QCoreApplication.translate("StaffPinScreen", u"Delete last digit", None))
#endif // QT_CONFIG(accessibility)
        self.ok_button.setText(QCoreApplication.translate("StaffPinScreen", u"OK", None))
        self.cancel_button.setText(QCoreApplication.translate("StaffPinScreen", u"Cancel", None))
        pass
    # retranslateUi

