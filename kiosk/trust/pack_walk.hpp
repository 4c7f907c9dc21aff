// Lists what a pack folder holds, once, without following links and without reading any file: every
// entry with its kind, bounded in number so that a folder of 100,000 files costs no more than refusing it.
#pragma once

#include "safe_file.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace haven {

struct PackEntry {
    enum class Kind { File, Folder, Link, Other };
    std::string path;  // '/'-separated, relative to the pack
    Kind kind = Kind::Other;
    FileStamp stamp;   // as lstat saw it
};

struct PackListing {
    std::vector<PackEntry> entries;  // in no particular order; OS litter (.DS_Store ...) left out
    bool too_many = false;           // more than the limit: entries holds only the first ones
    std::string error;               // the folder itself could not be read
};

// Walks `folder_fd` depth first. Folders are descended into only when `descend(path)` says so (a folder
// that a signed manifest does not imply is reported, not walked).
PackListing walk_pack(int folder_fd, std::size_t max_entries, const std::function<bool(const std::string&)>& descend);

// Files operating systems leave on sticks (macOS, Windows): never listed, copied, hashed or served.
bool is_os_litter(std::string_view name);

}  // namespace haven
