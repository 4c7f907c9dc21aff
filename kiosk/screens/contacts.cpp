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
    // Each card's words once: name, open state, and how to reach it (a number, or a walk-in's address).
    struct Card {
        const Contact* contact;
        std::string name, status, how;
        bool open;
        float height;
    };
    std::vector<Card> cards;
    for (const Contact* c : contacts) {
        const OpenState state = open_state(c->schedule, ctx.wall_time);
        Card card{c, std::string(ctx.text(c->name)), format_open_state(state),
                  c->phone.number.empty() && c->address ? format_address(*c->address) : c->phone.display, state.open, 0};
        card.height = Ui::row_height(ui, card_w, card.name, card.how, card.status);
        cards.push_back(std::move(card));
    }
    float row_top = column.y(), row_height = 0;
    for (size_t i = 0; i < cards.size(); ++i) {
        const int col = int(i) % columns;
        if (col == 0) {
            if (i > 0) row_top += row_height + gap;
            // Cards in a row share the tallest card's height.
            row_height = 0;
            for (size_t j = i; j < std::min(cards.size(), i + size_t(columns)); ++j) row_height = std::max(row_height, cards[j].height);
        }
        const Card& card = cards[i];
        Rect r = ui.place({bounds.x + float(col) * (card_w + gap), row_top, card_w, row_height}, bounds);
        if (ui.row("contact." + card.contact->id, r, card.name, card.how, card.status,
                   card.open ? ui.palette().open : ui.palette().closed))
            ctx.on_tap([&s = ctx.session, id = card.contact->id] { s.open(Screen::Contact, id); });
    }
    column.gap((row_top + row_height - column.y()) / ui.scale() + 32);
    ui.end_scroll(column.y());
}

}  // namespace haven
