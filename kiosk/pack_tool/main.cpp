// kiosk-pack: the content editors' and admins' tool. Shares the pack library with the kiosk.
#include "admin_gate.hpp"
#include "pack_install.hpp"
#include "pack_integrity.hpp"
#include "font_set.hpp"
#include "pack_loader.hpp"
#include "pack_checks.hpp"
#include "pack_po.hpp"
#include "pack_report.hpp"
#include "utf.hpp"
#include "ui_text.hpp"
#include "po_catalogue.hpp"
#include "safe_file.hpp"

#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include "wipe.hpp"

#include <chrono>
#include <iostream>
#include <optional>
#include <sodium.h>
#include <vector>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: kiosk-pack validate PACK_DIR [--json]\n"
                 "       kiosk-pack keygen NAME\n"
                 "       kiosk-pack sign PACK_DIR --key NAME.secret\n"
                 "       kiosk-pack verify PACK_DIR --trust NAME.pub [--trust OTHER.pub ...]\n"
                 "       kiosk-pack info PACK_DIR [--trust NAME.pub ...]\n"
                 "       kiosk-pack install PACK_DIR --into STATE_DIR [--trust NAME.pub ...] [--allow-version-jump]\n"
                 "       kiosk-pack hash-pin      (reads a PIN on standard input)\n"
                 "       kiosk-pack ui-template   (writes the interface's PO template to standard output)\n"
                 "       kiosk-pack po export PACK_DIR --lang CODE [--out FILE.po]\n"
                 "       kiosk-pack po import PACK_DIR --lang CODE FILE.po\n"
                 "  validate  list every problem in the pack (file, JSON pointer, what to do), dates passed or\n"
                 "            near, and a coverage table per language (translated, falling back, missing,\n"
                 "            characters no installed font can draw); exit status 0 only without errors\n"
                 "  keygen    write an Ed25519 key pair: NAME.secret (owner-only) and NAME.pub\n"
                 "  sign      list every file's size and SHA-256 in manifest.json and sign it (refuses a pack\n"
                 "            that does not validate)\n"
                 "  verify    check the signature against trusted keys, then every file, then the content\n"
                 "  info      id, publisher, version, dates, languages and their status, signer\n"
                 "  install   what the kiosk does: verify, refuse older/equal/expired, copy, switch atomically\n"
                 "            (without --trust: development mode, unsigned packs accepted); a version more than\n"
                 "            1000 above the highest installed needs --allow-version-jump\n"
                 "  hash-pin  print the Argon2id hash of a PIN for the kiosk configuration's admin_pin_hash\n"
                 "  po        the pack's texts as one PO file per language for translators, and back (fuzzy where\n"
                 "            the source changed since translation; import writes all files or none)\n");
    return 2;
}

// Every problem, then the coverage table (with characters no installed font can draw); --json for machines.
int validate(const char* directory, bool json, const std::string& locale_dir) {
    const haven::PackVerdict verdict = haven::judge_pack(directory, haven::today_utc(), locale_dir);
    const auto& result = verdict.loaded;
    const auto& problems = verdict.problems;
    const auto& table = verdict.coverage;
    auto ui_table = verdict.interface;
    auto no_glyph = verdict.no_glyph;
    size_t errors = 0, warnings = 0;
    for (const auto& p : problems) (p.is_error() ? errors : warnings)++;
    if (json) {
        nlohmann::json out = {{"errors", errors}, {"warnings", warnings}, {"problems", nlohmann::json::array()}, {"coverage", nlohmann::json::array()}};
        for (const auto& p : problems)
            out["problems"].push_back({{"severity", p.is_error() ? "error" : "warning"}, {"file", p.file}, {"pointer", p.pointer}, {"message", p.message}});
        for (const auto& row : table)
            out["coverage"].push_back({{"language", row.code}, {"translated", row.translated}, {"fallback", row.fallback},
                                       {"missing", row.missing}, {"characters_without_glyph", no_glyph[row.code]},
                                       {"interface", {{"own", ui_table[row.code].own}, {"via_fallback", ui_table[row.code].via},
                                                      {"english", ui_table[row.code].english}}}});
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        return errors == 0 ? 0 : 1;
    }
    for (const auto& p : problems) std::printf("%s\n", p.to_string().c_str());
    if (result.ok()) {
        const auto& c = *result.content;
        std::printf("\n%s version %lld: %zu languages, %zu topics, %zu categories, %zu services, %zu contacts\n", c.manifest.id.c_str(),
                    c.manifest.version, c.manifest.languages.size(), c.topics.size(), c.categories.size(), c.services.size(), c.contacts.size());
        std::printf("\nlanguage  translated  fallback  missing  status    interface (own / via fallback / English)  no glyph\n");
        for (const auto& row : table) {
            const auto* l = c.language(row.code);
            const auto& ui = ui_table[row.code];
            std::string via;
            for (const auto& [from, n] : ui.via) via += (via.empty() ? "" : "+") + std::to_string(n) + " " + from;
            char interface[128];
            std::snprintf(interface, sizeof interface, "%d / %s / %zu", ui.own, via.empty() ? "0" : via.c_str(), ui.english.size());
            std::printf("%-8s  %10d  %8d  %7d  %-8s  %-40s  %s\n", row.code.c_str(), row.translated, row.fallback, row.missing,
                        l && l->status == haven::TranslationStatus::Reviewed ? "reviewed" : "draft", interface,
                        no_glyph[row.code].empty() ? "-" : no_glyph[row.code].c_str());
        }
    }
    std::printf("\n%zu errors, %zu warnings\n", errors, warnings);
    return errors == 0 ? 0 : 1;
}

}  // namespace

int fail(const std::string& message) {
    std::fprintf(stderr, "kiosk-pack: %s\n", message.c_str());
    return 1;
}

// The values of every "--name VALUE" pair from argv[first] on.
std::vector<std::string> option_values(int argc, char** argv, int first, const char* name) {
    std::vector<std::string> values;
    for (int i = first; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) values.push_back(argv[++i]);
    return values;
}

std::optional<std::vector<haven::PublicKey>> trusted_keys(const std::vector<std::string>& files) {
    std::vector<haven::PublicKey> keys;
    for (const auto& f : files) {
        std::string error;
        auto key = haven::read_public_key(f, error);
        if (!key) {
            fail(error);
            return std::nullopt;
        }
        keys.push_back(*key);
    }
    return keys;
}

int sign(const char* pack, const std::string& key_file) {
    // The same verdict as validate: whatever it calls an error (an expired pack, a missing recording,
    // characters no font draws) is never signed.
    const haven::PackVerdict verdict = haven::judge_pack(pack, haven::today_utc(), HAVEN_LOCALE_DIR);
    const auto& loaded = verdict.loaded;
    if (verdict.errors() > 0) {
        for (const auto& p : verdict.problems)
            if (p.is_error()) std::printf("%s\n", p.to_string().c_str());
        return fail("the pack has errors; fix them (kiosk-pack validate) before signing");
    }
    std::string error;
    auto key = haven::read_secret_key(key_file, error);
    if (!key) return fail(error);
    const bool ok = haven::sign_pack(pack, *key, error);
    sodium_memzero(key->data(), key->size());
    if (!ok) return fail(error);
    std::printf("signed %s version %lld\n", loaded.content->manifest.id.c_str(), loaded.content->manifest.version);
    return 0;
}

int verify(const char* pack, const std::vector<std::string>& trust) {
    if (trust.empty()) return fail("name at least one trusted public key: --trust NAME.pub");
    auto keys = trusted_keys(trust);
    if (!keys) return 1;
    // Verified and parsed from the same bytes, as the kiosk does.
    auto served = haven::load_for_service(pack, *keys);
    for (const auto& p : served.refusals) std::printf("%s\n", p.to_string().c_str());
    if (!served.refusals.empty()) return fail("refused: the pack is not what its publisher signed");
    for (const auto& p : served.loaded.problems)
        if (p.is_error()) std::printf("%s\n", p.to_string().c_str());
    if (!served.loaded.ok()) return fail("refused: signed, but the content has errors");
    std::printf("verified: signed by key %s, every file intact\n", served.signer.c_str());
    return 0;
}

int info(const char* pack, const std::vector<std::string>& trust) {
    auto loaded = haven::load_pack(pack);
    if (!loaded.ok()) return fail("the pack cannot be loaded; run kiosk-pack validate for the reasons");
    const auto& m = loaded.content->manifest;
    std::printf("id:        %s%s\npublisher: %s\nregion:    %s\nversion:   %lld\n", m.id.c_str(), m.demo ? " (demo)" : "",
                m.publisher.c_str(), m.region.c_str(), m.version);
    std::printf("created:   %s\nreview by: %s\nexpires:   %s\nlanguages:", m.created.iso().c_str(), m.review_by.iso().c_str(),
                m.expires.iso().c_str());
    for (const auto& l : m.languages)
        std::printf(" %s (%s)", l.code.c_str(), l.status == haven::TranslationStatus::Reviewed ? "reviewed" : "draft");
    std::printf("\n");
    if (auto keys = trusted_keys(trust); keys && !keys->empty()) {
        auto v = haven::verify_pack(pack, *keys);
        std::printf("signer:    %s\n", v.ok ? ("key " + v.signer).c_str() : "not verified by the keys given");
    } else {
        std::printf("signer:    (give --trust NAME.pub to check)\n");
    }
    return 0;
}

int install(const char* pack, int argc, char** argv) {
    const auto into = option_values(argc, argv, 3, "--into");
    if (into.size() != 1) return fail("say where the kiosk keeps its packs: --into STATE_DIR");
    auto keys = trusted_keys(option_values(argc, argv, 3, "--trust"));
    if (!keys) return 1;
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    haven::InstallOptions options;
    for (int i = 3; i < argc; ++i) options.allow_version_jump = options.allow_version_jump || std::strcmp(argv[i], "--allow-version-jump") == 0;
    auto r = haven::install_pack(pack, into[0], *keys, haven::Date{std::chrono::year_month_day{now}}, options);
    for (const auto& p : r.problems) std::printf("%s\n", p.to_string().c_str());
    if (r.already_installed) {
        std::printf("already installed: version %lld is the pack in service\n", r.version);
        return 0;
    }
    if (!r.ok) return fail("refused; the pack in service is unchanged");
    std::printf("installed version %lld%s\n", r.version, keys->empty() ? " (development mode: not verified)" : (", signed by key " + r.signer).c_str());
    return 0;
}

// kiosk-pack po export PACK --lang CODE [--out FILE]   /   kiosk-pack po import PACK --lang CODE FILE
int po_command(int argc, char** argv) {
    const std::string verb = argv[2], pack = argv[3];
    const auto lang = option_values(argc, argv, 4, "--lang");
    if (lang.size() != 1) return fail("say which language: --lang CODE");
    if (verb == "export") {
        auto r = haven::export_po(pack, lang[0]);
        if (!r.ok) return fail(r.error);
        const auto out = option_values(argc, argv, 4, "--out");
        if (out.empty()) {
            std::fwrite(r.po.data(), 1, r.po.size(), stdout);
        } else {
            std::ofstream file(out[0], std::ios::binary | std::ios::trunc);
            file << r.po;
            if (!file) return fail("could not write " + out[0]);
        }
        std::fprintf(stderr, "kiosk-pack: %zu texts, %zu translated, %zu fuzzy (their source changed since they were translated)\n",
                     r.entries, r.translated, r.fuzzy);
        return 0;
    }
    if (verb == "import") {
        std::string file;
        for (int i = 4; i < argc; ++i) {
            if (std::strcmp(argv[i], "--lang") == 0) ++i;
            else file = argv[i];
        }
        if (file.empty()) return fail("name the PO file to import");
        std::string error;
        auto text = haven::read_regular_file(file, 8u << 20, error);
        if (!text) return fail(file + " " + error);
        auto r = haven::import_po(pack, lang[0], *text);
        for (const auto& note : r.notes) std::printf("%s\n", note.c_str());
        if (!r.ok) return fail(r.error);
        std::printf("imported %zu, unchanged %zu, %zu stale translations taken out until reviewed; sign the pack again\n", r.imported,
                    r.unchanged, r.removed_stale);
        return 0;
    }
    return usage();
}

int hash_pin_from_stdin() {
    std::string pin;
    std::getline(std::cin, pin);
    // Exactly what the kiosk's pad can enter: 6 to 12 digits (a longer PIN could never be typed there).
    if (pin.size() < haven::min_pin_digits || pin.size() > haven::max_pin_digits || pin.find_first_not_of("0123456789") != std::string::npos) {
        std::fprintf(stderr, "kiosk-pack: a PIN is 6 to 12 digits\n");
        return 2;
    }
    std::string hash = haven::hash_pin(pin);
    haven::wipe(pin);
    if (hash.empty()) return 1;
    std::printf("%s\n", hash.c_str());
    return 0;
}

int main(int argc, char** argv) {
    if ((argc == 3 || argc == 4) && std::strcmp(argv[1], "validate") == 0)
        return validate(argv[2], argc == 4 && std::strcmp(argv[3], "--json") == 0, HAVEN_LOCALE_DIR);
    if (argc >= 4 && std::strcmp(argv[1], "po") == 0) return po_command(argc, argv);
    if (argc == 2 && std::strcmp(argv[1], "ui-template") == 0) {
        // The interface template for a translator who starts a new language: msginit -i - -l ps -o ui/ps.po
        std::string error;
        auto pot = haven::read_regular_file(std::filesystem::path(HAVEN_LOCALE_DIR) / "haven-kiosk.pot", 1u << 20, error);
        if (!pot) return fail("the interface template cannot be read (" + error + ")");
        std::fwrite(pot->data(), 1, pot->size(), stdout);
        return 0;
    }
    if (argc == 2 && std::strcmp(argv[1], "hash-pin") == 0) return hash_pin_from_stdin();
    if (argc == 3 && std::strcmp(argv[1], "keygen") == 0) {
        std::string error;
        if (!haven::write_key_pair(argv[2], error)) return fail(error);
        std::printf("wrote %s.secret (keep it secret, owner-only) and %s.pub (give it to the kiosks)\n", argv[2], argv[2]);
        return 0;
    }
    if (argc == 5 && std::strcmp(argv[1], "sign") == 0 && std::strcmp(argv[3], "--key") == 0) return sign(argv[2], argv[4]);
    if (argc >= 3 && std::strcmp(argv[1], "verify") == 0) return verify(argv[2], option_values(argc, argv, 3, "--trust"));
    if (argc >= 3 && std::strcmp(argv[1], "install") == 0) return install(argv[2], argc, argv);
    if (argc >= 3 && std::strcmp(argv[1], "info") == 0) return info(argv[2], option_values(argc, argv, 3, "--trust"));
    return usage();
}
