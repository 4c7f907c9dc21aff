#include "pack_install.hpp"

#include <cstdlib>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <unistd.h>

namespace haven {
namespace fs = std::filesystem;

namespace {

// Test hook for the crash test: HAVEN_INSTALL_CRASH_AT=N kills the process at the N-th step.
void checkpoint() {
    static const char* at = std::getenv("HAVEN_INSTALL_CRASH_AT");
    static int count = 0;
    if (at && ++count == std::atoi(at)) ::kill(::getpid(), SIGKILL);
}

bool fsync_path(const fs::path& p, bool directory) {
    const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool copy_synced(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (!fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec)) return false;
    checkpoint();
    return fsync_path(to, false);
}

// Points `link` at `target` atomically: a new symlink beside it, renamed over it.
bool switch_link(const fs::path& state, const char* link, const fs::path& target) {
    const fs::path temp = state / (std::string(link) + ".new");
    std::error_code ec;
    fs::remove(temp, ec);
    fs::create_symlink(target, temp, ec);
    if (ec) return false;
    checkpoint();
    fs::rename(temp, state / link, ec);
    checkpoint();
    return !ec && fsync_path(state, true);
}

long long read_highest(const fs::path& state) {
    std::ifstream in(state / "highest-version");
    long long v = 0;
    in >> v;
    return v;
}

bool write_highest(const fs::path& state, long long version) {
    const fs::path temp = state / "highest-version.new";
    {
        std::ofstream out(temp, std::ios::trunc);
        out << version << "\n";
        if (!out) return false;
    }
    checkpoint();
    if (!fsync_path(temp, false)) return false;
    std::error_code ec;
    fs::rename(temp, state / "highest-version", ec);
    checkpoint();
    return !ec && fsync_path(state, true);
}

}  // namespace

LoadResult load_installed(const fs::path& state) {
    LoadResult current = load_pack(state / "current");
    if (current.ok()) return current;
    LoadResult previous = load_pack(state / "previous");
    return previous.ok() ? previous : current;
}

ServedPack load_for_service(const fs::path& pack, const std::vector<PublicKey>& trusted) {
    ServedPack served{load_pack(pack), {}, {}};
    if (served.loaded.ok() && !trusted.empty()) {
        auto v = verify_pack(pack, trusted);
        served.signer = v.signer;
        served.refusals = v.problems;
        if (!v.ok) served.loaded.content.reset();
    }
    return served;
}

ServedPack load_installed_for_service(const fs::path& state, const std::vector<PublicKey>& trusted) {
    ServedPack current = load_for_service(state / "current", trusted);
    if (current.loaded.ok()) return current;
    ServedPack previous = load_for_service(state / "previous", trusted);
    if (!previous.loaded.ok()) return current;  // the reasons about current are the ones worth reading
    previous.refusals.insert(previous.refusals.begin(), current.refusals.begin(), current.refusals.end());
    return previous;
}

InstallResult install_pack(const fs::path& pack, const fs::path& state, const std::vector<PublicKey>& trusted, const Date& today) {
    InstallResult r;
    auto refuse = [&](std::string message) {
        r.problems.push_back({Problem::Severity::Error, "manifest.json", "", std::move(message)});
        return r;
    };
    if (!trusted.empty()) {
        auto v = verify_pack(pack, trusted);
        if (!v.ok) {
            r.problems = v.problems;
            return r;
        }
        r.signer = v.signer;
    }
    auto loaded = load_pack(pack);
    if (!loaded.ok()) {
        for (const auto& p : loaded.problems)
            if (p.is_error()) r.problems.push_back(p);
        return r;
    }
    const Manifest& m = loaded.content->manifest;
    r.version = m.version;
    // Rollback and freeze protection: strictly newer than anything ever installed, and not expired.
    std::error_code ec;
    fs::create_directories(state / "packs", ec);
    long long highest = read_highest(state);
    if (auto in_service = load_installed(state); in_service.ok()) highest = std::max(highest, in_service.content->manifest.version);
    if (m.version <= highest)
        return refuse("version " + std::to_string(m.version) + " is not newer than version " + std::to_string(highest) +
                      " installed before; an older or equal pack is never installed again. Ask the publisher for a newer version.");
    if (m.expires < today)
        return refuse("the pack expired on " + m.expires.iso() + "; ask the publisher for a current version.");

    // Copy into a staging folder, every file fsynced, then give it its final name.
    const std::string name = m.id + "-v" + std::to_string(m.version);
    const fs::path staging = state / ("staging-" + name + "-" + std::to_string(std::random_device{}()));
    for (const auto& entry : fs::directory_iterator(state, ec))
        if (entry.path().filename().string().starts_with("staging-")) fs::remove_all(entry.path(), ec);  // earlier crashes
    fs::create_directories(staging, ec);
    std::vector<std::string> files{"manifest.json"};
    if (fs::exists(pack / signature_file)) files.push_back(signature_file);
    for (const auto& f : m.files) files.push_back(f.path);
    if (m.files.empty())  // development mode: an unsigned pack lists no files
        for (const char* f : {"topics.json", "services.json", "contacts.json"}) files.push_back(f);
    for (const auto& f : files)
        if (!copy_synced(pack / f, staging / f)) {
            fs::remove_all(staging, ec);
            return refuse("could not copy " + f + " into " + state.string() + "; nothing was changed.");
        }
    for (const auto& dir : fs::recursive_directory_iterator(staging, ec))
        if (dir.is_directory()) fsync_path(dir.path(), true);
    fsync_path(staging, true);
    const fs::path final_dir = state / "packs" / name;
    fs::remove_all(final_dir, ec);  // a half-finished earlier try of the same version
    fs::rename(staging, final_dir, ec);
    checkpoint();
    if (ec || !fsync_path(state / "packs", true)) return refuse("could not move the copy into place; nothing was changed.");

    // Switch: the old current becomes previous, the new copy becomes current, each by one rename.
    const fs::path old_target = fs::read_symlink(state / "current", ec);
    const bool had_current = !ec;
    if (!switch_link(state, "current", fs::path("packs") / name)) return refuse("could not switch to the new pack; the old one stays in service.");
    if (had_current) switch_link(state, "previous", old_target);
    write_highest(state, m.version);
    r.ok = true;
    return r;
}

bool roll_back(const fs::path& state, std::string& error) {
    std::error_code ec;
    const fs::path previous = fs::read_symlink(state / "previous", ec);
    if (ec || !load_pack(state / previous).ok()) return error = "there is no previous pack to go back to", false;
    const fs::path current = fs::read_symlink(state / "current", ec);
    if (!switch_link(state, "current", previous)) return error = "could not switch back", false;
    if (!current.empty()) switch_link(state, "previous", current);
    return true;
}

}  // namespace haven
