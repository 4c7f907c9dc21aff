#include "rich_text.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

#include <cstdio>

namespace haven {
namespace {

// Until the text engine can hit-test inside a paragraph, inline markup is drawn as plain text and
// every phone number in a block also gets a button of its own below it.
std::string plain(const std::vector<Span>& spans) {
    std::string out;
    for (const auto& s : spans) out += s.text;
    return out;
}

void phone_buttons(ScreenContext& ctx, Column& column, const std::vector<Span>& spans, const Rect& bounds) {
    for (const auto& s : spans) {
        if (s.kind != Span::Kind::Phone) continue;
        Rect r = ctx.ui.place({bounds.x, column.y(), ctx.ui.px(420), ctx.ui.px(theme::touch_target)}, bounds);
        if (ctx.ui.button("tel." + s.target, r, std::string(_("Call")) + "  " + s.text, ButtonKind::Primary))
            ctx.on_tap([&session = ctx.session, id = "tel:" + s.target] { session.open(Screen::Contact, id); });
        column.gap(theme::touch_target + 16);
    }
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
    if (body) {
        for (const auto& block : *body.value) {
            switch (block.kind) {
                case Block::Kind::Heading:
                    column.gap(16);
                    column.text(block.text, TextStyle::Heading);
                    column.gap(8);
                    break;
                case Block::Kind::Paragraph: {
                    auto spans = parse_inline(block.text).spans;
                    column.text(plain(spans), TextStyle::Body);
                    column.gap(16);
                    phone_buttons(ctx, column, spans, bounds);
                    break;
                }
                case Block::Kind::List:
                    for (const auto& item : block.items) {
                        auto spans = parse_inline(item).spans;
                        column.text("•  " + plain(spans), TextStyle::Body);
                        column.gap(10);
                        phone_buttons(ctx, column, spans, bounds);
                    }
                    column.gap(8);
                    break;
            }
        }
    }
    column.gap(24);
    char reviewed[256];
    std::snprintf(reviewed, sizeof reviewed, _("Last checked: %s"), topic->reviewed.iso().c_str());
    column.text(reviewed, TextStyle::Small, ui.palette().text_muted);
    for (const auto& source : topic->sources) column.text(source, TextStyle::Small, ui.palette().text_muted);
    column.gap(40);
    ui.end_scroll(column.y());
}

}  // namespace haven
