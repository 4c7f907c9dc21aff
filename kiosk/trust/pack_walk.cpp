#include "pack_walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace haven {

bool is_os_litter(std::string_view name) {
    return name == ".DS_Store" || name.starts_with("._") || name == ".Trashes" || name == ".Spotlight-V100" ||
           name == ".fseventsd" || name == ".TemporaryItems" || name == "System Volume Information" || name == "Thumbs.db" ||
           name == "desktop.ini" || name == "$RECYCLE.BIN";
}

PackListing walk_pack(int folder_fd, std::size_t max_entries, const std::function<bool(const std::string&)>& descend) {
    PackListing out;
    struct Pending {
        int fd;
        std::string prefix;
    };
    std::vector<Pending> stack;
    const int first = ::dup(folder_fd);
    if (first < 0) return out.error = "cannot be read", out;
    stack.push_back({first, ""});
    while (!stack.empty()) {
        Pending here = std::move(stack.back());
        stack.pop_back();
        DIR* dir = ::fdopendir(here.fd);  // owns the descriptor from here on
        if (!dir) {
            ::close(here.fd);
            if (out.error.empty()) out.error = "the folder '" + here.prefix + "' cannot be read";
            continue;
        }
        ::rewinddir(dir);
        while (dirent* e = ::readdir(dir)) {
            const std::string_view name = e->d_name;
            if (name == "." || name == ".." || is_os_litter(name)) continue;
            if (out.entries.size() >= max_entries) {
                out.too_many = true;
                break;
            }
            PackEntry entry;
            entry.path = here.prefix + std::string(name);
            auto stamp = lstat_at(::dirfd(dir), e->d_name);
            if (!stamp) continue;  // gone meanwhile
            entry.stamp = *stamp;
            const mode_t mode = stamp->mode;
            entry.kind = S_ISREG(mode) ? PackEntry::Kind::File : S_ISDIR(mode) ? PackEntry::Kind::Folder
                       : S_ISLNK(mode) ? PackEntry::Kind::Link : PackEntry::Kind::Other;
            if (entry.kind == PackEntry::Kind::Folder && (!descend || descend(entry.path))) {
                const int sub = ::openat(::dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (sub >= 0) stack.push_back({sub, entry.path + "/"});
            }
            out.entries.push_back(std::move(entry));
        }
        ::closedir(dir);
        if (out.too_many) break;
    }
    for (auto& pending : stack) ::close(pending.fd);
    return out;
}

}  // namespace haven
