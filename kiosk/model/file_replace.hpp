// Replacing a small file so that a power cut leaves the old one or the new one, whole: written beside it
// (never following a link), synced, then renamed over it.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace haven {

// `mode` is set whatever the umask; `before_rename` runs between the sync and the rename (a crash test's
// kill point). False when anything failed; the old file is then untouched.
bool replace_file(const std::filesystem::path& file, std::string_view bytes, unsigned mode,
                  const std::function<void()>& before_rename = {});

}  // namespace haven
