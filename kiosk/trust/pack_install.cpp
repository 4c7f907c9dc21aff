#include "pack_install.hpp"

#include "file_replace.hpp"
#include "pack_service.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
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
    const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
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

// A small state file replaced atomically, readable by the kiosk; the folder synced after the rename.
bool write_state_file(const fs::path& state, const char* name, const std::string& text) {
    const bool replaced = replace_file(state / name, text, 0644, checkpoint);
    checkpoint();
    return replaced && fsync_path(state, true);
}

// The folder, created with exactly these modes whatever the umask of whoever runs the first install.
bool make_folder(const fs::path& dir, std::string& error) {
    if (::mkdir(dir.c_str(), 0755) == 0) {
        ::chmod(dir.c_str(), 0755);
        return true;
    }
    if (errno == EEXIST) return true;
    error = "could not create " + dir.string() + " (" + std::strerror(errno) + ")";
    return false;
}

// Holds STATE/install.lock while it lives: one install at a time (the inbox and an admin's kiosk-pack).
class InstallLock {
public:
    // Owner-only: a user who could open it could hold it and freeze every update.
    explicit InstallLock(const fs::path& state) {
        fd_ = ::open((state / "install.lock").c_str(), O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
        struct stat st {};
        if (fd_ >= 0 && ::fstat(fd_, &st) == 0 && (st.st_uid == ::geteuid() || st.st_uid == 0)) ::fchmod(fd_, 0600);
        held_ = fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
    }
    ~InstallLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool held() const { return held_; }

private:
    int fd_ = -1;
    bool held_ = false;
};

// Removes copies that are neither current nor previous (staging folders left by crashes go at the
// next install's start).
void prune(const fs::path& state) {
    std::error_code ec;
    const fs::path current = fs::read_symlink(state / "current", ec).filename();
    const fs::path previous = fs::read_symlink(state / "previous", ec).filename();
    for (const auto& entry : fs::directory_iterator(state / "packs", ec)) {
        const auto name = entry.path().filename();
        if (name != current && name != previous) fs::remove_all(entry.path(), ec);
    }
}

}  // namespace

std::string unsafe_state_folder(const fs::path& state) {
    // Every folder above it too: whoever can rename one of them can put another state folder in its place.
    std::error_code ec;
    const fs::path absolute = fs::absolute(state, ec);
    for (fs::path above = absolute.parent_path(); !ec && !above.empty(); above = above.parent_path()) {
        struct stat st {};
        if (::stat(above.c_str(), &st) == 0) {
            const bool sticky = (st.st_mode & S_ISVTX) != 0;  // /tmp: others may write, but not rename what is ours
            if (((st.st_mode & 002) != 0 && !sticky) || (st.st_mode & 020 && !sticky && st.st_gid != 0))
                return above.string() + " (a folder above the state folder) can be changed by other users; the kiosk will not serve or "
                                        "install from below it. Make it writable by its owner only: chmod go-w " + above.string();
            if (st.st_uid != 0 && st.st_uid != ::geteuid())
                return above.string() + " (a folder above the state folder) belongs to another user (uid " + std::to_string(st.st_uid) +
                       "); keep the state folder below folders of root or of the kiosk's own user.";
        }
        if (above == above.parent_path()) break;
    }
    for (const fs::path& dir : {state, state / "packs"}) {
        auto stamp = lstat_at(AT_FDCWD, dir.c_str());
        if (!stamp) continue;  // not there yet
        if (!S_ISDIR(stamp->mode)) return dir.string() + " is not a folder";
        if (auto why = others_can_change(*stamp); !why.empty())
            return dir.string() + " " + why + "; the kiosk will not serve or install from it. It must belong to root or the kiosk's "
                                              "own user and be writable by its owner only: chmod go-w " + dir.string();
    }
    return {};
}

std::optional<Date> clock_floor(const fs::path& state) {
    std::string error;
    auto text = read_regular_file(state / "clock-floor", 64, error);
    if (!text) return std::nullopt;
    while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) text->pop_back();
    return parse_date(*text);
}

InstallResult install_pack(const fs::path& pack, const fs::path& state, const std::vector<PublicKey>& trusted, const Date& today,
                           const InstallOptions& options) {
    InstallResult r;
    auto refuse = [&](std::string message) {
        r.problems.push_back({Problem::Severity::Error, "manifest.json", "", std::move(message)});
        return r;
    };
    std::string error;
    if (!make_folder(state, error) || !make_folder(state / "packs", error)) return refuse(error + "; nothing was changed.");
    if (auto why = unsafe_state_folder(state); !why.empty()) return refuse(why);
    InstallLock lock(state);
    if (!lock.held()) {
        r.retry_later = true;
        return refuse("another installation into " + state.string() + " is under way; this pack will be tried again.");
    }

    // Decisions, from the manifest's verified bytes, before a file is copied.
    const auto history = installed_history(state);
    const std::optional<Date> floor = clock_floor(state);
    Date judged = today;
    auto decide = [&](const Manifest& m, std::vector<Problem>& problems) {
        r.version = m.version;
        r.pack_id = m.id;
        auto no = [&](std::string message) {
            problems.push_back({Problem::Severity::Error, "manifest.json", "", std::move(message)});
            return false;
        };
        if (!history.error.empty()) return no(history.error);
        if (history.in_service_sha256 == r.manifest_sha256 && !r.manifest_sha256.empty()) {
            r.already_installed = true;
            return no("this pack (version " + std::to_string(m.version) + ") is already installed and in service.");
        }
        if (m.version <= history.highest)
            return no("version " + std::to_string(m.version) + " is not newer than version " + std::to_string(history.highest) +
                      " installed before; an older or equal pack is never installed again. Ask the publisher for a newer version.");
        const long long step = m.version - history.highest;
        const bool confirmed = options.allow_version_jump ||
                               (!options.confirmed_manifest_sha256.empty() && options.confirmed_manifest_sha256 == r.manifest_sha256);
        if (step > max_version_step && !confirmed) {
            r.needs_confirmation = true;
            return no("version " + std::to_string(m.version) + " is " + std::to_string(step) + " versions ahead of version " +
                      std::to_string(history.highest) + "; packs normally count up by one. An admin must confirm it on the "
                      "admin screen (or with kiosk-pack install --allow-version-jump) before it is installed.");
        }
        // A pack dated in the future: its date or this kiosk's clock is wrong. A person decides.
        const Date known = std::max(today, floor.value_or(today));
        if (m.created.days() > known.days() + std::chrono::days{2} && !confirmed) {
            r.needs_confirmation = true;
            return no("the pack was created on " + m.created.iso() + ", after today's date on this kiosk (" + known.iso() +
                      "): the pack's date or the kiosk's clock is wrong. An admin must confirm it on the admin screen (or with "
                      "kiosk-pack install --allow-version-jump) before it is installed.");
        }
        // The clock can be wrong or set back: it is never trusted earlier than what this kiosk has known.
        judged = std::max({today, floor.value_or(today), m.created});
        if (today < judged)
            problems.push_back({Problem::Severity::Warning, "", "",
                                "the kiosk's clock says " + today.iso() + ", earlier than " + judged.iso() +
                                    " (a pack's creation or an earlier install): the clock is wrong. Dates are judged as of " +
                                    judged.iso() + "; set the clock right."});
        if (m.expires < judged)
            return no("the pack expired on " + m.expires.iso() + "; ask the publisher for a current version.");
        return true;
    };

    // Copy into a private staging folder from the very bytes that are verified.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(state, ec))
        if (entry.path().filename().string().starts_with("staging-")) fs::remove_all(entry.path(), ec);  // earlier crashes
    std::string staging_template = (state / "staging-XXXXXX").string();
    if (!::mkdtemp(staging_template.data())) return refuse("could not create a staging folder in " + state.string() + "; nothing was changed.");
    const fs::path staging = staging_template;  // 0700: nobody else can touch the copy while it is checked
    auto give_up = [&](InstallResult result) {
        fs::remove_all(staging, ec);
        return result;
    };
    const int staging_fd = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    PackReadOptions read_options;
    read_options.trusted = trusted;
    read_options.copy_into = staging_fd;
    read_options.on_progress = [&](const std::string& file, const char* event) {
        if (std::string_view(event) == "read" && file != "manifest.json") checkpoint();
        if (options.on_progress) options.on_progress(file, event);
    };
    read_options.stop = options.stop;
    read_options.before_files = [&](const Manifest& m, const std::string& manifest_sha256, std::vector<Problem>& problems) {
        r.manifest_sha256 = manifest_sha256;
        return decide(m, problems);
    };
    PackRead source = read_pack(pack, read_options);
    ::close(staging_fd);
    r.signer = source.signer;
    r.manifest_sha256 = source.manifest_sha256;
    if (r.already_installed && history.highest < r.version)  // an install cut short after its switch: finish its record
        write_state_file(state, "highest-version", std::to_string(r.version) + "\n");
    if (!source.ok) {
        r.retry_later = r.retry_later || source.changing || source.stopped;
        for (auto& p : source.problems) r.problems.push_back(std::move(p));
        return give_up(r);
    }
    for (auto& p : source.problems) r.problems.push_back(std::move(p));  // warnings
    const Manifest& m = *source.manifest;
    if (!write_state_file(staging, "manifest.json", source.documents.manifest) ||
        (!source.signature.empty() && !write_state_file(staging, signature_file, source.signature)))
        return give_up(refuse("could not write the manifest into " + state.string() + "; is the disk full? Nothing was changed."));

    // Verify the copy (nobody else can write it) and load it: what will be served is what was checked.
    PackReadOptions copy_options;
    copy_options.trusted = trusted;
    copy_options.all_files = true;
    copy_options.require_private = true;  // as the kiosk will read it: nothing others could change
    auto copy = read_pack(staging, copy_options);
    if (!copy.ok || copy.manifest_sha256 != r.manifest_sha256) {
        for (auto& p : copy.problems) r.problems.push_back(std::move(p));
        return give_up(refuse("the copy in the state folder did not verify; nothing was changed."));
    }
    auto loaded = load_pack(copy.documents);
    if (!loaded.ok()) {
        for (const auto& p : loaded.problems)
            if (p.is_error()) r.problems.push_back(p);
        return give_up(r);
    }

    const std::string name = m.id + "-v" + std::to_string(m.version);
    for (const auto& dir : fs::recursive_directory_iterator(staging, ec))
        if (dir.is_directory()) fsync_path(dir.path(), true);
    ::chmod(staging.c_str(), 0755);
    fsync_path(staging, true);
    const fs::path final_dir = state / "packs" / name;
    fs::remove_all(final_dir, ec);  // a half-finished earlier try of the same version
    fs::rename(staging, final_dir, ec);
    checkpoint();
    if (ec || !fsync_path(state / "packs", true)) return give_up(refuse("could not move the copy into place; nothing was changed."));

    // Switch: the old current becomes previous, the new copy becomes current, each by one rename.
    const fs::path old_target = fs::read_symlink(state / "current", ec);
    const bool had_current = !ec;
    if (!switch_link(state, "current", fs::path("packs") / name)) return refuse("could not switch to the new pack; the old one stays in service.");
    if (had_current && old_target != fs::path("packs") / name) switch_link(state, "previous", old_target);
    write_state_file(state, "highest-version", std::to_string(m.version) + "\n");
    ::unlink((state / "rolled-back-to").c_str());
    // The latest date this kiosk has known, from two witnesses that check each other: the signed creation
    // date, but never past the clock (a pack dated years ahead by mistake must not make every later pack
    // look expired), and the clock, but never more than a year past the creation date (a clock running far
    // ahead at one install must not either).
    const Date created_bound{std::chrono::year_month_day{today.days() + std::chrono::days{2}}};
    const Date clock_bound{std::chrono::year_month_day{m.created.days() + std::chrono::days{366}}};
    const Date new_floor = std::max({floor.value_or(Date{}), std::min(m.created, created_bound), std::min(today, clock_bound)});
    write_state_file(state, "clock-floor", new_floor.iso() + "\n");
    prune(state);
    r.ok = true;
    return r;
}

bool roll_back(const fs::path& state, std::string& error) {
    if (auto why = unsafe_state_folder(state); !why.empty()) return error = why, false;
    InstallLock lock(state);
    if (!lock.held()) return error = "an installation is under way; try again in a minute", false;
    std::error_code ec;
    const fs::path previous = fs::read_symlink(state / "previous", ec);
    if (ec) return error = "there is no previous pack to go back to", false;
    std::vector<Problem> problems;
    auto docs = read_documents(state / previous, problems);
    auto manifest = parse_manifest(docs.manifest, problems);
    if (!manifest) return error = "the previous pack cannot be read", false;
    const fs::path current = fs::read_symlink(state / "current", ec);
    if (!write_state_file(state, "rolled-back-to", std::to_string(manifest->version) + "\n") ||
        !switch_link(state, "current", previous))
        return error = "could not switch back", false;
    if (!current.empty()) switch_link(state, "previous", current);
    return true;
}

}  // namespace haven
