#include "script.hpp"

#include <charconv>
#include <sstream>

namespace haven {
namespace {

bool to_number(const std::string& s, double& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::variant<std::vector<Step>, ScriptError> parse_script(std::string_view text) {
    std::vector<Step> steps;
    std::istringstream in{std::string(text)};
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream words(line);
        std::vector<std::string> w;
        for (std::string word; words >> word;) w.push_back(word);
        if (w.empty() || w[0].starts_with("#")) continue;
        const auto& verb = w[0];
        auto fail = [&](std::string why) { return ScriptError{number, verb + ": " + why}; };
        Step step{Step::Kind::Ids, {}, 0, 0, 0, number};
        if (verb == "tap" || verb == "touch" || verb == "expect" || verb == "expect-not") {
            if (w.size() != 2) return fail("takes one widget id");
            step.kind = verb == "tap" ? Step::Kind::Tap : verb == "touch" ? Step::Kind::Touch
                      : verb == "expect" ? Step::Kind::Expect : Step::Kind::ExpectNot;
            step.argument = w[1];
        } else if (verb == "drag") {
            double dx, dy;
            if (w.size() != 4 || !to_number(w[2], dx) || !to_number(w[3], dy)) return fail("takes a widget id and two numbers: drag ID DX DY");
            step = {Step::Kind::Drag, w[1], float(dx), float(dy), 0, number};
        } else if (verb == "sleep") {
            double ms;
            if (w.size() != 2 || !to_number(w[1], ms) || ms < 0 || ms > 60000) return fail("takes milliseconds of real time, up to 60000");
            step = {Step::Kind::Sleep, {}, 0, 0, ms, number};
        } else if (verb == "wait" || verb == "advance") {
            double amount;
            if (w.size() != 2 || !to_number(w[1], amount) || amount < 0) return fail("takes one number that is not negative");
            step = {verb == "wait" ? Step::Kind::Wait : Step::Kind::Advance, {}, 0, 0, amount, number};
        } else if (verb == "shot") {
            if (w.size() != 2 || !w[1].ends_with(".png")) return fail("takes one file name ending in .png");
            step = {Step::Kind::Shot, w[1], 0, 0, 0, number};
        } else if (verb == "hold") {
            double seconds;
            if (w.size() != 3 || !to_number(w[2], seconds) || seconds < 0 || seconds > 60)
                return fail("takes a widget id and seconds up to 60: hold ID SECONDS");
            step = {Step::Kind::Hold, w[1], 0, 0, seconds, number};
        } else if (verb == "key") {
            if (w.size() != 2) return fail("takes one key name, e.g. key escape");
            step = {Step::Kind::Key, w[1], 0, 0, 0, number};
        } else if (verb == "stats") {
            if (w.size() != 1) return fail("takes nothing");
            step.kind = Step::Kind::Stats;
        } else if (verb == "quit") {
            if (w.size() != 1) return fail("takes nothing");
            step.kind = Step::Kind::Quit;
        } else if (verb == "ids") {
            if (w.size() != 1) return fail("takes nothing");
        } else {
            return ScriptError{number, "unknown step '" + verb + "'; steps are tap, touch, drag, hold, key, quit, stats, sleep, wait, advance, shot, ids, expect, expect-not"};
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

}  // namespace haven
