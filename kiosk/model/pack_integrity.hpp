// Packs NGOs can trust: Ed25519 (libsodium) signatures over the exact bytes of manifest.json, which
// lists the size and SHA-256 of every other file. Verification checks the signature before it parses
// anything, then every file, and refuses anything added, missing, changed, linked or outside the pack.
#pragma once

#include "problem.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace haven {

using PublicKey = std::array<std::uint8_t, 32>;
using SecretKey = std::array<std::uint8_t, 64>;

inline constexpr const char* signature_file = "manifest.sig";

// NAME.secret (owner-only permissions) and NAME.pub, as one line of hex each.
bool write_key_pair(const std::filesystem::path& base, std::string& error);
std::optional<PublicKey> read_public_key(const std::filesystem::path& file, std::string& error);
std::optional<SecretKey> read_secret_key(const std::filesystem::path& file, std::string& error);
std::string fingerprint(const PublicKey& key);  // short hex, for "signed by"

// Fills the manifest's "files" with every other file's size and SHA-256, rewrites manifest.json and
// writes manifest.sig. The caller validates the pack first.
bool sign_pack(const std::filesystem::path& pack, const SecretKey& key, std::string& error);

struct Verification {
    bool ok = false;
    std::string signer;            // fingerprint of the trusted key that signed it
    std::vector<Problem> problems;
};

Verification verify_pack(const std::filesystem::path& pack, const std::vector<PublicKey>& trusted);

std::optional<std::string> sha256_file(const std::filesystem::path& file);  // lower-case hex

}  // namespace haven
