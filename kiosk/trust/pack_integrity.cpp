#include "pack_integrity.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace haven {
namespace fs = std::filesystem;

namespace {

bool write_file(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) return false;
    std::error_code ec;
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read,
                    fs::perm_options::replace, ec);
    return !ec;
}

}  // namespace

bool sign_pack(const fs::path& pack, const SecretKey& key, std::string& error) {
    if (sodium_init() < 0) return error = "libsodium could not start", false;
    auto folder = Folder::open(pack, error);
    if (!folder) return error = pack.string() + " " + error, false;
    auto text = read_regular_beneath(folder->fd(), "manifest.json", max_manifest_bytes, error);
    if (!text) return error = "manifest.json " + error, false;
    auto manifest = nlohmann::ordered_json::parse(*text, nullptr, false);
    if (manifest.is_discarded() || !manifest.is_object()) return error = "manifest.json is not a JSON object; validate the pack first", false;
    auto listing = walk_pack(folder->fd(), max_pack_entries, {});
    if (!listing.error.empty()) return error = listing.error, false;
    if (listing.too_many) return error = "the pack holds more than " + std::to_string(max_pack_entries) + " files and folders", false;
    std::vector<std::string> files;
    for (const auto& e : listing.entries) {
        if (e.kind == PackEntry::Kind::Link) return error = e.path + " is a symbolic link; a pack holds only real files. Copy the file itself into the pack.", false;
        if (e.kind == PackEntry::Kind::Other) return error = e.path + " is not a regular file; remove it from the pack.", false;
        if (e.kind == PackEntry::Kind::File && e.path != "manifest.json" && e.path != signature_file) files.push_back(e.path);
    }
    std::sort(files.begin(), files.end());
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& f : files) {
        FileStamp stamp;
        const int fd = open_regular_beneath(folder->fd(), f, stamp, error);
        if (fd < 0) return error = f + " " + error, false;
        Sha256 hash;
        const bool ok = read_chunks(fd, stamp, [&](const char* p, size_t n) { return hash.add(p, n), true; }, error);
        ::close(fd);
        if (!ok) return error = f + " " + error, false;
        list.push_back({{"path", f}, {"size", stamp.size}, {"sha256", hash.hex()}});
    }
    manifest["files"] = list;
    const std::string bytes = manifest.dump(2) + "\n";
    std::uint8_t signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), key.data());
    if (!write_file(pack / "manifest.json", bytes) || !write_file(pack / signature_file, to_hex(signature, sizeof signature) + "\n"))
        return error = "could not write manifest.json and " + std::string(signature_file), false;
    return true;
}

Verification verify_pack(const fs::path& pack, const std::vector<PublicKey>& trusted) {
    if (trusted.empty()) return {false, {}, {{Problem::Severity::Error, "", "", "no trusted key was given; a pack is verified against its publisher's key."}}};
    PackReadOptions options;
    options.trusted = trusted;
    options.all_files = true;
    auto read = read_pack(pack, options);
    return {read.ok, read.signer, std::move(read.problems)};
}

}  // namespace haven
