"""The photo (4 x 6) and the scanned documents of a dossier; changes wait for the editor's Save."""

from __future__ import annotations

import base64
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import file_dialogs

PHOTO_SIZE = QSize(400, 600)  # 4 x 6 cm at about 250 dpi
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff")
MAX_DOCUMENT = 20 * 1024 * 1024


def crop_portrait(image: QImage, size: QSize = PHOTO_SIZE) -> QImage:
    """The centred 2:3 part of ``image`` scaled to ``size`` (a 4 x 6 photo)."""
    w, h = image.width(), image.height()
    if w * 3 > h * 2:  # too wide: cut the sides
        cw, ch = round(h * 2 / 3), h
    else:  # too tall: cut top and bottom
        cw, ch = w, round(w * 3 / 2)
    part = image.copy(QRect((w - cw) // 2, (h - ch) // 2, cw, ch))
    return part.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)


def encode_image(image: QImage) -> tuple[str, bytes]:
    """JPEG (small) unless the picture has transparency, then PNG; with a matching file name."""
    fmt, name = ("PNG", "anh-4x6.png") if image.hasAlphaChannel() else ("JPG", "anh-4x6.jpg")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, 90)
    buffer.close()
    return name, bytes(data.data())


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, size // 1024)} KB"


class PhotoFrame(QLabel):
    """Shows the photo in a 4 x 6 frame; an image file dropped on it is offered as the new photo."""

    file_dropped = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("photo_frame")
        self.setFixedSize(160, 240)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAcceptDrops(True)
        self.show_image(None)

    def show_image(self, image: QImage | None) -> None:
        if image is None or image.isNull():
            self.setPixmap(QPixmap())
            self.setText(self.tr("Ảnh màu 4 x 6\n\nKéo thả tệp ảnh vào đây"))
            return
        pixmap = QPixmap.fromImage(image)
        self.setPixmap(pixmap.scaled(self.size() - QSize(4, 4), Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._image_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = self._image_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.file_dropped.emit(path)

    @staticmethod
    def _image_path(event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        return next((p for p in paths if p.lower().endswith(IMAGE_SUFFIXES)), None)


@dataclass
class Document:
    name: str
    size: int
    description: str | None = None
    id: uuid.UUID | None = None  # stored already
    content: bytes | None = None  # added in this editor, not saved yet
    path: str | None = None


class FilesPage(QWidget):
    """Photo on the left, attachments on the right. ``load_content`` fetches a stored file's bytes."""

    changed = Signal()

    def __init__(self, load_content: Callable[[uuid.UUID], bytes], parent: QWidget | None = None):
        super().__init__(parent)
        self.load_content = load_content
        self.photo_frame = PhotoFrame()
        self.photo_frame.file_dropped.connect(self.set_photo_file)
        self.stored_photo = False
        self.new_photo: tuple[str, bytes] | None = None
        self.photo_removed = False
        self.documents: list[Document] = []
        self.removed_ids: list[uuid.UUID] = []
        self.document_list = QTreeWidget()
        self.document_list.setObjectName("document_list")
        self.document_list.setHeaderLabels([self.tr("Tên tệp"), self.tr("Mô tả"), self.tr("Dung lượng")])
        self.document_list.setRootIsDecorated(False)
        self.document_list.setColumnWidth(0, 280)
        self.document_list.setColumnWidth(1, 260)
        self.document_list.itemChanged.connect(self._description_changed)
        self.document_list.itemDoubleClicked.connect(self._double_clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self._photo_box())
        layout.addWidget(self._documents_box(), 1)

    def _button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _photo_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ảnh 4 x 6"))
        column = QVBoxLayout(box)
        column.addWidget(self.photo_frame, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self._button(self.tr("Chọn ảnh…"), "choose_photo_button", self.choose_photo))
        column.addWidget(self._button(self.tr("Xoá ảnh"), "remove_photo_button", self.remove_photo))
        column.addStretch(1)
        return box

    def _documents_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tệp đính kèm"))
        self.document_list.setMinimumWidth(200)
        buttons = QGridLayout()  # two by two: the page stays narrow enough for a 1024-pixel screen
        actions = ((self.tr("Thêm tệp…"), "add_document_button", self.add_documents),
                   (self.tr("Xoá tệp"), "remove_document_button", self.remove_document),
                   (self.tr("Mở"), "open_document_button", self.open_document),
                   (self.tr("Lưu thành…"), "save_document_button", self.save_document_as))
        for i, (text, name, slot) in enumerate(actions):
            buttons.addWidget(self._button(text, name, slot), i // 2, i % 2)
        buttons.setColumnStretch(2, 1)
        column = QVBoxLayout(box)
        column.addLayout(buttons)
        column.addWidget(self.document_list, 1)
        note = QLabel(self.tr("Bản quét quyết định, văn bằng, chứng chỉ… Nhấp đúp vào cột Mô tả của tệp "
                              "mới để ghi mô tả. Ảnh và tệp được lưu cùng hồ sơ khi bấm Lưu."))
        note.setWordWrap(True)
        column.addWidget(note)
        return box

    # --- loading ----------------------------------------------------------------------------------
    def load(self, attachments: list[dict[str, Any]], photo: bytes | None) -> None:
        """The stored files, nothing pending (also after a save, when the editor stays open)."""
        self.stored_photo = photo is not None
        self.new_photo = None
        self.photo_removed = False
        self.removed_ids = []
        self.photo_frame.show_image(QImage.fromData(photo) if photo else None)
        self.documents = [Document(a["file_name"], a.get("size") or 0, a.get("description"),
                                   uuid.UUID(a["id"])) for a in attachments if a.get("kind") != "photo"]
        self._refresh_list()

    def has_changes(self) -> bool:
        return bool(self.new_photo or (self.photo_removed and self.stored_photo) or self.removed_ids
                    or self.new_documents())

    # --- photo ------------------------------------------------------------------------------------
    def ask_photo_path(self) -> str:
        images = self.tr("Ảnh (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)")
        path = file_dialogs.open_file(self, self.tr("Chọn ảnh 4 x 6"), images) or ""
        return path

    def choose_photo(self) -> None:
        path = self.ask_photo_path()
        if path:
            self.set_photo_file(path)

    def set_photo_file(self, path: str) -> bool:
        image = QImage(path)
        if image.isNull():
            self.warn(self.tr("Không đọc được ảnh {name}.").format(name=Path(path).name))
            return False
        self.set_photo_image(image)
        return True

    def set_photo_image(self, image: QImage) -> None:
        photo = crop_portrait(image)
        self.new_photo = encode_image(photo)
        self.photo_removed = False
        self.photo_frame.show_image(photo)
        self.changed.emit()

    def remove_photo(self) -> None:
        self.new_photo = None
        self.photo_removed = True
        self.photo_frame.show_image(None)
        self.changed.emit()

    # --- documents ----------------------------------------------------------------------------------
    def ask_document_paths(self) -> list[str]:
        paths = file_dialogs.open_files(self, self.tr("Thêm tệp đính kèm"))
        return paths

    def add_documents(self) -> None:
        for path in self.ask_document_paths():
            self.add_document_file(path)

    def add_document_file(self, path: str, description: str | None = None) -> bool:
        file = Path(path)
        try:
            content = file.read_bytes()
        except OSError:
            self.warn(self.tr("Không đọc được tệp {name}.").format(name=file.name))
            return False
        if not content or len(content) > MAX_DOCUMENT:
            self.warn(self.tr("Tệp {name} rỗng hoặc lớn quá 20 MB.").format(name=file.name))
            return False
        self.documents.append(Document(file.name, len(content), description, content=content, path=str(file)))
        self._refresh_list()
        self.changed.emit()
        return True

    def selected_document(self) -> Document | None:
        item = self.document_list.currentItem()
        return self.documents[self.document_list.indexOfTopLevelItem(item)] if item is not None else None

    def remove_document(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        if document.id is not None:
            self.removed_ids.append(document.id)
        self.documents.remove(document)
        self._refresh_list()
        self.changed.emit()

    def document_bytes(self, document: Document) -> bytes:
        if document.content is not None:
            return document.content
        assert document.id is not None
        return self.load_content(document.id)

    def open_document(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="hoso-"))
        target = folder / document.name
        target.write_bytes(self.document_bytes(document))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def ask_save_path(self, name: str) -> str:
        path = file_dialogs.save_file(self, self.tr("Lưu tệp đính kèm"), name) or ""
        return path

    def save_document_as(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        path = self.ask_save_path(document.name)
        if path:
            Path(path).write_bytes(self.document_bytes(document))

    def new_documents(self) -> list[tuple[str, bytes, str | None]]:
        return [(d.name, d.content, d.description) for d in self.documents if d.content is not None]

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, "HoSo", message)

    def _refresh_list(self) -> None:
        self.document_list.blockSignals(True)
        self.document_list.clear()
        for document in self.documents:
            item = QTreeWidgetItem([document.name, document.description or "", _size_text(document.size)])
            if document.id is None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(0, self.tr("Tệp mới, chưa lưu"))
                font = item.font(0)
                font.setItalic(True)
                item.setFont(0, font)
            self.document_list.addTopLevelItem(item)
        self.document_list.blockSignals(False)

    def _double_clicked(self, _item: QTreeWidgetItem, column: int) -> None:
        if column != 1:  # the description column is edited, the others open the file
            self.open_document()

    def _description_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 1:
            document = self.documents[self.document_list.indexOfTopLevelItem(item)]
            document.description = item.text(1).strip() or None

    # --- crash recovery -------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        return {"photo": base64.b64encode(self.new_photo[1]).decode("ascii") if self.new_photo else None,
                "photo_name": self.new_photo[0] if self.new_photo else None,
                "photo_removed": self.photo_removed,
                "new_documents": [{"path": d.path, "description": d.description}
                                  for d in self.documents if d.content is not None],
                "removed_documents": [str(i) for i in self.removed_ids]}

    def restore(self, state: dict[str, Any]) -> None:
        if state.get("photo"):
            self.new_photo = (state.get("photo_name") or "anh-4x6.jpg", base64.b64decode(state["photo"]))
            self.photo_frame.show_image(QImage.fromData(self.new_photo[1]))
        elif state.get("photo_removed"):
            self.remove_photo()
        removed = {uuid.UUID(i) for i in state.get("removed_documents", [])}
        self.removed_ids = [d.id for d in self.documents if d.id in removed]  # type: ignore[misc]
        self.documents = [d for d in self.documents if d.id not in removed]
        self._refresh_list()
        for entry in state.get("new_documents", []):
            if entry.get("path") and Path(entry["path"]).is_file():
                self.add_document_file(entry["path"], entry.get("description"))
