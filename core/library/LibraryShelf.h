#pragma once

#include "core/library/LibraryTypes.h"
#include "core/util/Error.h"

#include <vector>

namespace ls::library {

struct LibraryContext;

// What the library screen shows: every owned title with what is needed to draw its row. A view
// of an open Library (Library::shelf()); it must not outlive it.
class LibraryShelf {
public:
    explicit LibraryShelf(LibraryContext& context)
        : m_context(&context)
    {
    }

    // Every owned title, most recently added first, with its versions, download states, whether
    // the key is present and the last reading position. Five queries in one read transaction,
    // whatever the library's size, so a 10,000-title library lists in one pass.
    Result<std::vector<LibraryEntry>> entries();

private:
    LibraryContext* m_context;
};

} // namespace ls::library
