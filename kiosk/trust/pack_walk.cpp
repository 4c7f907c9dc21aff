#include "pack_walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace haven {

namespace {

// Deeper than any pack needs; also bounds the descriptors held open (one per level).
constexpr int max_depth = 16;

struct Walker {
    std::size_t max_entries;
    const std::function<bool(const std::string&)>& descend;
    PackListing& out;
    std::size_t counted = 0;  // every entry, litter included: litter is no way around the limit

    void walk(int folder_fd, const std::string& prefix, int depth) {
        DIR* dir = ::fdopendir(::dup(folder_fd));
        if (!dir) {
            if (out.error.empty()) out.error = "the folder '" + prefix + "' cannot be read";
            return;
        }
        std::vector<std::string> subfolders;  // walked after this folder is closed: one descriptor per level
        while (dirent* e = ::readdir(dir)) {
            const std::string_view name = e->d_name;
            if (name == "." || name == "..") continue;
            if (++counted > max_entries) {
                out.too_many = true;
                break;
            }
            if (is_os_litter(name)) continue;
            PackEntry entry;
            entry.path = prefix + std::string(name);
            auto stamp = lstat_at(::dirfd(dir), e->d_name);
            if (!stamp) continue;  // gone meanwhile
            entry.stamp = *stamp;
            const mode_t mode = stamp->mode;
            entry.kind = S_ISREG(mode) ? PackEntry::Kind::File : S_ISDIR(mode) ? PackEntry::Kind::Folder
                       : S_ISLNK(mode) ? PackEntry::Kind::Link : PackEntry::Kind::Other;
            if (entry.kind == PackEntry::Kind::Folder && (!descend || descend(entry.path))) subfolders.emplace_back(name);
            out.entries.push_back(std::move(entry));
        }
        ::closedir(dir);
        for (const auto& name : subfolders) {
            if (out.too_many || !out.error.empty()) return;
            if (depth + 1 >= max_depth) {
                out.error = "the folder '" + prefix + name + "' is nested more than " + std::to_string(max_depth) + " deep";
                return;
            }
            const int sub = ::openat(folder_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) {
                out.error = "the folder '" + prefix + name + "' cannot be opened";
                return;
            }
            walk(sub, prefix + name + "/", depth + 1);
            ::close(sub);
        }
    }
};

}  // namespace

bool is_os_litter(std::string_view name) {
    return name == ".DS_Store" || name.starts_with("._") || name == ".Trashes" || name == ".Spotlight-V100" ||
           name == ".fseventsd" || name == ".TemporaryItems" || name == "System Volume Information" || name == "Thumbs.db" ||
           name == "desktop.ini" || name == "$RECYCLE.BIN";
}

PackListing walk_pack(int folder_fd, std::size_t max_entries, const std::function<bool(const std::string&)>& descend) {
    PackListing out;
    Walker walker{max_entries, descend, out};
    walker.walk(folder_fd, "", 0);
    return out;
}

}  // namespace haven
