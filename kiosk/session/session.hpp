// One visitor's visit: chosen language, where they are, and how far they scrolled. Everything a visitor
// does lives here and nowhere else; ending the visit returns it to a fresh attract screen.
// What a tap does is a plain function here, so tests can drive a visit without a window.
#pragma once

#include "service_filters.hpp"

#include <string>
#include <vector>

namespace haven {

enum class Screen {
    Attract,     // calm invitation, no visit yet
    Languages,   // language picker
    Home,        // the four choices
    Topics,      // list of rights topics
    Article,     // one topic; id = topic id
    Categories,  // service categories
    Services,    // services of one category; id = category id
    Service,     // one service; id = service id
    Contacts,    // safe-contact options
    Contact,     // one contact, number shown large; id = contact id
    Emergency,   // emergency numbers only
};

struct Route {
    Screen screen = Screen::Attract;
    std::string id;     // what the screen shows, when it shows one thing
    float scroll = 0;   // how far the visitor scrolled this screen, in pixels
};

class Session {
public:
    Session();

    bool in_visit() const { return current().screen != Screen::Attract; }
    const Route& current() const { return stack_.back(); }
    float& scroll() { return stack_.back().scroll; }
    const std::string& language() const { return language_; }  // empty until chosen
    bool can_go_back() const { return stack_.size() > 1; }

    void start();                             // attract -> language picker
    void choose_language(std::string code);   // -> home
    void open(Screen screen, std::string id = {});
    void back();
    void home();                              // back to the four choices, keeping the language
    void end();                               // the visit is over: forget everything, attract screen

    // The visitor's choices for this visit only.
    ServiceFilters& filters() { return filters_; }
    const ServiceFilters& filters() const { return filters_; }
    int text_size() const { return text_size_; }  // 0 normal, 1 and 2 larger
    void next_text_size() { text_size_ = (text_size_ + 1) % 3; }
    bool high_contrast() const { return high_contrast_; }
    void toggle_contrast() { high_contrast_ = !high_contrast_; }

private:
    std::string language_;
    std::vector<Route> stack_;
    ServiceFilters filters_;
    int text_size_ = 0;
    bool high_contrast_ = false;
};

}  // namespace haven
