#include "pack_integrity.hpp"

#include "json_document.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sodium.h>
#include <sys/stat.h>

namespace haven {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t max_manifest_bytes = 1u << 20;

std::string to_hex(const std::uint8_t* data, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}

template <size_t N>
std::optional<std::array<std::uint8_t, N>> from_hex(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    std::array<std::uint8_t, N> out{};
    size_t length = 0;
    if (text.size() != N * 2 || sodium_hex2bin(out.data(), N, text.data(), text.size(), nullptr, &length, nullptr) != 0 || length != N)
        return std::nullopt;
    return out;
}

std::optional<std::string> read_small(const fs::path& file, std::uintmax_t limit) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(file, ec)) || fs::file_size(file, ec) > limit || ec) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
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

// Every file below `pack` (relative, '/'-separated), except the manifest and its signature.
std::vector<std::string> pack_files(const fs::path& pack, std::vector<Problem>* problems) {
    std::vector<std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(pack, fs::directory_options::none, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        // Lexical: fs::relative would follow a symlink and name its target instead of the file in the pack.
        const auto rel = it->path().lexically_relative(pack).generic_string();
        const auto status = it->symlink_status();
        if (fs::is_symlink(status)) {
            if (problems)
                problems->push_back({Problem::Severity::Error, rel, "", "is a symbolic link; a pack holds only real files. Copy the file itself into the pack."});
            continue;
        }
        if (fs::is_directory(status)) continue;
        if (!fs::is_regular_file(status)) {
            if (problems) problems->push_back({Problem::Severity::Error, rel, "", "is not a regular file; remove it from the pack."});
            continue;
        }
        if (rel == "manifest.json" || rel == signature_file) continue;
        files.push_back(rel);
    }
    return files;
}

}  // namespace

std::string fingerprint(const PublicKey& key) { return to_hex(key.data(), 8); }

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
    auto text = read_small(file, 256);
    if (!text) return error = file.string() + " cannot be read as a key file", std::nullopt;
    auto key = from_hex<32>(*text);
    if (!key) error = file.string() + " is not a public key (64 hex digits) made by kiosk-pack keygen";
    return key;
}

std::optional<SecretKey> read_secret_key(const fs::path& file, std::string& error) {
    auto text = read_small(file, 512);
    if (!text) return error = file.string() + " cannot be read as a key file", std::nullopt;
    auto key = from_hex<64>(*text);
    sodium_memzero(text->data(), text->size());
    if (!key) error = file.string() + " is not a secret key (128 hex digits) made by kiosk-pack keygen";
    return key;
}

std::optional<std::string> sha256_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()), size_t(in.gcount()));
    }
    std::uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return to_hex(digest, sizeof digest);
}

bool sign_pack(const fs::path& pack, const SecretKey& key, std::string& error) {
    if (sodium_init() < 0) return error = "libsodium could not start", false;
    auto text = read_small(pack / "manifest.json", max_manifest_bytes);
    if (!text) return error = "manifest.json cannot be read", false;
    auto manifest = nlohmann::ordered_json::parse(*text, nullptr, false);
    if (manifest.is_discarded() || !manifest.is_object()) return error = "manifest.json is not a JSON object; validate the pack first", false;
    std::vector<Problem> problems;
    auto files = pack_files(pack, &problems);
    if (!problems.empty()) return error = problems[0].file + " " + problems[0].message, false;
    std::sort(files.begin(), files.end());
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& f : files) {
        auto digest = sha256_file(pack / f);
        if (!digest) return error = f + " cannot be read", false;
        list.push_back({{"path", f}, {"size", fs::file_size(pack / f)}, {"sha256", *digest}});
    }
    manifest["files"] = list;
    const std::string bytes = manifest.dump(2) + "\n";
    std::uint8_t signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), key.data());
    if (!write_file(pack / "manifest.json", bytes, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read) ||
        !write_file(pack / signature_file, to_hex(signature, sizeof signature) + "\n",
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read))
        return error = "could not write manifest.json and " + std::string(signature_file), false;
    return true;
}

Verification verify_pack(const fs::path& pack, const std::vector<PublicKey>& trusted) {
    Verification v;
    auto refuse = [&](std::string file, std::string pointer, std::string message) {
        v.problems.push_back({Problem::Severity::Error, std::move(file), std::move(pointer), std::move(message)});
        return v;
    };
    if (sodium_init() < 0) return refuse("", "", "libsodium could not start");
    // 1. The signature, over the exact bytes, before anything is parsed.
    auto manifest = read_small(pack / "manifest.json", max_manifest_bytes);
    if (!manifest) return refuse("manifest.json", "", "is missing, not a regular file, or larger than 1 MiB; the pack is not usable.");
    auto sig_text = read_small(pack / signature_file, 1024);
    if (!sig_text) return refuse(signature_file, "", "is missing: the pack is not signed. Ask the publisher for a signed pack (kiosk-pack sign).");
    auto signature = from_hex<crypto_sign_BYTES>(*sig_text);
    if (!signature) return refuse(signature_file, "", "is not a signature made by kiosk-pack sign.");
    for (const auto& key : trusted)
        if (crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(manifest->data()), manifest->size(),
                                        key.data()) == 0)
            v.signer = fingerprint(key);
    if (v.signer.empty())
        return refuse("manifest.json", "", "the signature does not match any trusted key: the manifest was changed after signing, "
                                           "or it was signed by a key this kiosk does not trust. Nothing was installed.");
    // 2. The signed manifest names every file with its size and hash.
    std::vector<Problem> parse_problems;
    Diagnostics diag("manifest.json", parse_problems);
    auto doc = parse_json_text(*manifest, diag);
    if (!doc || !doc->is_object() || !doc->contains("files") || !(*doc)["files"].is_array()) {
        v.problems.insert(v.problems.end(), parse_problems.begin(), parse_problems.end());
        return refuse("manifest.json", "/files", "lists no files; a signed pack lists every file (kiosk-pack sign fills it in).");
    }
    std::set<std::string> listed;
    const auto& files = (*doc)["files"];
    for (size_t i = 0; i < files.size(); ++i) {
        const std::string at = "/files/" + std::to_string(i);
        const auto& f = files[i];
        if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("size") ||
            !f["size"].is_number_unsigned() || !f.contains("sha256") || !f["sha256"].is_string()) {
            refuse("manifest.json", at, "needs \"path\", \"size\" and \"sha256\".");
            continue;
        }
        const std::string path = f["path"];
        const fs::path rel(path);
        bool inside = !path.empty() && !rel.is_absolute() && path.find('\\') == std::string::npos;
        for (const auto& part : rel) inside = inside && part != ".." && part != ".";
        if (!inside) {
            refuse("manifest.json", at + "/path", "'" + path + "' points outside the pack; nothing was installed.");
            continue;
        }
        listed.insert(rel.generic_string());
        std::error_code ec;
        const auto status = fs::symlink_status(pack / rel, ec);
        if (fs::is_symlink(status)) {
            refuse(path, "", "is a symbolic link; a pack holds only real files.");
            continue;
        }
        if (!fs::is_regular_file(status)) {
            refuse(path, "", "is listed in the manifest but missing: the pack was changed after signing or copied only in part.");
            continue;
        }
        // Sizes first: a file far larger than declared is refused without being read.
        const auto size = fs::file_size(pack / rel, ec);
        if (ec || size != f["size"].get<std::uintmax_t>()) {
            refuse(path, "", "is " + std::to_string(size) + " bytes, but the manifest says " + std::to_string(f["size"].get<std::uintmax_t>()) +
                                 ": it was changed after signing or copied only in part.");
            continue;
        }
        auto digest = sha256_file(pack / rel);
        if (!digest || *digest != f["sha256"].get<std::string>())
            refuse(path, "", "does not match its SHA-256 in the manifest: it was changed after signing.");
    }
    // 3. Nothing beyond what was signed.
    std::vector<Problem> walk_problems;
    for (const auto& f : pack_files(pack, &walk_problems))
        if (!listed.count(f)) refuse(f, "", "is not in the signed manifest: it was added after signing. Remove it or sign the pack again.");
    v.problems.insert(v.problems.end(), walk_problems.begin(), walk_problems.end());
    v.ok = v.problems.empty();
    return v;
}

}  // namespace haven
