#include "list_view.hpp"
#include "screens.hpp"
#include "ui_text.hpp"

#include <algorithm>

namespace haven {

void draw_categories(ScreenContext& ctx) {
    std::vector<ListItem> items;
    for (const auto& category : ctx.content.categories) {
        auto count = std::count_if(ctx.content.services.begin(), ctx.content.services.end(), [&](const Service& s) {
            return std::find(s.categories.begin(), s.categories.end(), category.id) != s.categories.end();
        });
        if (count == 0) continue;  // an empty category is a dead end for a visitor
        items.push_back({"category." + category.id, std::string(ctx.text(category.name)), {},
                         [&s = ctx.session, id = category.id] { s.open(Screen::Services, id); }, {}, 0, category.icon});
    }
    draw_list(ctx, _("Find help near you"), items);
}

}  // namespace haven
