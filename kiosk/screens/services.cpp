#include "list_view.hpp"
#include "screens.hpp"
#include "ui_text.hpp"

#include <algorithm>

namespace haven {

void draw_services(ScreenContext& ctx) {
    const Category* category = ctx.content.category(ctx.session.current().id);
    if (!category) return ctx.on_tap([&s = ctx.session] { s.back(); });
    std::vector<ListItem> items;
    for (const auto& service : ctx.content.services) {
        if (std::find(service.categories.begin(), service.categories.end(), category->id) == service.categories.end())
            continue;
        std::string subtitle(ctx.text(service.description));
        if (service.status == Service::Status::TemporarilyClosed) subtitle = std::string(_("Temporarily closed")) + ". " + subtitle;
        items.push_back({"service." + service.id, std::string(ctx.text(service.name)), subtitle,
                         [&s = ctx.session, id = service.id] { s.open(Screen::Service, id); }});
    }
    draw_list(ctx, ctx.text(category->name), items, _("No service in this group."));
}

}  // namespace haven
