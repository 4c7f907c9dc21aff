// Reads one JSON file of a pack defensively: bounded size and nesting, duplicate keys reported, syntax
// errors given with line and column. Never throws.
#pragma once

#include "problem.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace haven {

struct JsonLimits {
    std::uintmax_t max_bytes = 8u << 20;  // a pack's largest JSON file is far below this
    int max_depth = 32;                   // packs nest about 7 deep
};

struct FileStamp;
std::optional<nlohmann::json> read_json_file(const std::filesystem::path& path, Diagnostics& diag,
                                             const JsonLimits& limits = {}, FileStamp* stamp = nullptr);
// Reports a file that could not be read (`why` as safe_file.hpp says it) in an editor's words.
void report_unreadable(Diagnostics& diag, const std::string& why, const std::string& where);
std::optional<nlohmann::json> parse_json_text(std::string_view text, Diagnostics& diag,
                                              const JsonLimits& limits = {});

// RFC 6901 escaping of one reference token ("a/b" -> "a~1b").
std::string pointer_token(std::string_view key);

}  // namespace haven
