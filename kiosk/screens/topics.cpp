#include "list_view.hpp"
#include "screens.hpp"
#include "ui_text.hpp"

namespace haven {

void draw_topics(ScreenContext& ctx) {
    std::vector<ListItem> items;
    for (const auto& topic : ctx.content.topics)
        items.push_back({"topic." + topic.id, std::string(ctx.text(topic.title)), std::string(ctx.text(topic.summary)),
                         [&s = ctx.session, id = topic.id] { s.open(Screen::Article, id); }, {}, 0, topic.icon});
    draw_list(ctx, _("Your rights"), items);
}

}  // namespace haven
