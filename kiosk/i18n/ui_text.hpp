// The kiosk's own words (buttons, notices, weekdays), switched per visitor. Built-in catalogues are
// locales/LANG.po, read at start from the locale folder; a pack may bring ui/LANG.po for any of its
// languages, which overrides the built-in one string by string. No environment variable and no
// system locale is involved: any language works, Tigrinya and Pashto alike.
//
// A string missing in the visitor's language follows that language's fallback chain (prs -> fa -> en),
// as content does; where it comes from a language written the other way, it is wrapped in a bidi
// isolate so that it reads in its own direction inside the mirrored screen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace haven {

struct Content;

// Reads every LANG.po in `locale_dir` (the built-in catalogues). Call once at start-up; problems with a
// catalogue are printed on stderr and that catalogue is left out.
void init_ui_text(const std::string& locale_dir);
std::vector<std::string> builtin_ui_languages();  // "en" first, then those read, sorted

// The pack whose catalogues, fallback chains and directions apply (null: none). The content must stay
// alive until the next call.
void set_ui_pack(const Content* content);

// Switches to `language` ("ar", "prs", ...) for everything tr() returns from now on.
void set_ui_language(std::string_view language);

// The translation of `msgid` in the current language or its fallback chain (msgid itself at the end).
const char* tr(const char* msgid);

// Whether `language` is written right to left (the pack's word for it, else ICU's).
bool ui_language_is_rtl(std::string_view language);

// Which language a visitor reading `language` sees `msgid` in: the language itself, one of its
// fallbacks, or "en" when only the msgid (English) is left.
std::string translation_source(std::string_view language, const char* msgid);

// Overwrites and drops the fallback strings tr() wrapped for this visit (call when a visit ends; no
// pointer tr() returned may be held across it).
void forget_ui_fallbacks();

// True when `language` itself (pack or built-in, not a fallback) translates `msgid`.
bool has_own_translation(std::string_view language, const char* msgid);

}  // namespace haven

// Marks a string for xgettext and translates it.
#define _(msgid) ::haven::tr(msgid)
// Marks a string for xgettext without translating it yet (translate later with tr()).
#define N_(msgid) msgid
