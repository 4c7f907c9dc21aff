// Publishers' keys (Ed25519, libsodium) and the SHA-256 digests that signed manifests list.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <sodium.h>
#include <string>
#include <string_view>

namespace haven {

using PublicKey = std::array<std::uint8_t, 32>;
using SecretKey = std::array<std::uint8_t, 64>;

// NAME.secret (owner-only permissions) and NAME.pub, as one line of hex each.
bool write_key_pair(const std::filesystem::path& base, std::string& error);
std::optional<PublicKey> read_public_key(const std::filesystem::path& file, std::string& error);
std::optional<SecretKey> read_secret_key(const std::filesystem::path& file, std::string& error);
std::string fingerprint(const PublicKey& key);  // short hex, for "signed by"
std::optional<PublicKey> public_key_from_hex(std::string_view hex);

std::string to_hex(const std::uint8_t* data, size_t n);

// SHA-256, fed piece by piece as a file is read.
class Sha256 {
public:
    Sha256() { crypto_hash_sha256_init(&state_); }
    void add(const void* data, size_t n) { crypto_hash_sha256_update(&state_, static_cast<const unsigned char*>(data), n); }
    std::string hex();  // lower case; once
private:
    crypto_hash_sha256_state state_;
};
std::string sha256_hex(std::string_view bytes);

}  // namespace haven
