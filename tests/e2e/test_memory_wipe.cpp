// Visit memory wiped for real: after a visit to an Arabic article and a quick exit, the kiosk's own memory,
// read from outside, holds no UTF-16 form of the article, no codepoint array of it and no glyph-id
// sequence of its paragraphs. A control run, stopped while the article is open, proves the search sees
// the kiosk's memory and its glyph runs; a run that never opened the article bounds the UTF-8 copies.
#include "font_set.hpp"
#include "kiosk_runner.hpp"
#include "process_memory.hpp"

#include <doctest/doctest.h>
#include <hb.h>
#include <nlohmann/json.hpp>
#include <unicode/unistr.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using haven::testing::Found;
using haven::testing::Needle;
using haven::testing::search_writable_memory;
using haven::testing::shots_dir;

namespace {

const std::string utf16_form = "article in UTF-16LE, 24 units";
const std::string utf8_form = "article in UTF-8 (the pack's own copy: always there)";
std::string codepoint_form(unsigned stride) { return "article codepoints as uint32 every " + std::to_string(stride) + " bytes"; }
std::string glyph_form(unsigned stride) { return "8 glyph ids as uint32 every " + std::to_string(stride) + " bytes"; }
constexpr unsigned strides[] = {4, 8, 12, 16, 20, 24, 28, 32};  // 20: hb_glyph_info_t, ShapedGlyph, PlacedGlyph

// The paragraphs and list items of the Arabic asylum article that carry no markup.
std::vector<std::string> article_texts() {
    std::ifstream in(HAVEN_DEMO_PACK "/topics.json");
    const auto topics = nlohmann::json::parse(in);
    std::vector<std::string> texts;
    for (const auto& topic : topics["topics"]) {
        if (topic["id"] != "asylum") continue;
        for (const auto& block : topic["body"]["ar"]) {
            if (block.contains("paragraph")) texts.push_back(block["paragraph"]);
            if (block.contains("list"))
                for (const auto& item : block["list"]) texts.push_back(item);
        }
    }
    std::erase_if(texts, [](const std::string& t) { return t.find_first_of("*<") != std::string::npos; });
    return texts;
}

bool has_digit(const std::vector<std::uint32_t>& v, size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
        if (v[i] >= '0' && v[i] <= '9') return true;
    return false;  // the kiosk puts isolates around some numbers; windows without digits are the same
}

// The glyph ids HarfBuzz gives `text` in the font the kiosk draws Arabic with, in visual order (as the
// kiosk stores them). Shaped here, independently of the kiosk's engine; only the font choice is shared.
std::vector<std::uint32_t> shape_arabic(const std::string& path, const std::string& text) {
    hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.data(), int(text.size()), 0, int(text.size()));
    hb_buffer_set_direction(buffer, HB_DIRECTION_RTL);
    hb_buffer_set_script(buffer, HB_SCRIPT_ARABIC);
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    std::vector<std::uint32_t> glyphs;
    for (unsigned i = 0; i < count; ++i) glyphs.push_back(info[i].codepoint);
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return glyphs;
}

std::vector<Needle> article_needles() {
    std::vector<Needle> needles;
    haven::FontSet fonts;
    const int face = fonts.face_for(U'\u0628', USCRIPT_ARABIC, false, -1);
    REQUIRE(face >= 0);
    const std::string font = fonts.face(face).path;
    const auto texts = article_texts();
    REQUIRE(texts.size() >= 5);
    for (const auto& text : texts) {
        const icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(text);
        std::vector<std::uint32_t> units(u16.getBuffer(), u16.getBuffer() + u16.length());
        for (size_t i = 0; i + 24 <= units.size(); i += 6)
            if (!has_digit(units, i, 24)) needles.push_back({utf16_form, {units.begin() + long(i), units.begin() + long(i) + 24}, 2, 2});
        std::vector<std::uint32_t> codepoints;
        for (int32_t i = 0; i < u16.length(); i = u16.moveIndex32(i, 1)) codepoints.push_back(std::uint32_t(u16.char32At(i)));
        for (size_t i = 0; i + 12 <= codepoints.size(); i += 6)
            if (!has_digit(codepoints, i, 12))
                for (unsigned stride : {4u, 20u})
                    needles.push_back({codepoint_form(stride), {codepoints.begin() + long(i), codepoints.begin() + long(i) + 12}, 4, stride});
        const auto glyphs = shape_arabic(font, text);
        for (size_t i = 0; i + 8 <= glyphs.size(); ++i)
            for (unsigned stride : strides) needles.push_back({glyph_form(stride), {glyphs.begin() + long(i), glyphs.begin() + long(i) + 8}, 4, stride});
    }
    const std::string& first = texts.front();
    Needle utf8{utf8_form, {}, 1, 1};
    for (size_t i = 0; i < 60; ++i) utf8.values.push_back(static_cast<unsigned char>(first[i]));
    needles.push_back(utf8);
    return needles;
}

size_t glyphs_found(const Found& f) {
    size_t n = 0;
    for (unsigned stride : strides) n += f.count(glyph_form(stride));
    return n;
}

// Runs the kiosk on `script` until it prints a stats line containing `marker`, stops it there (SIGSTOP,
// so its memory holds still), searches its memory, then ends it.
Found memory_at(const std::string& script, const std::string& marker, const std::vector<Needle>& needles) {
    fs::create_directories(shots_dir);
    const fs::path log = shots_dir / (script + ".log");
    fs::remove(log);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const std::string command = "cd '" + shots_dir.string() + "' && exec '" HAVEN_KIOSK_BINARY
                                    "' --headless --windowed 1920x1080 --now 2026-11-23T21:00Z --script '" HAVEN_E2E_DIR "/" +
                                    script + "' > '" + log.string() + "' 2>&1";
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // The script ends with a long real-time sleep after its stats line: the kiosk waits there for us.
    bool reached = false, exited = false;
    std::string output;
    while (!reached && !exited) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::ifstream in(log);
        output.assign(std::istreambuf_iterator<char>(in), {});
        reached = output.find(marker) != std::string::npos;
        exited = waitpid(pid, nullptr, WNOHANG) == pid;
    }
    INFO(output);
    REQUIRE_MESSAGE(reached, "the kiosk ended before it reached '" << marker << "'");
    kill(pid, SIGSTOP);
    waitpid(pid, nullptr, WUNTRACED);
    Found found = search_writable_memory(pid, needles);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return found;
}

}  // namespace

TEST_CASE("memory: after a visit and a quick exit the kiosk holds no UTF-16, codepoints or glyph runs of the article") {
    // /proc/PID/mem of the non-dumpable kiosk is readable by root only (DESIGN §8); the tests run as root.
    REQUIRE_MESSAGE(geteuid() == 0, "this test reads the kiosk's memory through /proc and must run as root");
    const auto needles = article_needles();

    // Control: with the article on screen its glyph runs are in the layout cache, and the pack's text is
    // always in memory. If these are not found, the search is blind and the check below means nothing.
    const Found open = memory_at("memory-article-open.txt", "in-visit=1", needles);
    MESSAGE("article open: " << open.summary());
    CHECK(open.bytes_read > 1000000);
    CHECK(open.count(utf8_form) > 0);
    CHECK(glyphs_found(open) > 0);

    const Found after = memory_at("memory-after-quick-exit.txt", "in-visit=0", needles);
    MESSAGE("after quick exit: " << after.summary());
    CHECK(after.count(utf8_form) > 0);  // the search still reads the memory the pack lives in
    // UTF-8 copies of the article beyond the pack's own (cache keys, strings built per frame) are gone:
    // no more than in a run that never opened the article.
    const Found never = memory_at("memory-no-article.txt", "in-visit=0", needles);
    MESSAGE("never opened: " << never.summary());
    CHECK(after.count(utf8_form) <= never.count(utf8_form));
    CHECK(after.count(utf16_form) == 0);
    for (unsigned stride : {4u, 20u}) CHECK(after.count(codepoint_form(stride)) == 0);
    for (unsigned stride : strides) {
        CAPTURE(stride);
        CHECK(after.count(glyph_form(stride)) == 0);
    }
}
