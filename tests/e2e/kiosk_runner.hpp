// Runs the real haven-kiosk binary headless for the end-to-end tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace haven::testing {

inline const std::filesystem::path shots_dir = HAVEN_SCREENSHOT_DIR;

// Runs `prefix haven-kiosk --headless arguments` in the screenshot folder; returns its exit status and
// keeps what it printed.
inline int run_kiosk(const std::string& arguments, std::string* output = nullptr, const std::string& prefix = {}) {
    std::filesystem::create_directories(shots_dir);
    const std::filesystem::path log = shots_dir / "last-run.log";
    std::string command = "cd '" + shots_dir.string() + "' && " + prefix + " '" HAVEN_KIOSK_BINARY "' --headless " +
                          arguments + " > '" + log.string() + "' 2>&1";
    int status = std::system(command.c_str());
    if (output) {
        std::ifstream in(log);
        *output = std::string(std::istreambuf_iterator<char>(in), {});
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace haven::testing
