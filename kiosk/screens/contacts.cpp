#include "format.hpp"
#include "list_view.hpp"
#include "screens.hpp"
#include "ui_text.hpp"

namespace haven {

void draw_contacts(ScreenContext& ctx) {
    std::vector<ListItem> items;
    for (const auto& contact : ctx.content.contacts) {
        if (contact.kind == Contact::Kind::Emergency) continue;  // those have their own screen, one tap away
        std::string subtitle = contact.phone.display;
        if (auto d = ctx.text(contact.description); !d.empty()) subtitle += (subtitle.empty() ? "" : "  ·  ") + std::string(d);
        const OpenState state = open_state(contact.schedule, ctx.wall_time);
        items.push_back({"contact." + contact.id, std::string(ctx.text(contact.name)), subtitle,
                         [&s = ctx.session, id = contact.id] { s.open(Screen::Contact, id); }, format_open_state(state),
                         state.open ? ctx.ui.palette().open : ctx.ui.palette().closed});
    }
    draw_list(ctx, _("Contact someone safely"), items);
}

}  // namespace haven
