// The scripts that drive the kiosk headless (tests, demonstrations): one step per line.
//   tap ID | touch ID | drag ID DX DY | hold ID SECONDS | key NAME | quit | stats | sleep MS | wait MS | advance SECONDS | shot FILE.png | ids | expect ID | expect-not ID
// Blank lines and lines starting with '#' are ignored.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace haven {

struct Step {
    enum class Kind { Tap, Touch, Drag, Wait, Advance, Shot, Ids, Expect, ExpectNot, Key, Hold, Quit, Stats, Sleep };
    Kind kind;
    std::string argument;  // widget id or file name
    float dx = 0, dy = 0;  // drag
    double amount = 0;     // wait: milliseconds; advance: seconds
    int line = 0;          // in the script, for messages
};

struct ScriptError {
    int line;
    std::string message;
};

std::variant<std::vector<Step>, ScriptError> parse_script(std::string_view text);

}  // namespace haven
