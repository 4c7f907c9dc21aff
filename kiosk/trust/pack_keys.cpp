#include "pack_keys.hpp"

#include "safe_file.hpp"

#include <fstream>

namespace haven {
namespace fs = std::filesystem;

namespace {

template <size_t N>
std::optional<std::array<std::uint8_t, N>> from_hex(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    std::array<std::uint8_t, N> out{};
    size_t length = 0;
    if (text.size() != N * 2 || sodium_hex2bin(out.data(), N, text.data(), text.size(), nullptr, &length, nullptr) != 0 || length != N)
        return std::nullopt;
    return out;
}

bool write_file(const fs::path& file, const std::string& bytes, fs::perms perms) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) return false;
    std::error_code ec;
    fs::permissions(file, perms, fs::perm_options::replace, ec);
    return !ec;
}

}  // namespace

std::string to_hex(const std::uint8_t* data, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}

std::string Sha256::hex() {
    std::uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    return to_hex(digest, sizeof digest);
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.add(bytes.data(), bytes.size());
    return h.hex();
}

std::string fingerprint(const PublicKey& key) { return to_hex(key.data(), 8); }

std::optional<PublicKey> public_key_from_hex(std::string_view hex) { return from_hex<32>(hex); }

bool write_key_pair(const fs::path& base, std::string& error) {
    if (sodium_init() < 0) return error = "libsodium could not start", false;
    PublicKey pub;
    SecretKey secret;
    crypto_sign_keypair(pub.data(), secret.data());
    const fs::path secret_file = base.string() + ".secret", public_file = base.string() + ".pub";
    if (fs::exists(secret_file) || fs::exists(public_file)) return error = "a key named " + base.string() + " exists already; pick another name", false;
    std::string secret_hex = to_hex(secret.data(), secret.size()) + "\n";
    // Created owner-only before anything is written into it.
    bool ok = write_file(secret_file, "", fs::perms::owner_read | fs::perms::owner_write) &&
              write_file(secret_file, secret_hex, fs::perms::owner_read | fs::perms::owner_write) &&
              write_file(public_file, to_hex(pub.data(), pub.size()) + "\n",
                         fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    sodium_memzero(secret.data(), secret.size());
    sodium_memzero(secret_hex.data(), secret_hex.size());
    if (!ok) error = "could not write " + secret_file.string() + " and " + public_file.string();
    return ok;
}

std::optional<PublicKey> read_public_key(const fs::path& file, std::string& error) {
    auto text = read_regular_file(file, 256, error);
    if (!text) return error = file.string() + " cannot be read as a key file (" + error + ")", std::nullopt;
    auto key = from_hex<32>(*text);
    if (!key) error = file.string() + " is not a public key (64 hex digits) made by kiosk-pack keygen";
    return key;
}

std::optional<SecretKey> read_secret_key(const fs::path& file, std::string& error) {
    auto text = read_regular_file(file, 512, error);
    if (!text) return error = file.string() + " cannot be read as a key file (" + error + ")", std::nullopt;
    auto key = from_hex<64>(*text);
    sodium_memzero(text->data(), text->size());
    if (!key) error = file.string() + " is not a secret key (128 hex digits) made by kiosk-pack keygen";
    return key;
}

}  // namespace haven
