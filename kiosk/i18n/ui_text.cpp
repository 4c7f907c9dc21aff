#include "ui_text.hpp"

#include <clocale>
#include <cstdlib>
#include <libintl.h>

// glibc caches translations per catalogue; bumping this counter tells it that LANGUAGE changed.
extern "C" int _nl_msg_cat_cntr;

namespace haven {
namespace {
constexpr const char* domain = "haven-kiosk";
}

void init_ui_text(const std::string& locale_dir) {
    // C.UTF-8 keeps number formatting and collation neutral; UI language comes from LANGUAGE alone.
    std::setlocale(LC_ALL, "C.UTF-8");
    bindtextdomain(domain, locale_dir.c_str());
    bind_textdomain_codeset(domain, "UTF-8");
    textdomain(domain);
}

void set_ui_language(std::string_view language) {
    std::string value(language.empty() ? std::string_view("en") : language);
    setenv("LANGUAGE", value.c_str(), 1);
    ++_nl_msg_cat_cntr;
}

const char* tr(const char* msgid) { return dgettext(domain, msgid); }

}  // namespace haven
