#include "rich_text.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

#include <cstdio>

namespace haven {
namespace {

// How the pack writes a number elsewhere ("116 006"), so the article shows it the same way.
std::string display_of(const Content& content, const std::string& number) {
    for (const auto& c : content.contacts)
        if (c.phone.number == number) return c.phone.display;
    for (const auto& s : content.services)
        for (const auto& p : s.phones)
            if (p.number == number) return p.display;
    return number;
}

// One paragraph or list item: emphasis in bold, phone numbers underlined and tappable where they stand.
void marked_block(ScreenContext& ctx, Column& column, const Rect& bounds, std::string_view prefix, const std::string& source) {
    WipingString plain(prefix);  // the article's text, rebuilt every frame: overwritten when freed
    std::vector<ByteRange> bold;
    std::vector<InlineLink> links;
    std::vector<std::string> numbers;
    for (const auto& span : parse_inline(source).spans) {
        const auto start = std::uint32_t(plain.size());
        if (span.kind == Span::Kind::Phone) plain += display_of(ctx.content, span.target);
        else plain += span.text;
        const ByteRange range{start, std::uint32_t(plain.size())};
        if (span.kind == Span::Kind::Emphasis) bold.push_back(range);
        if (span.kind == Span::Kind::Phone) {
            links.push_back({range, "tel." + span.target});
            numbers.push_back(span.target);
        }
    }
    int tapped = -1;
    const float h = ctx.ui.marked_text({bounds.x, column.y(), bounds.w, 0}, plain, TextStyle::Body, bold, links, tapped);
    if (tapped >= 0)
        ctx.on_tap([&s = ctx.session, id = "tel:" + numbers[size_t(tapped)]] { s.open(Screen::Contact, id); });
    column.gap(h / ctx.ui.scale());
}

}  // namespace

void draw_article(ScreenContext& ctx) {
    const Topic* topic = ctx.content.topic(ctx.session.current().id);
    if (!topic) return ctx.on_tap([&s = ctx.session] { s.back(); });  // the pack changed under the visit
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    Column column(ui, bounds, ui.begin_scroll("article", ctx.area, ctx.session.scroll()));
    column.gap(24);
    column.text(ctx.text(topic->title), TextStyle::Title);
    column.gap(16);
    auto body = ctx.content.resolve(topic->body, ctx.language());
    if (body.is_fallback) {
        const Language* shown_in = ctx.content.language(body.language);
        char note[512];
        std::snprintf(note, sizeof note, _("This page is not yet available in your language. It is shown in %s."),
                      shown_in ? shown_in->name.c_str() : std::string(body.language).c_str());
        column.notice(note);
    }
    // A page shown in another language reads in that language's direction, inside the mirrored screen.
    const Direction visitor_direction = ui.direction();
    if (const Language* shown_in = ctx.content.language(body.language); body.is_fallback && shown_in)
        ui.set_direction(shown_in->direction);
    if (body) {
        for (const auto& block : *body.value) {
            switch (block.kind) {
                case Block::Kind::Heading:
                    column.gap(16);
                    column.text(block.text, TextStyle::Heading);
                    column.gap(8);
                    break;
                case Block::Kind::Paragraph:
                    marked_block(ctx, column, bounds, {}, block.text);
                    column.gap(16);
                    break;
                case Block::Kind::List:
                    for (const auto& item : block.items) {
                        marked_block(ctx, column, bounds, "•  ", item);
                        column.gap(10);
                    }
                    column.gap(8);
                    break;
            }
        }
    }
    ui.set_direction(visitor_direction);
    column.gap(24);
    char reviewed[256];
    std::snprintf(reviewed, sizeof reviewed, _("Last checked: %s"), topic->reviewed.iso().c_str());
    column.text(reviewed, TextStyle::Small, ui.palette().text_muted);
    for (const auto& source : topic->sources) column.text(source, TextStyle::Small, ui.palette().text_muted);
    column.gap(40);
    ui.end_scroll(column.y());
}

}  // namespace haven
