"""Every Qt name the app uses comes through here, so a Qt upgrade touches one file."""

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot  # noqa: F401
from PySide6.QtGui import QAction, QFont, QFontDatabase, QIcon  # noqa: F401
from PySide6.QtWidgets import (  # noqa: F401
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
