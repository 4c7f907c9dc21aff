// libFuzzer: language tags, which become file names (ui/TAG.po) and widget ids.
#include "pack_loader.hpp"
#include "safe_file.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string_view tag(reinterpret_cast<const char*>(data), size);
    const std::string canonical = haven::canonical_language_tag(tag);
    if (canonical.empty()) return 0;
    // What is accepted is a plain name: it can never leave ui/ or contain a separator.
    if (!haven::is_plain_relative_path(canonical) || canonical.find('/') != std::string::npos) __builtin_trap();
    if (haven::canonical_language_tag(canonical) != canonical) __builtin_trap();  // canonical is a fixed point
    return 0;
}
