// Runs the real haven-kiosk binary headless on scripts and checks what it shows.
#include "kiosk_runner.hpp"
#include "pack_loader.hpp"

#include <doctest/doctest.h>
#include <stb/stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using haven::testing::run_kiosk;
using haven::testing::shots_dir;

struct Picture {
    int width = 0, height = 0;
    size_t distinct_colours = 0;
    double share_not_background = 0;  // pixels that differ from the most common colour
};

Picture inspect(const fs::path& png) {
    Picture p;
    int channels = 0;
    unsigned char* data = stbi_load(png.c_str(), &p.width, &p.height, &channels, 3);
    REQUIRE_MESSAGE(data, "cannot read " << png);
    std::map<unsigned, size_t> counts;
    const size_t n = size_t(p.width) * size_t(p.height);
    for (size_t i = 0; i < n; ++i)
        ++counts[(unsigned(data[3 * i]) << 16) | (unsigned(data[3 * i + 1]) << 8) | data[3 * i + 2]];
    stbi_image_free(data);
    size_t most = 0;
    for (const auto& [colour, count] : counts) most = std::max(most, count);
    p.distinct_colours = counts.size();
    p.share_not_background = 1.0 - double(most) / double(n);
    return p;
}

void check_not_blank(const fs::path& png) {
    CAPTURE(png);
    Picture p = inspect(png);
    CHECK(p.width == 1920);
    CHECK(p.height == 1080);
    CHECK(p.distinct_colours > 16);         // text is anti-aliased: a drawn screen has many shades
    CHECK(p.share_not_background > 0.01);  // and more than a speck of it
}

void run_journey(const char* script, std::initializer_list<const char*> shots) {
    for (const char* s : shots) fs::remove(shots_dir / s);
    std::string output;
    // Monday 23 November 2026, 22:00 in Beispielstadt: night shelters open, offices closed.
    int status = run_kiosk("--windowed 1920x1080 --now 2026-11-23T21:00Z --script '" HAVEN_E2E_DIR "/" + std::string(script) + "'",
                           &output);
    INFO(output);
    REQUIRE(status == 0);
    for (const char* s : shots) check_not_blank(shots_dir / s);
}

}  // namespace

TEST_CASE("English journey through every skeleton screen ends with quick exit") {
    run_journey("journey-en.txt", {"en-01-attract.png", "en-02-languages.png", "en-03-home.png", "en-04-topics.png",
                                   "en-05-article.png", "en-06-categories.png", "en-07-services.png",
                                   "en-08-service.png", "en-09-contact.png", "en-10-emergency.png",
                                   "en-11-number.png"});
}

TEST_CASE("Arabic journey") {
    run_journey("journey-ar.txt", {"ar-01-home.png", "ar-02-article.png", "ar-03-services.png", "ar-04-emergency.png",
                                   "ar-05-contact.png", "ar-06-contact-large-contrast.png", "ar-07-home-fresh.png"});
}

TEST_CASE("Tigrinya journey: a Tigrinya-speaking shelter and the hotline within three taps") {
    run_journey("journey-ti.txt", {"ti-01-home.png", "ti-02-service.png", "ti-03-contact.png", "ti-04-article.png",
                                   "ti-05-shelters-open-now.png", "ti-06-service-qr.png", "ti-07-emergency.png"});
}

TEST_CASE("Farsi, Bengali and Ukrainian journeys") {
    run_journey("journey-fa-bn-uk.txt", {"fa-01-article.png", "fa-02-contact.png", "picker.png", "bn-01-article.png",
                                         "uk-01-article.png", "uk-02-services.png"});
}

// Every QR code zbarimg finds in a screenshot.
std::set<std::string> decode_qr_codes(const fs::path& png) {
    const fs::path out = shots_dir / "qr.txt";
    std::string command = "zbarimg --quiet --raw '" + png.string() + "' > '" + out.string() + "' 2>/dev/null";
    if (std::system(command.c_str()) == -1) return {};
    std::ifstream in(out);
    std::set<std::string> codes;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) codes.insert(line);
    return codes;
}

TEST_CASE("the QR codes on a service page hold exactly the pack's phone number and location") {
    run_journey("journey-ti.txt", {"ti-06-service-qr.png"});
    auto pack = haven::load_pack(HAVEN_DEMO_PACK);
    REQUIRE(pack.ok());
    const haven::Service* shelter = pack.content->service("demo-youth-shelter");
    REQUIRE(shelter);
    REQUIRE(shelter->location);
    char geo[64];
    std::snprintf(geo, sizeof geo, "geo:%.6f,%.6f", shelter->location->lat, shelter->location->lon);
    const std::set<std::string> expected{"tel:" + shelter->phones.at(0).number, geo};
    CHECK(decode_qr_codes(shots_dir / "ti-06-service-qr.png") == expected);
}

TEST_CASE("emergency numbers are one tap away on every screen") {
    run_journey("emergency-everywhere.txt", {});
}

TEST_CASE("every hotline is at most three taps from the language picker, in every language and screen size") {
    auto pack = haven::load_pack(HAVEN_DEMO_PACK);
    REQUIRE(pack.ok());
    // One script: for each language and each non-emergency contact, picker -> language -> contact list ->
    // the contact, with taps only (no scrolling), then quick exit.
    std::ostringstream script;
    size_t walks = 0;
    for (const auto& language : pack.content->manifest.languages)
        for (const auto& contact : pack.content->contacts) {
            if (contact.kind == haven::Contact::Kind::Emergency) continue;
            script << "tap attract\nexpect lang." << language.code << "\n"
                   << "tap lang." << language.code << "\ntap home.contact\ntap contact." << contact.id << "\n"
                   << "expect-not contact." << contact.id << "\nexpect quick-exit\ntap quick-exit\n";
            ++walks;
        }
    CHECK(walks >= 8 * 4);
    fs::create_directories(shots_dir);
    std::ofstream(shots_dir / "three-taps.txt") << script.str();
    for (const char* size : {"1920x1080", "1080x1920", "1280x800"}) {
        CAPTURE(size);
        std::string output;
        int status = run_kiosk(std::string("--windowed ") + size + " --script three-taps.txt", &output);
        INFO(output);
        CHECK(status == 0);
    }
}

TEST_CASE("an idle visit is asked, then ended; a tap on the prompt keeps it and presses nothing else") {
    run_journey("idle.txt", {"idle-prompt.png"});
}

TEST_CASE("different screens look different") {
    run_journey("journey-en.txt", {"en-03-home.png", "en-10-emergency.png"});
    std::ifstream a(shots_dir / "en-03-home.png", std::ios::binary), b(shots_dir / "en-10-emergency.png", std::ios::binary);
    std::string home(std::istreambuf_iterator<char>(a), {}), emergency(std::istreambuf_iterator<char>(b), {});
    CHECK(home != emergency);
}

TEST_CASE("a step that fails makes the kiosk exit non-zero and say which line") {
    std::string output;
    int status = run_kiosk("--script '" HAVEN_E2E_DIR "/fail.txt'", &output);
    CHECK(status == 1);
    CHECK(output.find("fail.txt:4: no widget 'no-such-widget' on screen; on screen:") != std::string::npos);
}

TEST_CASE("repeated finger taps all land (touchscreen input path)") {
    std::string output;
    int status = run_kiosk("--windowed 1920x1080 --script '" HAVEN_E2E_DIR "/touch.txt'", &output);
    INFO(output);
    CHECK(status == 0);
}

TEST_CASE("a drag scrolls a long list and does not open what it started on") {
    std::string output;
    int status = run_kiosk("--windowed 1280x800 --script '" HAVEN_E2E_DIR "/scroll.txt'", &output);
    INFO(output);
    CHECK(status == 0);
}

TEST_CASE("a script with a wrong step is refused before the kiosk starts") {
    fs::create_directories(shots_dir);
    std::ofstream(shots_dir / "bad-script.txt") << "tap attract\npress home\n";
    std::string output;
    CHECK(run_kiosk("--script bad-script.txt", &output) == 2);
    CHECK(output.find("bad-script.txt:2: unknown step 'press'") != std::string::npos);
}

TEST_CASE("with no usable pack the kiosk shows the calm 'being updated' screen, not a crash") {
    fs::remove(shots_dir / "unavailable.png");
    std::string output;
    int status = run_kiosk("--windowed 1920x1080 --pack /nonexistent/pack --screenshot unavailable.png", &output);
    INFO(output);
    CHECK(status == 0);
    CHECK(output.find("showing the 'being updated' screen") != std::string::npos);
    check_not_blank(shots_dir / "unavailable.png");
}

TEST_CASE("--screenshot renders the first screen") {
    fs::remove(shots_dir / "first.png");
    CHECK(run_kiosk("--windowed 1920x1080 --screenshot first.png") == 0);
    check_not_blank(shots_dir / "first.png");
}
