// Languages are content: a pack brings languages the binary has no catalogue for, interface included.
#include "kiosk_runner.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <regex>

namespace fs = std::filesystem;
using haven::testing::run_kiosk;
using haven::testing::shots_dir;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The demo pack with five more languages, each with its draft interface catalogue (tests/data).
fs::path make_languages_pack(const fs::path& root) {
    const fs::path pack = root / "pack";
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(HAVEN_DEMO_PACK, pack, fs::copy_options::recursive);
    fs::copy(HAVEN_TEST_DATA "/languages-pack/ui", pack / "ui", fs::copy_options::recursive);
    auto manifest = nlohmann::ordered_json::parse(slurp(pack / "manifest.json"));
    auto add = [&](const char* code, const char* name, const char* direction, std::vector<std::string> fallback) {
        manifest["languages"].push_back({{"code", code}, {"name", name}, {"direction", direction}, {"fallback", fallback}, {"status", "draft"}});
    };
    add("ps", "پښتو", "rtl", {});
    add("prs", "دری", "rtl", {"fa", "en"});
    add("ur", "اردو", "rtl", {});
    add("my", "မြန်မာ", "ltr", {});
    add("tr", "Türkçe", "ltr", {});
    add("zh-Hans", "简体中文", "ltr", {});
    std::ofstream(pack / "manifest.json", std::ios::trunc) << manifest.dump(2) << "\n";
    return pack;
}

}  // namespace

TEST_CASE("a pack in Pashto, Dari, Urdu, Burmese, Turkish and Simplified Chinese brings their interface: validated, then every screen in each") {
    const fs::path root = shots_dir / "languages";
    const fs::path pack = make_languages_pack(root);
    const std::string report = root / "validate.txt";
    REQUIRE(std::system(("'" HAVEN_KIOSK_PACK_BINARY "' validate '" + pack.string() + "' > '" + report + "'").c_str()) == 0);
    const std::string validated = slurp(report);
    INFO(validated);
    // Interface coverage, per language: own strings / through a fallback / left in English.
    for (const char* code : {"ps", "ur", "my", "tr", "zh-Hans"})
        CHECK(std::regex_search(validated, std::regex(std::string("\n") + code + " .* 75 / 0 / 0 ")));
    CHECK(std::regex_search(validated, std::regex("\nprs .* 17 / 58 fa / 0 ")));  // Dari: its own words, Farsi for the rest

    for (const char* size : {"1920x1080", "1080x1920"}) {
        for (const std::string code : {"ps", "prs", "ur", "my", "tr", "zh-Hans"}) {
            CAPTURE(code);
            CAPTURE(std::string(size));
            std::string script = slurp(HAVEN_E2E_DIR "/journey-languages.txt");
            script = std::regex_replace(script, std::regex("LANG"), code + "-" + size);
            script = std::regex_replace(script, std::regex("lang\\." + code + "-" + size), "lang." + code);
            const fs::path file = root / (code + "-" + size + ".txt");
            std::ofstream(file) << script;
            std::string output;
            CHECK(run_kiosk("--pack '" + pack.string() + "' --windowed " + size + " --now 2026-11-23T10:00Z --script '" + file.string() + "'",
                            &output) == 0);
            INFO(output);
            fs::rename(shots_dir / (code + "-" + std::string(size) + "-01-home.png"), root / (code + "-" + size + "-01-home.png"));
            for (const char* shot : {"-00-attract.png", "-02-article.png", "-03-services.png", "-04-contacts.png", "-05-contact.png"})
                fs::rename(shots_dir / (code + "-" + size + shot), root / (code + "-" + size + shot));
        }
        // Each language's home screen is its own: not the English one, not another's.
        CHECK(slurp(root / ("ps-" + std::string(size) + "-01-home.png")) != slurp(root / ("ur-" + std::string(size) + "-01-home.png")));
        CHECK(slurp(root / ("prs-" + std::string(size) + "-01-home.png")) != slurp(root / ("ps-" + std::string(size) + "-01-home.png")));
    }
}

TEST_CASE("translators' round trip: po export, msgfmt, translate with gettext tools, po import, validate; a changed source comes back fuzzy") {
    const fs::path root = shots_dir / "po-round-trip";
    const fs::path pack = make_languages_pack(root);
    const std::string K = "'" HAVEN_KIOSK_PACK_BINARY "'";
    auto sh = [](const std::string& command) { return std::system(command.c_str()); };
    const std::string p = "'" + pack.string() + "'", po = "'" + (root / "ps.po").string() + "'", done = "'" + (root / "ps-done.po").string() + "'";
    std::map<std::string, std::string> before;
    for (const char* f : {"topics.json", "services.json", "contacts.json", "manifest.json"}) before[f] = slurp(pack / f);

    // Untouched: exporting French and importing it back changes not a byte.
    REQUIRE(sh(K + " po export " + p + " --lang fr --out '" + (root / "fr.po").string() + "' 2> /dev/null") == 0);
    REQUIRE(sh("msgfmt --check --output-file=/dev/null '" + (root / "fr.po").string() + "' 2> /dev/null") == 0);
    REQUIRE(sh(K + " po import " + p + " --lang fr '" + (root / "fr.po").string() + "' > /dev/null") == 0);
    for (const auto& [f, bytes] : before) CHECK(slurp(pack / f) == bytes);

    // Pashto, translated with the standard tools: msgen fills msgstr with the source, msgfilter marks it.
    REQUIRE(sh(K + " po export " + p + " --lang ps --out " + po + " 2> /dev/null") == 0);
    REQUIRE(sh("msgfmt --check --output-file=/dev/null " + po + " 2> /dev/null") == 0);
    REQUIRE(sh("msgen " + po + " | msgfilter --keep-header -o " + done + " sed -e 's/^/[ps] /' 2> /dev/null") == 0);
    REQUIRE(sh(K + " po import " + p + " --lang ps " + done + " > '" + (root / "import.txt").string() + "'") == 0);
    INFO(slurp(root / "import.txt"));
    REQUIRE(sh(K + " validate " + p + " > /dev/null") == 0);
    auto contacts = nlohmann::json::parse(slurp(pack / "contacts.json"));
    CHECK(contacts["contacts"][0]["name"]["ps"].get<std::string>() == "[ps] " + contacts["contacts"][0]["name"]["en"].get<std::string>());
    auto topics = nlohmann::json::parse(slurp(pack / "topics.json"));
    CHECK(topics["topics"][0]["body"]["ps"].size() == topics["topics"][0]["body"]["en"].size());  // whole articles, same blocks
    CHECK(slurp(pack / "manifest.json") == before["manifest.json"]);

    // The editor changes an English text; the next export marks its Pashto fuzzy, with the old source.
    contacts["contacts"][0]["name"]["en"] = "Emergency: ambulance, fire brigade";
    std::ofstream(pack / "contacts.json", std::ios::trunc) << contacts.dump(2) << "\n";
    REQUIRE(sh(K + " po export " + p + " --lang ps --out " + po + " 2> /dev/null") == 0);
    const std::string again = slurp(root / "ps.po");
    const size_t at = again.find("msgid \"Emergency: ambulance, fire brigade\"");
    REQUIRE(at != std::string::npos);
    const std::string entry = again.substr(again.rfind("\n\n", at), at - again.rfind("\n\n", at));
    CHECK(entry.find("#, fuzzy") != std::string::npos);
    CHECK(entry.find("#| msgid \"Emergency: ambulance and fire brigade\"") != std::string::npos);
    CHECK(sh("msgfmt --check --output-file=/dev/null " + po + " 2> /dev/null") == 0);
    // Given back unreviewed, the stale Pashto is taken out: visitors see English (with the notice) meanwhile.
    REQUIRE(sh(K + " po import " + p + " --lang ps " + po + " > /dev/null") == 0);
    contacts = nlohmann::json::parse(slurp(pack / "contacts.json"));
    CHECK_FALSE(contacts["contacts"][0]["name"].contains("ps"));
    CHECK(contacts["contacts"][1]["name"].contains("ps"));  // the others stay
}

TEST_CASE("po import is all or nothing: a broken file or a translation that breaks the pack writes nothing") {
    const fs::path root = shots_dir / "po-bad";
    const fs::path pack = make_languages_pack(root);
    const std::string K = "'" HAVEN_KIOSK_PACK_BINARY "'";
    const std::string before = slurp(pack / "contacts.json");
    std::ofstream(root / "broken.po") << "msgid \"Back\nmsgstr \"x\"\n";
    CHECK(std::system((K + " po import '" + pack.string() + "' --lang ps '" + (root / "broken.po").string() + "' > /dev/null 2>&1").c_str()) != 0);
    std::ofstream(root / "zz.po") << "msgid \"\"\nmsgstr \"\"\n";
    CHECK(std::system((K + " po import '" + pack.string() + "' --lang zz '" + (root / "zz.po").string() + "' > /dev/null 2>&1").c_str()) != 0);
    CHECK(slurp(pack / "contacts.json") == before);
    CHECK_FALSE(fs::exists(pack / "translations"));
}

TEST_CASE("validate names the text that holds characters no font draws, and the texts a language shows in another") {
    const fs::path root = shots_dir / "validate-names";
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(HAVEN_TEST_DATA "/minimal-pack", root / "pack", fs::copy_options::recursive);
    auto topics = nlohmann::ordered_json::parse(slurp(root / "pack" / "topics.json"));
    topics["topics"][0]["title"]["fr"] = "Droit \U0001B000 asile";  // Kana Supplement: no installed font has it
    topics["topics"][0]["summary"].erase("ar");
    std::ofstream(root / "pack" / "topics.json", std::ios::trunc) << topics.dump(2) << "\n";
    const std::string out = (root / "out.txt").string();
    CHECK(std::system(("'" HAVEN_KIOSK_PACK_BINARY "' validate '" + (root / "pack").string() + "' > '" + out + "'").c_str()) != 0);
    const std::string report = slurp(out);
    INFO(report);
    CHECK(report.find("topics.json topic \"asylum\" /title/fr: uses characters no installed font can draw (U+1B000 in Katakana script)") !=
          std::string::npos);
    CHECK(report.find("manifest.json /languages/1: warning: 12 texts are not translated into 'ar' and show in its fallback language: "
                      "contacts.json contact \"emergency-112\" /name;") != std::string::npos);
    CHECK(report.find("manifest.json /languages/2: warning: 11 texts are not translated into 'fr'") != std::string::npos);  // Arabic: one more, its summary
}
