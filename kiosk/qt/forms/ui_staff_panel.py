# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'staff_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QButtonGroup, QGridLayout,
    QHBoxLayout, QHeaderView, QLineEdit, QProgressBar,
    QSizePolicy, QSpacerItem, QTableView, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from kiosk.qt.widgets.buttons import TouchButton
from kiosk.qt.widgets.counts import StatLabel
from kiosk.qt.widgets.labels import WrappingLabel

class Ui_StaffPanelScreen(object):
    def setupUi(self, StaffPanelScreen):
        if not StaffPanelScreen.objectName():
            StaffPanelScreen.setObjectName(u"StaffPanelScreen")
        StaffPanelScreen.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.root_layout = QVBoxLayout(StaffPanelScreen)
        self.root_layout.setSpacing(14)
        self.root_layout.setObjectName(u"root_layout")
        self.header = QGridLayout()
        self.header.setObjectName(u"header")
        self.header.setHorizontalSpacing(24)
        self.title = WrappingLabel(StaffPanelScreen)
        self.title.setObjectName(u"title")
        self.title.setProperty(u"role", u"title")

        self.header.addWidget(self.title, 0, 0, 1, 1)

        self.stats = QHBoxLayout()
        self.stats.setSpacing(8)
        self.stats.setObjectName(u"stats")
        self.stat_new = StatLabel(StaffPanelScreen)
        self.stat_new.setObjectName(u"stat_new")

        self.stats.addWidget(self.stat_new)

        self.stat_today = StatLabel(StaffPanelScreen)
        self.stat_today.setObjectName(u"stat_today")

        self.stats.addWidget(self.stat_today)

        self.stat_total = StatLabel(StaffPanelScreen)
        self.stat_total.setObjectName(u"stat_total")

        self.stats.addWidget(self.stat_total)


        self.header.addLayout(self.stats, 0, 1, 1, 1)

        self.lock_button = TouchButton(StaffPanelScreen)
        self.lock_button.setObjectName(u"lock_button")
        self.lock_button.setProperty(u"role", u"primary")
        self.lock_button.setProperty(u"iconName", u"fa5s.lock")

        self.header.addWidget(self.lock_button, 0, 2, 1, 1, Qt.AlignmentFlag.AlignRight)

        self.header.setColumnStretch(0, 1)

        self.root_layout.addLayout(self.header)

        self.banners = QVBoxLayout()
        self.banners.setSpacing(8)
        self.banners.setObjectName(u"banners")

        self.root_layout.addLayout(self.banners)

        self.message_row = QHBoxLayout()
        self.message_row.setSpacing(24)
        self.message_row.setObjectName(u"message_row")
        self.message = WrappingLabel(StaffPanelScreen)
        self.message.setObjectName(u"message")
        self.message.setVisible(False)
        self.message.setProperty(u"role", u"body")

        self.message_row.addWidget(self.message)

        self.undo_button = TouchButton(StaffPanelScreen)
        self.undo_button.setObjectName(u"undo_button")
        self.undo_button.setVisible(False)
        self.undo_button.setProperty(u"iconName", u"fa5s.undo")

        self.message_row.addWidget(self.undo_button)

        self.message_row.setStretch(0, 1)

        self.root_layout.addLayout(self.message_row)

        self.export_box = QWidget(StaffPanelScreen)
        self.export_box.setObjectName(u"export_box")
        self.export_box.setVisible(False)
        self.export_row = QHBoxLayout(self.export_box)
        self.export_row.setSpacing(24)
        self.export_row.setObjectName(u"export_row")
        self.export_row.setContentsMargins(0, 0, 0, 0)
        self.export_status = WrappingLabel(self.export_box)
        self.export_status.setObjectName(u"export_status")
        self.export_status.setProperty(u"role", u"body")

        self.export_row.addWidget(self.export_status)

        self.export_bar = QProgressBar(self.export_box)
        self.export_bar.setObjectName(u"export_bar")
        self.export_bar.setTextVisible(False)

        self.export_row.addWidget(self.export_bar)

        self.stop_export_button = TouchButton(self.export_box)
        self.stop_export_button.setObjectName(u"stop_export_button")
        self.stop_export_button.setProperty(u"iconName", u"fa5s.stop")

        self.export_row.addWidget(self.stop_export_button)

        self.export_row.setStretch(1, 1)

        self.root_layout.addWidget(self.export_box)

        self.body = QHBoxLayout()
        self.body.setSpacing(24)
        self.body.setObjectName(u"body")
        self.table_box = QVBoxLayout()
        self.table_box.setSpacing(12)
        self.table_box.setObjectName(u"table_box")
        self.filter_row = QHBoxLayout()
        self.filter_row.setSpacing(12)
        self.filter_row.setObjectName(u"filter_row")
        self.search_edit = QLineEdit(StaffPanelScreen)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_row.addWidget(self.search_edit)

        self.view_all = TouchButton(StaffPanelScreen)
        self.views = QButtonGroup(StaffPanelScreen)
        self.views.setObjectName(u"views")
        self.views.addButton(self.view_all)
        self.view_all.setObjectName(u"view_all")
        self.view_all.setCheckable(True)
        self.view_all.setChecked(True)
        self.view_all.setProperty(u"role", u"tile")

        self.filter_row.addWidget(self.view_all)

        self.view_new = TouchButton(StaffPanelScreen)
        self.views.addButton(self.view_new)
        self.view_new.setObjectName(u"view_new")
        self.view_new.setCheckable(True)
        self.view_new.setProperty(u"role", u"tile")

        self.filter_row.addWidget(self.view_new)

        self.view_called = TouchButton(StaffPanelScreen)
        self.views.addButton(self.view_called)
        self.view_called.setObjectName(u"view_called")
        self.view_called.setCheckable(True)
        self.view_called.setProperty(u"role", u"tile")

        self.filter_row.addWidget(self.view_called)

        self.filter_row.setStretch(0, 1)

        self.table_box.addLayout(self.filter_row)

        self.table = QTableView(StaffPanelScreen)
        self.table.setObjectName(u"table")
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setVisible(False)

        self.table_box.addWidget(self.table)

        self.empty_note = WrappingLabel(StaffPanelScreen)
        self.empty_note.setObjectName(u"empty_note")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setProperty(u"role", u"muted")

        self.table_box.addWidget(self.empty_note)

        self.table_box.setStretch(1, 1)

        self.body.addLayout(self.table_box)

        self.side = QWidget(StaffPanelScreen)
        self.side.setObjectName(u"side")
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setSpacing(16)
        self.side_layout.setObjectName(u"side_layout")
        self.side_layout.setContentsMargins(9, 9, 9, 9)
        self.action_grid = QGridLayout()
        self.action_grid.setObjectName(u"action_grid")
        self.action_grid.setHorizontalSpacing(16)
        self.action_grid.setVerticalSpacing(16)
        self.called_button = TouchButton(self.side)
        self.called_button.setObjectName(u"called_button")
        self.called_button.setProperty(u"iconName", u"fa5s.phone")

        self.action_grid.addWidget(self.called_button, 0, 0, 1, 1)

        self.export_button = TouchButton(self.side)
        self.export_button.setObjectName(u"export_button")
        self.export_button.setProperty(u"role", u"primary")
        self.export_button.setProperty(u"iconName", u"fa5s.file-export")

        self.action_grid.addWidget(self.export_button, 1, 0, 1, 1)

        self.purge_button = TouchButton(self.side)
        self.purge_button.setObjectName(u"purge_button")
        self.purge_button.setProperty(u"iconName", u"fa5s.trash-alt")

        self.action_grid.addWidget(self.purge_button, 2, 0, 1, 1)

        self.quit_button = TouchButton(self.side)
        self.quit_button.setObjectName(u"quit_button")
        self.quit_button.setProperty(u"iconName", u"fa5s.sign-out-alt")

        self.action_grid.addWidget(self.quit_button, 3, 0, 1, 1)


        self.side_layout.addLayout(self.action_grid)

        self.space_above_history = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.side_layout.addItem(self.space_above_history)

        self.history_title = WrappingLabel(self.side)
        self.history_title.setObjectName(u"history_title")
        self.history_title.setProperty(u"role", u"heading")

        self.side_layout.addWidget(self.history_title)

        self.history = QTableWidget(self.side)
        self.history.setObjectName(u"history")
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setShowGrid(False)
        self.history.setWordWrap(True)
        self.history.setColumnCount(1)
        self.history.horizontalHeader().setVisible(False)
        self.history.verticalHeader().setVisible(False)

        self.side_layout.addWidget(self.history)

        self.side_layout.setStretch(3, 1)

        self.body.addWidget(self.side)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 1)

        self.root_layout.addLayout(self.body)

        self.root_layout.setStretch(4, 1)

        self.retranslateUi(StaffPanelScreen)

        QMetaObject.connectSlotsByName(StaffPanelScreen)
    # setupUi

    def retranslateUi(self, StaffPanelScreen):
        self.title.setText(QCoreApplication.translate("StaffPanelScreen", u"Front desk", None))
        self.lock_button.setText(QCoreApplication.translate("StaffPanelScreen", u"Lock", None))
        self.undo_button.setText(QCoreApplication.translate("StaffPanelScreen", u"Undo", None))
#if QT_CONFIG(accessibility)
        self.export_bar.setAccessibleName(QCoreApplication.translate("StaffPanelScreen", u"Export progress", None))
#endif // QT_CONFIG(accessibility)
        self.stop_export_button.setText(QCoreApplication.translate("StaffPanelScreen", u"Stop export", None))
#if QT_CONFIG(accessibility)
        self.search_edit.setAccessibleName(QCoreApplication.translate("StaffPanelScreen", u"Search requests", None))
#endif // QT_CONFIG(accessibility)
        self.search_edit.setPlaceholderText(QCoreApplication.translate("StaffPanelScreen", u"Find: reference, name or phone", None))
        self.view_all.setText(QCoreApplication.translate("StaffPanelScreen", u"All", None))
        self.view_new.setText(QCoreApplication.translate("StaffPanelScreen", u"New", None))
        self.view_called.setText(QCoreApplication.translate("StaffPanelScreen", u"Called", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("StaffPanelScreen", u"Requests", None))
#endif // QT_CONFIG(accessibility)
        self.empty_note.setText(QCoreApplication.translate("StaffPanelScreen", u"No requests yet.", None))
        self.called_button.setText(QCoreApplication.translate("StaffPanelScreen", u"Mark as called", None))
        self.export_button.setText(QCoreApplication.translate("StaffPanelScreen", u"Export\u2026", None))
        self.purge_button.setText(QCoreApplication.translate("StaffPanelScreen", u"Delete old requests", None))
        self.quit_button.setText(QCoreApplication.translate("StaffPanelScreen", u"Quit to desktop", None))
        self.history_title.setText(QCoreApplication.translate("StaffPanelScreen", u"Exports", None))
#if QT_CONFIG(accessibility)
        self.history.setAccessibleName(QCoreApplication.translate("StaffPanelScreen", u"Export history", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

