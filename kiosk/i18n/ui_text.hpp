// UI strings through gettext, switched per visitor. Catalogues are compiled from locales/*.po at build time.
#pragma once

#include <string>
#include <string_view>

namespace haven {

// Binds the catalogue directory (holding LANG/LC_MESSAGES/haven-kiosk.mo). Call once at start-up.
void init_ui_text(const std::string& locale_dir);

// Switches UI strings to `language` ("ar", "ti", ...); works even where no system locale for it is
// installed, because the process runs in C.UTF-8 and glibc honours LANGUAGE there.
void set_ui_language(std::string_view language);

// The translation of `msgid` in the current UI language (msgid itself when there is none).
const char* tr(const char* msgid);

}  // namespace haven

// Marks a string for xgettext and translates it.
#define _(msgid) ::haven::tr(msgid)
// Marks a string for xgettext without translating it yet (translate later with tr()).
#define N_(msgid) msgid
