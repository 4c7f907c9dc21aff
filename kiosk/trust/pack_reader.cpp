#include "pack_reader.hpp"

#include "json_document.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace haven {

namespace {

constexpr size_t max_problems_listed = 20;  // of one kind: a pack with 10,000 stray files gets one line more

bool is_document(std::string_view path) { return is_document_path(path); }

// Creates `relative`'s parent folders beneath `root_fd` (0755) and the file itself (0644, new), without
// following links; returns its descriptor.
int create_beneath(int root_fd, const std::string& relative) {
    int dir = ::dup(root_fd);
    size_t start = 0;
    for (size_t slash; dir >= 0 && (slash = relative.find('/', start)) != std::string::npos; start = slash + 1) {
        const std::string part = relative.substr(start, slash - start);
        const bool made = ::mkdirat(dir, part.c_str(), 0755) == 0;
        const int next = ::openat(dir, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        ::close(dir);
        if (next >= 0 && made) ::fchmod(next, 0755);  // whatever the umask: the kiosk's own user must read it
        dir = next;
    }
    if (dir < 0) return -1;
    const int fd = ::openat(dir, relative.substr(start).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    ::close(dir);
    if (fd >= 0) ::fchmod(fd, 0644);  // whatever the umask: readable by the kiosk, writable by none but the owner
    return fd;
}

bool write_all(int fd, const char* p, size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= size_t(w);
    }
    return true;
}


}  // namespace

PackRead read_pack(const std::filesystem::path& path, const PackReadOptions& options) {
    PackRead r;
    const bool verify = !options.trusted.empty();
    auto problem = [&](std::string file, std::string message, std::string pointer = {}) {
        r.problems.push_back({Problem::Severity::Error, std::move(file), std::move(pointer), std::move(message)});
    };
    std::string error;
    auto folder = Folder::open(path, error);
    if (!folder) {
        problem(path.string(), error + "; give the folder that holds manifest.json.");
        return r;
    }
    if (sodium_init() < 0) return problem("", "libsodium could not start"), r;

    // 1. The manifest's bytes, once; with trusted keys its signature is checked before it is parsed.
    auto manifest = read_regular_beneath(folder->fd(), "manifest.json", max_manifest_bytes, error);
    if (!manifest) {
        r.documents.unreadable["manifest.json"] = error;
        problem("manifest.json", error + "; the pack is not usable.");
        return r;
    }
    r.documents.manifest = std::move(*manifest);
    r.manifest_sha256 = sha256_hex(r.documents.manifest);
    if (verify) {
        auto signature = read_regular_beneath(folder->fd(), signature_file, 1024, error);
        if (!signature) {
            problem(signature_file, error == "is missing" ? "is missing: the pack is not signed. Ask the publisher for a signed pack (kiosk-pack sign)."
                                                          : error + "; it must be the signature file made by kiosk-pack sign.");
            return r;
        }
        r.signature = *signature;
        std::string_view hex = r.signature;
        while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' ')) hex.remove_suffix(1);
        std::uint8_t sig[crypto_sign_BYTES];
        size_t length = 0;
        if (hex.size() != 2 * crypto_sign_BYTES ||
            sodium_hex2bin(sig, sizeof sig, hex.data(), hex.size(), nullptr, &length, nullptr) != 0 || length != sizeof sig) {
            problem(signature_file, "is not a signature made by kiosk-pack sign.");
            return r;
        }
        const auto* bytes = reinterpret_cast<const unsigned char*>(r.documents.manifest.data());
        for (const auto& key : options.trusted)
            if (crypto_sign_verify_detached(sig, bytes, r.documents.manifest.size(), key.data()) == 0) r.signer = fingerprint(key);
        if (r.signer.empty()) {
            problem("manifest.json", "the signature does not match any trusted key: the manifest was changed after signing, "
                                     "or it was signed by a key this kiosk does not trust. Nothing was installed.");
            return r;
        }
    }

    if (options.on_progress) options.on_progress("manifest.json", "read");

    // 2. Everything decided from here on comes from these bytes.
    r.manifest = parse_manifest(r.documents.manifest, r.problems);
    if (!r.manifest) return r;
    const auto& listed_files = r.manifest->files;
    if (verify && listed_files.empty()) {
        problem("manifest.json", "lists no files; a signed pack lists every file (kiosk-pack sign fills it in).", "/files");
        return r;
    }
    std::unordered_map<std::string, const PackFile*> listed;
    std::unordered_set<std::string> listed_folders;
    for (size_t i = 0; i < listed_files.size(); ++i) {
        const auto& f = listed_files[i];
        if (!listed.emplace(f.path, &f).second)
            problem("manifest.json", "'" + f.path + "' is listed twice; list each file once.", "/files/" + std::to_string(i) + "/path");
        for (size_t slash = f.path.find('/'); slash != std::string::npos; slash = f.path.find('/', slash + 1))
            listed_folders.insert(f.path.substr(0, slash));
    }
    if (options.before_files && !options.before_files(*r.manifest, r.manifest_sha256, r.problems)) return r;
    if (has_errors(r.problems)) return r;

    // 3. What the folder holds, without reading a file: nothing may be there that was not signed.
    const bool signed_list = !listed_files.empty();
    auto listing = walk_pack(folder->fd(), max_pack_entries, [&](const std::string& folder_path) {
        return !signed_list || listed_folders.count(folder_path) > 0;
    });
    if (!listing.error.empty()) return problem("", listing.error), r;
    if (listing.too_many) {
        problem("", "the pack holds more than " + std::to_string(max_pack_entries) +
                        " files and folders; a pack never needs so many. Remove what does not belong to it. Nothing was read.");
        return r;
    }
    size_t stray = 0;
    std::vector<std::string> found_files;
    for (const auto& e : listing.entries) {
        if (e.path == "manifest.json" || e.path == signature_file) continue;
        if (options.require_private && e.kind != PackEntry::Kind::Link) {
            if (auto why = others_can_change(e.stamp); !why.empty())
                problem(e.path, why + "; the kiosk serves only what nobody but root or its own user can change. An admin should "
                                      "reinstall the pack.");
        }
        using Kind = PackEntry::Kind;
        if (e.kind == Kind::Link) {
            problem(e.path, "is a symbolic link; a pack holds only real files. Copy the file itself into the pack.");
        } else if (e.kind == Kind::Other) {
            problem(e.path, "is not a regular file (a pipe, device or socket); remove it from the pack.");
        } else if (e.kind == Kind::Folder) {
            if (signed_list && !listed_folders.count(e.path) && ++stray <= max_problems_listed)
                problem(e.path, "is a folder the signed manifest does not list; remove it or sign the pack again.");
        } else if (signed_list && !listed.count(e.path)) {
            if (++stray <= max_problems_listed)
                problem(e.path, "is not in the signed manifest: it was added after signing. Remove it or sign the pack again.");
        } else {
            found_files.push_back(e.path);
        }
    }
    if (stray > max_problems_listed)
        problem("", "and " + std::to_string(stray - max_problems_listed) + " more files or folders that the signed manifest does not list.");
    if (verify && has_errors(r.problems)) return r;

    // 4. Each file once: checked before it is read, hashed as it is read, documents kept, copies made
    //    from the very bytes that were hashed.
    std::vector<std::string> to_read;
    if (signed_list) {
        for (const auto& f : listed_files) to_read.push_back(f.path);
    } else {
        std::sort(found_files.begin(), found_files.end());
        for (const auto& f : found_files)
            if (options.all_files || options.copy_into >= 0 || is_document(f)) to_read.push_back(f);
    }
    if (!verify && !options.all_files && options.copy_into < 0)  // development mode: only what is parsed
        std::erase_if(to_read, [](const std::string& f) { return !is_document(f); });
    for (const char* name : document_names)
        if (std::find(to_read.begin(), to_read.end(), name) == to_read.end()) r.documents.unreadable[name] = "is missing";
    for (const auto& file : to_read) {
        if (options.stop && options.stop->load()) {
            r.stopped = true;
            problem("", "stopped before the pack was read whole; nothing was installed.");
            return r;
        }
        FileStamp stamp;
        const int fd = open_regular_beneath(folder->fd(), file, stamp, error);
        if (fd < 0) {
            if (is_document(file)) r.documents.unreadable[file] = error;
            if (error == "is missing")
                problem(file, verify ? "is listed in the manifest but missing: the pack was changed after signing or copied only in part."
                                     : "is listed in the manifest but missing.");
            else if (verify || options.copy_into >= 0)
                problem(file, error + "; a pack holds only real files.");
            continue;
        }
        const PackFile* declared = signed_list ? listed.at(file) : nullptr;
        if (verify && stamp.size != std::uint64_t(declared->size)) {  // refused without reading a byte
            ::close(fd);
            problem(file, "is " + std::to_string(stamp.size) + " bytes, but the manifest says " + std::to_string(declared->size) +
                              ": it was changed after signing or copied only in part.");
            continue;
        }
        const bool keep = is_document(file) && stamp.size <= document_limit(file);
        if (is_document(file) && !keep)
            r.documents.unreadable[file] = "is " + std::to_string(stamp.size) + " bytes; the limit is " + std::to_string(document_limit(file));
        const int copy = options.copy_into >= 0 ? create_beneath(options.copy_into, file) : -1;
        if (options.copy_into >= 0 && copy < 0) {
            ::close(fd);
            problem(file, "could not be copied into the kiosk's state folder (" + std::string(std::strerror(errno)) +
                              "); is the disk full or read-only? Nothing was changed.");
            return r;
        }
        std::string bytes;
        if (keep) bytes.reserve(size_t(stamp.size));
        Sha256 hash;
        bool write_failed = false;
        bool first_piece = true;
        const bool read_ok = read_chunks(fd, stamp, [&](const char* p, size_t n) {
            if (options.stop && options.stop->load()) return false;
            if (first_piece && options.on_progress) options.on_progress(file, "piece");
            first_piece = false;
            hash.add(p, n);
            if (keep) bytes.append(p, n);
            if (copy >= 0 && !write_all(copy, p, n)) return write_failed = true, false;
            return true;
        }, error);
        ::close(fd);
        if (copy >= 0) {
            write_failed = write_failed || ::fsync(copy) != 0;
            ::close(copy);
        }
        if (options.on_progress) options.on_progress(file, "read");
        if (options.stop && options.stop->load()) {
            r.stopped = true;
            problem("", "stopped before the pack was read whole; nothing was installed.");
            return r;
        }
        if (write_failed) {
            problem(file, "could not be written into the kiosk's state folder; is the disk full or read-only? Nothing was changed.");
            return r;
        }
        if (!read_ok) {
            r.changing = error.find("while it was read") != std::string::npos;
            if (is_document(file)) r.documents.unreadable[file] = error;
            problem(file, error);
            continue;
        }
        if (verify && hash.hex() != declared->sha256) {
            problem(file, "does not match its SHA-256 in the manifest: it was changed after signing.");
            continue;
        }
        if (keep) r.documents.files[file] = std::move(bytes);
    }
    r.ok = !has_errors(r.problems);
    return r;
}

}  // namespace haven
