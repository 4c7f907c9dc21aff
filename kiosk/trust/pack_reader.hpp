// The one way a pack folder is read, by kiosk-pack, the installer, the inbox and the kiosk alike: every
// file is read once; its bytes are hashed and, for the documents, kept and parsed from those same bytes;
// every decision is taken from the signed manifest's bytes. What it checks before reading a byte:
// only regular files and real folders (no links, pipes, devices), each within its size, at most
// `max_pack_entries` entries, nothing that the signed manifest does not list (files or folders).
// Time and memory are linear in the pack's size; documents are kept, other files are only streamed.
#pragma once

#include "pack_loader.hpp"
#include "pack_keys.hpp"
#include "pack_walk.hpp"
#include "problem.hpp"
#include "safe_file.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace haven {

inline constexpr const char* signature_file = "manifest.sig";
// A pack is a few documents and some media: far fewer entries than this. More is refused before
// anything is read (a stick of 100,000 tiny files must not stall the inbox).
inline constexpr std::size_t max_pack_entries = 10000;

struct PackReadOptions {
    std::vector<PublicKey> trusted;  // empty: development mode, nothing is verified
    // When set, each file is copied into this folder (a private one) from the same bytes that are hashed.
    int copy_into = -1;
    // Read every listed file even in development mode (for copying); otherwise only the documents.
    bool all_files = false;
    // Refuse entries that a user other than the owner (or root) could change: the kiosk's state folder.
    bool require_private = false;
    // Called with the manifest parsed from its verified bytes, before any other file is read; may add
    // problems and return false to stop there (e.g. a version that is not newer).
    std::function<bool(const Manifest&, const std::string& manifest_sha256, std::vector<Problem>&)> before_files;
    // Called after the first piece of each file is read ("piece") and after each file is read whole and
    // its copy synced ("read"): the crash test's kill points, and tests that change files mid-read.
    std::function<void(const std::string& file, const char* event)> on_progress;
    const std::atomic<bool>* stop = nullptr;  // checked between pieces of files: ends a read at once
};

struct PackRead {
    bool ok = false;
    std::string signer;                 // fingerprint of the trusted key; empty in development mode
    std::optional<Manifest> manifest;   // from the bytes in documents.manifest
    PackDocuments documents;            // the manifest's and documents' bytes, as read and hashed
    std::string signature;              // manifest.sig's bytes, as read
    std::string manifest_sha256;        // the pack's identity: the hash of its manifest's bytes
    std::vector<Problem> problems;
    bool changing = false;              // a file changed while it was read: try again once it settles
    bool stopped = false;               // options.stop was set
};

PackRead read_pack(const std::filesystem::path& folder, const PackReadOptions& options);

}  // namespace haven
