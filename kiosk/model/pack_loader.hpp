// Loads a content pack directory into Content. Never throws: either the content, or every problem found
// (file, JSON pointer, and what to do), or both when there are only warnings.
#pragma once

#include "content.hpp"
#include "problem.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace haven {

struct LoadResult {
    std::shared_ptr<const Content> content;  // null when any error was found
    std::vector<Problem> problems;           // errors and warnings, in file order
    bool ok() const { return content != nullptr; }
};

LoadResult load_pack(const std::filesystem::path& directory);

// True when `name` is an IANA zone the system's tz database knows (e.g. "Europe/Berlin").
bool is_known_timezone(std::string_view name);

}  // namespace haven
