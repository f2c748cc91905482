"""Playback of audio evidence: play/pause, a position slider and the time. What plays is the
store's copy of the item, and only after it hashed to the registered SHA-256 (the view runs
the check off the GUI thread and logs it in the custody); the label under the controls names
that copy and its hash. A workstation without a sound device is told so in words — the file
still loads, its length shows and the slider works."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget


def clock(ms: int) -> str:
    """``m:ss`` (``h:mm:ss`` from an hour) of a time in milliseconds."""
    s = max(0, ms) // 1000
    h, m = divmod(s // 60, 60)
    return f"{h}:{m:02d}:{s % 60:02d}" if h else f"{m}:{s % 60:02d}"


class AudioPlayer(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AudioPlayer")
        self.player = QMediaPlayer(self)
        self.output = QAudioOutput(self)
        self.player.setAudioOutput(self.output)
        self.devices = QMediaDevices(self)
        self.devices.audioOutputsChanged.connect(self._check_device)
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.time = QLabel(self)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        row = QHBoxLayout()
        row.addWidget(self.play_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.time)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.source)
        lay.addWidget(self.notice)
        self.player.durationChanged.connect(self._on_duration)
        self.player.positionChanged.connect(self._on_position)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.errorOccurred.connect(self._on_error)
        self.path: Path | None = None
        self.clear()

    # -- state ---------------------------------------------------------------------------
    @staticmethod
    def has_output() -> bool:
        return bool(QMediaDevices.audioOutputs())

    def clear(self) -> None:
        """Nothing loaded (another item is shown)."""
        self.player.stop()
        self.player.setSource(QUrl())
        self.path = None
        self.slider.setRange(0, 0)
        self.time.setText(clock(0))
        self.source.clear()
        self.source.setToolTip("")
        self.notice.clear()
        self.play_button.setEnabled(False)

    def checking(self, name: str) -> None:
        """The stored copy is being hashed; nothing plays until it matches."""
        self.clear()
        self.source.setText(self.tr("Checking the stored copy of {name} against its SHA-256…")
                            .format(name=name))

    def refuse(self, message: str) -> None:
        """The stored copy is missing or altered: say why, play nothing."""
        self.clear()
        self.notice.setText(message)

    def load(self, path: Path, sha256: str) -> None:
        """Load the verified store copy ``path`` (whose content hashes to ``sha256``)."""
        self.clear()
        self.path = path
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.source.setText(self.tr("Playing the evidence store's copy (SHA-256 {sha}, checked "
                                    "just now).").format(sha=sha256))
        self.source.setToolTip(str(path))
        self.play_button.setEnabled(True)
        self._check_device()

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        elif self.has_output():
            self.player.play()
        else:  # no sound device: playing would only hang Qt's audio sink; the notice says why
            self._check_device()

    # -- player signals ------------------------------------------------------------------
    def _check_device(self) -> None:
        if self.path is not None and not self.player.isAvailable():
            self.notice.setText(self.tr("Audio playback is not available on this computer (Qt "
                                        "Multimedia has no working backend)."))
            self.play_button.setEnabled(False)
            return
        if self.path is None or self.has_output():
            if self.notice.text() == self._no_device():
                self.notice.clear()
            return
        self.notice.setText(self._no_device())

    def _no_device(self) -> str:
        return self.tr("This computer has no sound output device: the recording cannot be "
                       "heard here (its length and position still show). Connect speakers or "
                       "headphones.")

    def _on_duration(self, ms: int) -> None:
        self.slider.setRange(0, max(0, ms))
        self._on_position(self.player.position())

    def _on_position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self.time.setText(f"{clock(ms)} / {clock(self.player.duration())}")

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _on_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        self.notice.setText(self.tr("The recording cannot be played: {why}").format(
            why=text or self.tr("unknown format")))
