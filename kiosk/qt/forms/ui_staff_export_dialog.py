# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staff_export_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QButtonGroup, QFrame, QHBoxLayout,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.labels import WrappingLabel

class Ui_ExportOverlay(object):
    def setupUi(self, ExportOverlay):
        if not ExportOverlay.objectName():
            ExportOverlay.setObjectName(u"ExportOverlay")
        ExportOverlay.setProperty(u"role", u"overlay")
        self.outer = QVBoxLayout(ExportOverlay)
        self.outer.setObjectName(u"outer")
        self.space_above = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.space_above)

        self.card_row = QHBoxLayout()
        self.card_row.setObjectName(u"card_row")
        self.space_left = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.card_row.addItem(self.space_left)

        self.card = QFrame(ExportOverlay)
        self.card.setObjectName(u"card")
        self.card.setProperty(u"role", u"card")
        self.body = QVBoxLayout(self.card)
        self.body.setSpacing(18)
        self.body.setObjectName(u"body")
        self.title = WrappingLabel(self.card)
        self.title.setObjectName(u"title")
        self.title.setProperty(u"role", u"heading")

        self.body.addWidget(self.title)

        self.format_label = WrappingLabel(self.card)
        self.format_label.setObjectName(u"format_label")
        self.format_label.setProperty(u"role", u"muted")

        self.body.addWidget(self.format_label)

        self.format_row = QHBoxLayout()
        self.format_row.setSpacing(16)
        self.format_row.setObjectName(u"format_row")
        self.csv_tile = TouchButton(self.card)
        self.formats = QButtonGroup(ExportOverlay)
        self.formats.setObjectName(u"formats")
        self.formats.addButton(self.csv_tile)
        self.csv_tile.setObjectName(u"csv_tile")
        self.csv_tile.setCheckable(True)
        self.csv_tile.setProperty(u"role", u"tile")

        self.format_row.addWidget(self.csv_tile)

        self.xlsx_tile = TouchButton(self.card)
        self.formats.addButton(self.xlsx_tile)
        self.xlsx_tile.setObjectName(u"xlsx_tile")
        self.xlsx_tile.setCheckable(True)
        self.xlsx_tile.setProperty(u"role", u"tile")

        self.format_row.addWidget(self.xlsx_tile)

        self.format_row.setStretch(0, 1)
        self.format_row.setStretch(1, 1)

        self.body.addLayout(self.format_row)

        self.scope_label = WrappingLabel(self.card)
        self.scope_label.setObjectName(u"scope_label")
        self.scope_label.setProperty(u"role", u"muted")

        self.body.addWidget(self.scope_label)

        self.scope_row = QHBoxLayout()
        self.scope_row.setSpacing(16)
        self.scope_row.setObjectName(u"scope_row")
        self.new_tile = TouchButton(self.card)
        self.scopes = QButtonGroup(ExportOverlay)
        self.scopes.setObjectName(u"scopes")
        self.scopes.addButton(self.new_tile)
        self.new_tile.setObjectName(u"new_tile")
        self.new_tile.setCheckable(True)
        self.new_tile.setProperty(u"role", u"tile")

        self.scope_row.addWidget(self.new_tile)

        self.all_tile = TouchButton(self.card)
        self.scopes.addButton(self.all_tile)
        self.all_tile.setObjectName(u"all_tile")
        self.all_tile.setCheckable(True)
        self.all_tile.setProperty(u"role", u"tile")

        self.scope_row.addWidget(self.all_tile)

        self.scope_row.setStretch(0, 1)
        self.scope_row.setStretch(1, 1)

        self.body.addLayout(self.scope_row)

        self.where_label = WrappingLabel(self.card)
        self.where_label.setObjectName(u"where_label")
        self.where_label.setProperty(u"role", u"muted")

        self.body.addWidget(self.where_label)

        self.destinations_box = QVBoxLayout()
        self.destinations_box.setSpacing(12)
        self.destinations_box.setObjectName(u"destinations_box")

        self.body.addLayout(self.destinations_box)

        self.path_label = WrappingLabel(self.card)
        self.path_label.setObjectName(u"path_label")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.path_label.setProperty(u"role", u"body")

        self.body.addWidget(self.path_label)

        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(24)
        self.button_row.setObjectName(u"button_row")
        self.cancel_button = TouchButton(self.card)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setProperty(u"iconName", u"fa5s.times")

        self.button_row.addWidget(self.cancel_button)

        self.export_button = TouchButton(self.card)
        self.export_button.setObjectName(u"export_button")
        self.export_button.setProperty(u"role", u"primary")
        self.export_button.setProperty(u"iconName", u"fa5s.file-export")

        self.button_row.addWidget(self.export_button)

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

        self.retranslateUi(ExportOverlay)

        QMetaObject.connectSlotsByName(ExportOverlay)
    # setupUi

    def retranslateUi(self, ExportOverlay):
        self.title.setText(QCoreApplication.translate("ExportOverlay", u"Export requests", None))
        self.format_label.setText(QCoreApplication.translate("ExportOverlay", u"File type", None))
        self.csv_tile.setText(QCoreApplication.translate("ExportOverlay", u"CSV (any spreadsheet)", None))
        self.xlsx_tile.setText(QCoreApplication.translate("ExportOverlay", u"Excel (.xlsx)", None))
        self.scope_label.setText(QCoreApplication.translate("ExportOverlay", u"Which requests", None))
        self.new_tile.setText(QCoreApplication.translate("ExportOverlay", u"New since last export", None))
        self.all_tile.setText(QCoreApplication.translate("ExportOverlay", u"All requests", None))
        self.where_label.setText(QCoreApplication.translate("ExportOverlay", u"Save to", None))
        self.cancel_button.setText(QCoreApplication.translate("ExportOverlay", u"Cancel", None))
        self.export_button.setText(QCoreApplication.translate("ExportOverlay", u"Export now", None))
        pass
    # retranslateUi

