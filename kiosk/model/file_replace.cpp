#include "file_replace.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace haven {

bool replace_file(const std::filesystem::path& file, std::string_view bytes, unsigned mode, const std::function<void()>& before_rename) {
    const std::string temp = file.string() + ".new";
    ::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode));
    if (fd < 0) return false;
    ::fchmod(fd, mode_t(mode));
    bool written = true;
    for (size_t done = 0; written && done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        written = n > 0;
        done += written ? size_t(n) : 0;
    }
    written = written && ::fsync(fd) == 0;
    ::close(fd);
    if (before_rename) before_rename();
    if (!written || std::rename(temp.c_str(), file.c_str()) != 0) {
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

}  // namespace haven
