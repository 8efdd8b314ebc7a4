#pragma once

#include "core/api/Library.h"
#include "core/api/Studio.h"

#include <QJsonObject>
#include <QString>

// How the content commands report: progress on standard error for people (nothing with --json),
// results as text or JSON on standard output.
namespace ls::cli::output {

api::Studio::Progress publishProgressPrinter(bool json);
api::Library::Progress fetchProgressPrinter(bool json);

QString publishedText(const api::PublishedVersion& published);
QJsonObject publishedJson(const api::PublishedVersion& published);

QString libraryText(const std::vector<api::LibraryTitle>& titles,
    const std::vector<api::UnfinishedPublication>& unfinished);
QJsonObject libraryJson(const std::vector<api::LibraryTitle>& titles,
    const std::vector<api::UnfinishedPublication>& unfinished);

} // namespace ls::cli::output
