#include "rich_text.hpp"

#include "phone.hpp"

namespace haven {
namespace {

void append(WipingVector<Span>& spans, Span::Kind kind, std::string_view text, std::string target = {}) {
    if (text.empty()) return;
    if (kind == Span::Kind::Text && !spans.empty() && spans.back().kind == Span::Kind::Text) {
        spans.back().text += text;
        return;
    }
    spans.push_back({kind, WipingString(text), std::move(target)});
}

}  // namespace

bool is_https_url(std::string_view url) {
    constexpr std::string_view scheme = "https://";
    if (!url.starts_with(scheme) || url.size() > 2000) return false;
    auto host = url.substr(scheme.size());
    host = host.substr(0, host.find_first_of("/?#"));
    if (host.empty() || host.find('.') == std::string_view::npos) return false;
    for (char c : url)
        if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == '"') return false;
    return true;
}

ParsedInline parse_inline(std::string_view text) {
    ParsedInline out;
    bool emphasis = false;
    size_t emphasis_start = 0;
    WipingString run;  // grows char by char: every buffer it outgrows is overwritten
    auto flush = [&] {
        append(out.spans, emphasis ? Span::Kind::Emphasis : Span::Kind::Text, run);
        run.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '*') {
            flush();
            emphasis = !emphasis;
            emphasis_start = i;
        } else if (c == '<') {
            size_t close = text.find('>', i);
            if (close == std::string_view::npos) {
                out.errors.push_back({i, "a '<' is never closed with '>'; write <tel:+4930123456> or <https://...>."});
                run += text.substr(i);
                break;
            }
            auto inner = text.substr(i + 1, close - i - 1);
            flush();
            if (inner.starts_with("tel:")) {
                auto number = inner.substr(4);
                if (!is_valid_phone(number)) {
                    auto hint = suggest_e164(number);
                    out.errors.push_back({i, "'" + std::string(number) + "' in <tel:...> is not an E.164 number or short code; " +
                                                 (hint ? "write it as " + *hint : std::string("write it as + and the country code, e.g. +4930123456")) + "."});
                }
                append(out.spans, Span::Kind::Phone, number, std::string(number));
            } else if (inner.starts_with("https://") || inner.starts_with("http://")) {
                if (!is_https_url(inner))
                    out.errors.push_back({i, "'" + std::string(inner) + "' is not a valid https:// link."});
                append(out.spans, Span::Kind::Link, inner, std::string(inner));
            } else {
                out.errors.push_back({i, "<" + std::string(inner) + "> is not markup the kiosk knows; only <tel:NUMBER> and <https://...> are."});
                append(out.spans, Span::Kind::Text, text.substr(i, close - i + 1));
            }
            i = close;
        } else {
            run += c;
        }
    }
    flush();
    if (emphasis)
        out.errors.push_back({emphasis_start, "a '*' starts emphasis that is never closed; add the closing '*'."});
    return out;
}

}  // namespace haven
