#include "session.hpp"

#include "wipe.hpp"

namespace haven {

Session::Session() { end(); }

void Session::start() {
    if (current().screen == Screen::Attract) stack_.push_back({Screen::Languages, {}, 0});
}

void Session::choose_language(std::string code) {
    language_ = std::move(code);
    home();
}

void Session::open(Screen screen, std::string id) {
    if (screen == Screen::Attract) return end();
    if (screen == current().screen && id == current().id) return;  // a double tap must not stack twice
    stack_.push_back({screen, std::move(id), 0});
}

void Session::back() {
    if (can_go_back()) stack_.pop_back();
    if (current().screen == Screen::Attract) end();
}

void Session::home() {
    if (language_.empty()) return;
    // Keep the way back to the language picker, so a visitor who chose wrongly can change it.
    stack_.assign({{Screen::Attract, {}, 0}, {Screen::Languages, {}, 0}, {Screen::Home, {}, 0}});
}

void Session::end() {
    // Everything the visitor chose or opened is overwritten before it is let go.
    wipe(language_);
    for (auto& route : stack_) {
        wipe(route.id);
        sodium_memzero(&route.scroll, sizeof route.scroll);
    }
    stack_.clear();
    stack_.shrink_to_fit();
    stack_.push_back({Screen::Attract, {}, 0});
    filters_ = {};
    text_size_ = 0;
    high_contrast_ = false;
}

}  // namespace haven
