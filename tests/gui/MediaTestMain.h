#pragma once

// main() for a GUI test that plays media: the app's media backend is chosen as the app does it,
// before the application object exists (ui/player/MediaBackend.h), which QTEST_MAIN cannot do.
#include "ui/player/MediaBackend.h"

#include <QApplication>
#include <QTest>

#define LS_MEDIA_TEST_MAIN(TestObject)                                                             \
    int main(int argc, char* argv[])                                                               \
    {                                                                                              \
        ls::ui::preferFfmpegMediaBackend();                                                        \
        QApplication application(argc, argv);                                                      \
        TestObject test;                                                                           \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
