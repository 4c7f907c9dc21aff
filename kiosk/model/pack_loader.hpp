// Loads a content pack directory into Content. Never throws: either the content, or every problem found
// (file, JSON pointer, and what to do), or both when there are only warnings.
#pragma once

#include "content.hpp"
#include "problem.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <memory>
#include <vector>

namespace haven {

struct LoadResult {
    std::shared_ptr<const Content> content;  // null when any error was found
    std::vector<Problem> problems;           // errors and warnings, in file order
    bool ok() const { return content != nullptr; }
};

// The bytes of a pack's documents, each read once by whoever loads the pack (and, for a signed pack,
// hashed from these same bytes): the loader parses nothing else.
struct PackDocuments {
    std::string manifest;
    std::map<std::string, std::string> files;     // document name -> its bytes
    std::map<std::string, std::string> unreadable;  // document name -> why it could not be read
};
// Room for the file list of a pack of max_pack_entries files (about 150 bytes each).
inline constexpr std::uintmax_t max_manifest_bytes = 4u << 20;
inline constexpr std::array<const char*, 3> document_names{"topics.json", "services.json", "contacts.json"};
// Interface catalogues a pack may carry: ui/LANG.po, one per language of the pack.
inline constexpr const char* ui_folder = "ui";
bool is_ui_catalogue_path(std::string_view path);   // "ui/ps.po"
bool is_document_path(std::string_view path);       // a document name or a UI catalogue
std::uintmax_t document_limit(std::string_view path);  // bytes: 8 MiB for JSON, 1 MiB for a catalogue

// Reads the documents of a pack folder (safely: see safe_file.hpp), without verifying anything: for
// development mode and for editors' checks.
PackDocuments read_documents(const std::filesystem::path& directory, std::vector<Problem>& problems);

LoadResult load_pack(const PackDocuments& documents);
LoadResult load_pack(const std::filesystem::path& directory);  // read_documents, then load

// Only the manifest, from its bytes (for decisions before anything else is read).
std::optional<Manifest> parse_manifest(std::string_view bytes, std::vector<Problem>& problems);

// A language tag as ICU writes it in BCP 47 ("zh-hans" -> "zh-Hans"), or empty when it is not one.
std::string canonical_language_tag(std::string_view tag);

// True when `name` is an IANA zone the system's tz database knows (e.g. "Europe/Berlin").
bool is_known_timezone(std::string_view name);

}  // namespace haven
