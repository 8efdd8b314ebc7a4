#pragma once

#include "core/api/Chain.h"
#include "core/api/Library.h"

#include <QString>

#include <optional>

namespace ls::ui {

// One of the author's titles as the Studio shows it: what the library knows (name, versions)
// and the chain's proven record (price, listing, sales, revenue), once read.
struct StudioTitle {
    api::LibraryTitle local;
    std::optional<api::TitleInfo> chain;
    QString chainError; // why the record could not be read, if it could not

    QString name() const
    {
        return local.title.empty() ? QStringLiteral("Title %1").arg(local.titleId)
                                   : QString::fromStdString(local.title);
    }
};

} // namespace ls::ui
