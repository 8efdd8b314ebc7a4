#pragma once

namespace ls::ui {

// Chooses Qt Multimedia's FFmpeg backend unless the user chose one with QT_MEDIA_BACKEND.
// Debian 12's Qt 6.4 GStreamer backend lacks the plugins to play MP4/H.264 from a QIODevice;
// the FFmpeg backend (in libqt6multimedia6) plays them (DESIGN.md §9). Qt reads the variable
// when the first media object is made, so call this before the QGuiApplication exists.
void preferFfmpegMediaBackend();

} // namespace ls::ui
