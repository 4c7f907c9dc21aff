// Reading files that someone else controls (a pack on a USB stick, a configuration file) without letting
// them block, exhaust memory or point elsewhere: every file is checked before a byte is read (a regular
// file, no link at any step of its path, within a size limit), opened without blocking, read exactly
// once, and a file that changes while it is read is noticed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace haven {

// An open folder: files beneath it are opened relative to it, so renaming or relinking its path
// afterwards changes nothing. Move-only; closes on destruction.
class Folder {
public:
    static std::optional<Folder> open(const std::filesystem::path& path, std::string& error);
    Folder(Folder&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Folder& operator=(Folder&& other) noexcept;
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;
    ~Folder();
    int fd() const { return fd_; }
    explicit Folder(int fd) : fd_(fd) {}

private:
    int fd_ = -1;
};

// What a file was when it was opened: a read is good only if it is still the same afterwards.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0, ctime_ns = 0;
    std::uint64_t inode = 0, device = 0;
    std::uint32_t mode = 0, owner = 0;
    bool operator==(const FileStamp&) const = default;
};

// True for a '/'-separated path that stays beneath its folder: not empty, not absolute, no "." or ".."
// part, no backslash, no empty part.
bool is_plain_relative_path(std::string_view path);

// Opens the regular file `relative` beneath `folder_fd` for reading, following no symbolic link at any
// step, without blocking (a FIFO or device is refused before it is opened). Returns the descriptor
// (close it) or -1 with `error` saying why in words for whoever placed the file.
int open_regular_beneath(int folder_fd, std::string_view relative, FileStamp& stamp, std::string& error);

// The whole file, if it is a regular file of at most `max_bytes`: the size is checked before any byte
// is read, and a file that grows, shrinks or is rewritten while it is read is refused.
std::optional<std::string> read_regular_beneath(int folder_fd, std::string_view relative, std::uint64_t max_bytes,
                                                std::string& error, FileStamp* stamp = nullptr);
std::optional<std::string> read_regular_file(const std::filesystem::path& path, std::uint64_t max_bytes, std::string& error,
                                             FileStamp* stamp = nullptr);

// Reads an open file from its start to its end, exactly `stamp.size` bytes, handing each piece to
// `chunk` (to hash, keep or copy it; it returns false to stop), and checks that the file did not change
// meanwhile (size, times, inode).
bool read_chunks(int fd, const FileStamp& stamp, const std::function<bool(const char*, size_t)>& chunk, std::string& error);
FileStamp stamp_of(int fd);
std::optional<FileStamp> lstat_at(int folder_fd, const char* name);  // the entry itself, not a link's target

// Why a user other than root or this process's own could change what `stamp` describes ("can be changed
// by users other than its owner (mode 777)", "belongs to another user (uid 1000)"), or empty when none
// could: the one rule for the state folder, its packs and the configuration.
std::string others_can_change(const FileStamp& stamp);

}  // namespace haven
