#include "format.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

namespace haven {

void draw_contacts(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    std::vector<const Contact*> contacts;
    for (const auto& contact : ctx.content.contacts)
        if (contact.kind != Contact::Kind::Emergency) contacts.push_back(&contact);  // those have their own screen

    Column column(ui, bounds, ui.begin_scroll("contacts", ctx.area, ctx.session.scroll()));
    column.gap(24);
    column.text(_("Contact someone safely"), TextStyle::Title);
    column.gap(16);
    // Cards in a grid, so every hotline is in view at once: three taps from the language picker, no scrolling.
    const int columns = bounds.w > ui.px(1200) ? 2 : 1;
    const float gap = ui.px(theme::gap);
    const float card_w = (bounds.w - gap * float(columns - 1)) / float(columns);
    float row_top = column.y(), row_height = 0;
    for (size_t i = 0; i < contacts.size(); ++i) {
        const Contact& contact = *contacts[i];
        const int col = int(i) % columns;
        if (col == 0 && i > 0) {
            row_top += row_height + gap;
            row_height = 0;
        }
        const OpenState state = open_state(contact.schedule, ctx.wall_time);
        const std::string name(ctx.text(contact.name));
        const std::string status = format_open_state(state);
        const std::string how = contact.phone.number.empty() && contact.address ? format_address(*contact.address) : contact.phone.display;
        // Cards in a row share the tallest card's height.
        float h = Ui::row_height(ui, card_w, name, how, status);
        for (size_t j = i - size_t(col); j < std::min(contacts.size(), i - size_t(col) + size_t(columns)); ++j)
            h = std::max(h, Ui::row_height(ui, card_w, ctx.text(contacts[j]->name), contacts[j]->phone.display,
                                           format_open_state(open_state(contacts[j]->schedule, ctx.wall_time))));
        row_height = h;
        Rect r = ui.place({bounds.x + float(col) * (card_w + gap), row_top, card_w, h}, bounds);
        if (ui.row("contact." + contact.id, r, name, how, status, state.open ? ui.palette().open : ui.palette().closed))
            ctx.on_tap([&s = ctx.session, id = contact.id] { s.open(Screen::Contact, id); });
    }
    column.gap((row_top + row_height - column.y()) / ui.scale() + 32);
    ui.end_scroll(column.y());
}

}  // namespace haven
