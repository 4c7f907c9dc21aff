#include "safe_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace haven {

namespace {

FileStamp stamp_from(const struct stat& st) {
    return {std::uint64_t(st.st_size),
            std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
            std::int64_t(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec,
            std::uint64_t(st.st_ino),
            std::uint64_t(st.st_dev),
            std::uint32_t(st.st_mode),
            std::uint32_t(st.st_uid)};
}

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISFIFO(mode)) return "a pipe (FIFO)";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

}  // namespace

Folder& Folder::operator=(Folder&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

Folder::~Folder() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<Folder> Folder::open(const std::filesystem::path& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        error = errno == ENOTDIR || errno == ENOENT ? "is not a folder" : std::string("cannot be opened (") + std::strerror(errno) + ")";
        return std::nullopt;
    }
    return Folder(fd);
}

bool is_plain_relative_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos)
        return false;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const auto part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

FileStamp stamp_of(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return {};
    return stamp_from(st);
}

std::optional<FileStamp> lstat_at(int folder_fd, const char* name) {
    struct stat st {};
    if (::fstatat(folder_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
    return stamp_from(st);
}

std::string others_can_change(const FileStamp& stamp) {
    if ((stamp.mode & 022) != 0)
        return "can be changed by users other than its owner (mode " + std::to_string((stamp.mode >> 6) & 7) +
               std::to_string((stamp.mode >> 3) & 7) + std::to_string(stamp.mode & 7) + ")";
    if (stamp.owner != 0 && stamp.owner != ::geteuid()) return "belongs to another user (uid " + std::to_string(stamp.owner) + ")";
    return {};
}

int open_regular_beneath(int folder_fd, std::string_view relative, FileStamp& stamp, std::string& error) {
    if (!is_plain_relative_path(relative)) {
        error = "is not a plain path inside the folder";
        return -1;
    }
    // Walk the folders one by one, never through a link: a folder swapped for a link is refused.
    int dir = ::dup(folder_fd);
    if (dir < 0) return error = "cannot be opened", -1;
    std::string path(relative);
    size_t start = 0;
    for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1) {
        const std::string part = path.substr(start, slash - start);
        const int next = ::openat(dir, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const int saved = errno;
        ::close(dir);
        if (next < 0) {
            error = saved == ENOENT ? "is missing" : saved == ELOOP || saved == ENOTDIR ? "is inside something that is not a real folder (a link?)"
                                                                                         : std::string("cannot be opened (") + std::strerror(saved) + ")";
            return -1;
        }
        dir = next;
    }
    const std::string name = path.substr(start);
    // What it is, before opening it: opening a FIFO or a device could block or act.
    struct stat before {};
    if (::fstatat(dir, name.c_str(), &before, AT_SYMLINK_NOFOLLOW) != 0) {
        const int saved = errno;
        ::close(dir);
        error = saved == ENOENT ? "is missing" : std::string("cannot be read (") + std::strerror(saved) + ")";
        return -1;
    }
    if (!S_ISREG(before.st_mode)) {
        ::close(dir);
        error = std::string("is ") + kind_of(before.st_mode) + ", not a regular file";
        return -1;
    }
    const int fd = ::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    const int saved = errno;
    ::close(dir);
    if (fd < 0) {
        error = saved == ELOOP ? "is a symbolic link" : std::string("cannot be opened (") + std::strerror(saved) + ")";
        return -1;
    }
    struct stat after {};
    if (::fstat(fd, &after) != 0 || !S_ISREG(after.st_mode) || after.st_ino != before.st_ino || after.st_dev != before.st_dev) {
        ::close(fd);
        error = "was replaced while it was opened";
        return -1;
    }
    stamp = stamp_from(after);
    return fd;
}

bool read_chunks(int fd, const FileStamp& stamp, const std::function<bool(const char*, size_t)>& chunk, std::string& error) {
    std::vector<char> buffer(std::min<std::uint64_t>(stamp.size + 1, 1 << 16));
    std::uint64_t total = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            error = std::string("could not be read (") + std::strerror(errno) + ")";
            return false;
        }
        if (n == 0) break;
        total += std::uint64_t(n);
        if (total > stamp.size) {
            error = "grew while it was read; it is still being written. Wait until the copy has finished.";
            return false;
        }
        if (!chunk(buffer.data(), size_t(n))) return false;
    }
    if (total != stamp.size || !(stamp_of(fd) == stamp)) {
        error = "changed while it was read; it is still being written. Wait until the copy has finished.";
        return false;
    }
    return true;
}

std::optional<std::string> read_regular_beneath(int folder_fd, std::string_view relative, std::uint64_t max_bytes, std::string& error,
                                                FileStamp* stamp_out) {
    FileStamp stamp;
    const int fd = open_regular_beneath(folder_fd, relative, stamp, error);
    if (fd < 0) return std::nullopt;
    if (stamp.size > max_bytes) {
        ::close(fd);
        error = "is " + std::to_string(stamp.size) + " bytes; the limit is " + std::to_string(max_bytes);
        return std::nullopt;
    }
    std::string out;
    out.reserve(size_t(stamp.size));
    const bool ok = read_chunks(fd, stamp, [&](const char* p, size_t n) { return out.append(p, n), true; }, error);
    ::close(fd);
    if (!ok) return std::nullopt;
    if (stamp_out) *stamp_out = stamp;
    return out;
}

std::optional<std::string> read_regular_file(const std::filesystem::path& path, std::uint64_t max_bytes, std::string& error,
                                             FileStamp* stamp) {
    const auto parent = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    auto folder = Folder::open(parent, error);
    if (!folder) {
        error = "its folder " + error;
        return std::nullopt;
    }
    return read_regular_beneath(folder->fd(), path.filename().string(), max_bytes, error, stamp);
}

}  // namespace haven
