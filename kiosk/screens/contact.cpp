#include "detail_parts.hpp"
#include "format.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

namespace haven {
namespace {

std::string channel_names(const std::vector<Channel>& channels) {
    std::string out;
    for (auto c : channels) {
        const char* name = c == Channel::Call ? _("Call") : c == Channel::Sms ? _("Text message (SMS)")
                         : c == Channel::Messaging ? _("Messaging app") : _("Walk in");
        out += (out.empty() ? "" : ", ") + std::string(name);
    }
    return out;
}

void big_number(Ui& ui, Column& column, const Rect& bounds, const std::string& display) {
    // The number as large as the screen allows, always left-to-right, for memorising or dialling.
    Rect box = column.take(150);
    ui.fill(box, ui.palette().surface, ui.px(theme::rounding));
    Direction saved = ui.direction();
    ui.set_direction(Direction::LeftToRight);
    ui.text({bounds.x, box.y + ui.px(18), bounds.w, box.h}, display, TextStyle::Huge, Align::Center, ui.palette().primary);
    ui.set_direction(saved);
    column.gap(24);
}

}  // namespace

void draw_contact(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    const std::string& id = ctx.session.current().id;
    Column column(ui, bounds, ui.begin_scroll("contact", ctx.area, ctx.session.scroll()));
    column.gap(24);
    // A number tapped inside an article or on a service page: show just the number.
    if (id.starts_with("tel:")) {
        std::string number = id.substr(4);
        const Contact* known = nullptr;
        for (const auto& c : ctx.content.contacts)
            if (c.phone.number == number) known = &c;
        column.text(known ? ctx.text(known->name) : std::string_view(_("Phone number")), TextStyle::Title);
        column.gap(16);
        big_number(ui, column, bounds, known ? known->phone.display : number);
        if (known) column.notice(ctx.text(known->safety_note));
        draw_qr_codes(ctx, column, {{"qr.phone", "tel:" + number, known ? known->phone.display : number}});
        ui.end_scroll(column.y() + ui.px(40));
        return;
    }
    const Contact* contact = ctx.content.contact(id);
    if (!contact) {
        ui.end_scroll(column.y());
        return ctx.on_tap([&s = ctx.session] { s.back(); });
    }
    const auto lang = ctx.language();
    column.text(ctx.text(contact->name), TextStyle::Title);
    column.gap(16);
    draw_open_state(ctx, column, contact->schedule, false);
    if (!contact->phone.number.empty()) big_number(ui, column, bounds, contact->phone.display);
    column.text(ctx.text(contact->description), TextStyle::Body);
    column.gap(24);
    column.notice(ctx.text(contact->safety_note));
    std::string how = channel_names(contact->channels);
    if (!contact->app.empty()) how += " (" + contact->app + ")";
    column.fact(_("How to reach them"), how);
    draw_week(ctx, column, contact->schedule);
    if (contact->address) column.fact(_("Address"), format_address(*contact->address));
    std::string terms = contact->free ? _("Free") : _("Not free");
    if (contact->anonymous) terms += std::string("\n") + _("You can stay anonymous");
    column.fact(_("Cost and privacy"), terms);
    column.fact(_("Languages spoken"), language_list(ctx.content, contact->languages, lang));
    std::vector<QrItem> codes;
    if (!contact->phone.number.empty()) codes.push_back({"qr.phone", "tel:" + contact->phone.number, contact->phone.display});
    if (contact->address) codes.push_back({"qr.address", address_payload(*contact->address, std::nullopt), _("Address")});
    draw_qr_codes(ctx, column, codes);
    column.gap(40);
    ui.end_scroll(column.y());
}

}  // namespace haven
