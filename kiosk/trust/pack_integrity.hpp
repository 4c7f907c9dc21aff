// Packs NGOs can trust: Ed25519 (libsodium) signatures over the exact bytes of manifest.json, which
// lists the size and SHA-256 of every other file. Verification is read_pack's (pack_reader.hpp): the
// signature is checked before anything is parsed, then every file, and anything added, missing,
// changed, linked or outside the pack is refused.
#pragma once

#include "pack_keys.hpp"
#include "pack_reader.hpp"
#include "problem.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace haven {

// Fills the manifest's "files" with every other file's size and SHA-256, rewrites manifest.json and
// writes manifest.sig. The caller validates the pack first.
bool sign_pack(const std::filesystem::path& pack, const SecretKey& key, std::string& error);

struct Verification {
    bool ok = false;
    std::string signer;            // fingerprint of the trusted key that signed it
    std::vector<Problem> problems;
};

Verification verify_pack(const std::filesystem::path& pack, const std::vector<PublicKey>& trusted);

}  // namespace haven
