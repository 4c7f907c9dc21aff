#include "pack_service.hpp"

#include "pack_install.hpp"
#include "pack_reader.hpp"

#include <algorithm>

namespace haven {
namespace fs = std::filesystem;

namespace {

// STATE/<name> holds one whole number, or the record is damaged.
std::optional<long long> read_number(const fs::path& state, const char* name, std::string& error) {
    std::string why;
    auto text = read_regular_file(state / name, 64, why);
    if (!text) {
        if (why != "is missing") error = (state / name).string() + " " + why;
        return std::nullopt;
    }
    std::string digits = *text;
    while (!digits.empty() && (digits.back() == '\n' || digits.back() == '\r')) digits.pop_back();
    if (digits.empty() || digits.size() > 17 || digits.find_first_not_of("0123456789") != std::string::npos) {
        error = (state / name).string() + " is damaged (it should hold one version number). The kiosk installs nothing until an admin "
                                           "writes the version in service into it.";
        return std::nullopt;
    }
    return std::stoll(digits);
}

// `current` and `previous` may only name a copy in STATE/packs.
std::optional<fs::path> installed_copy(const fs::path& state, const char* link) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(state / link, ec);
    if (ec) return std::nullopt;
    const std::string t = target.generic_string();
    if (!t.starts_with("packs/") || !is_plain_relative_path(t) || t.find('/', 6) != std::string::npos) return std::nullopt;
    return state / target;
}

ServedPack serve(const fs::path& pack, const std::vector<PublicKey>& trusted, bool from_state) {
    ServedPack served;
    PackReadOptions options;
    options.trusted = trusted;
    options.require_private = from_state;
    auto read = read_pack(pack, options);
    served.signer = read.signer;
    if (!read.ok && (!trusted.empty() || from_state)) {
        served.refusals = std::move(read.problems);
        return served;
    }
    served.loaded = load_pack(read.documents);
    return served;
}

}  // namespace

ServedPack load_for_service(const fs::path& pack, const std::vector<PublicKey>& trusted) { return serve(pack, trusted, false); }

InstalledHistory installed_history(const fs::path& state) {
    InstalledHistory h;
    h.highest = read_number(state, "highest-version", h.error).value_or(0);
    h.rolled_back_to = read_number(state, "rolled-back-to", h.error);
    // The copies themselves count too: deleting the record does not reset what was installed.
    for (const char* link : {"current", "previous"}) {
        auto copy = installed_copy(state, link);
        if (!copy) continue;
        std::vector<Problem> problems;
        std::string why;
        auto folder = Folder::open(*copy, why);
        if (!folder) continue;
        auto bytes = read_regular_beneath(folder->fd(), "manifest.json", max_manifest_bytes, why);
        if (!bytes) continue;
        if (auto m = parse_manifest(*bytes, problems)) h.highest = std::max(h.highest, m->version);
        if (std::string_view(link) == "current") h.in_service_sha256 = sha256_hex(*bytes);
    }
    return h;
}

ServedPack load_installed_for_service(const fs::path& state, const std::vector<PublicKey>& trusted) {
    auto refuse = [](std::string file, std::string message) {
        ServedPack served;
        served.refusals.push_back({Problem::Severity::Error, std::move(file), "", std::move(message)});
        return served;
    };
    if (auto why = unsafe_state_folder(state); !why.empty()) return refuse(state.string(), why);
    const InstalledHistory history = installed_history(state);
    auto load_link = [&](const char* link) {
        auto copy = installed_copy(state, link);
        if (!copy) return refuse((state / link).string(), "is missing or does not name a pack in " + (state / "packs").string() + ".");
        return serve(*copy, trusted, true);
    };
    ServedPack current = load_link("current");
    if (current.loaded.ok()) {
        const long long v = current.loaded.content->manifest.version;
        if (v == history.highest || v == history.rolled_back_to) return current;
        // Whole, but not what was installed last: someone changed the folder. Nothing older is served.
        current.loaded.content.reset();
        current.refusals.push_back({Problem::Severity::Error, (state / "current").string(), "",
                                    "is version " + std::to_string(v) + ", but version " + std::to_string(history.highest) +
                                        " was installed: the state folder was changed by hand. Install the newest pack again."});
        return current;
    }
    ServedPack previous = load_link("previous");
    if (!previous.loaded.ok()) return current;  // the reasons about current are the ones worth reading
    previous.from_previous = true;
    previous.refusals.insert(previous.refusals.begin(), current.refusals.begin(), current.refusals.end());
    return previous;
}

LoadResult load_installed(const fs::path& state) { return load_installed_for_service(state, {}).loaded; }

Date judged_today(const Date& clock, const fs::path& state, const Manifest& manifest) {
    Date judged = std::max(clock, manifest.created);
    if (!state.empty())
        if (auto floor = clock_floor(state)) judged = std::max(judged, *floor);
    return judged;
}

}  // namespace haven
