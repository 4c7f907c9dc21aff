#include "detail_parts.hpp"
#include "format.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

#include <cstdio>

namespace haven {

void draw_service(ScreenContext& ctx) {
    const Service* service = ctx.content.service(ctx.session.current().id);
    if (!service) return ctx.on_tap([&s = ctx.session] { s.back(); });
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    const auto lang = ctx.language();
    Column column(ui, bounds, ui.begin_scroll("service", ctx.area, ctx.session.scroll()));
    column.gap(24);
    column.text(ctx.text(service->name), TextStyle::Title);
    column.text(service->organization, TextStyle::Body, ui.palette().text_muted);
    column.gap(16);
    draw_open_state(ctx, column, service->schedule, service->status == Service::Status::TemporarilyClosed);
    column.text(ctx.text(service->description), TextStyle::Body);
    column.gap(24);

    for (const auto& phone : service->phones) {
        Rect r = ui.place({bounds.x, column.y(), std::min(bounds.w, ui.px(620)), ui.px(theme::touch_target)}, bounds);
        if (ui.button("tel." + phone.number, r, std::string(_("Call")) + "  " + phone.display, ButtonKind::Primary))
            ctx.on_tap([&s = ctx.session, id = "tel:" + phone.number] { s.open(Screen::Contact, id); });
        column.gap(theme::touch_target + 8);
        if (!phone.languages.empty())
            column.text(std::string(_("Spoken on this line:")) + " " + language_list(ctx.content, phone.languages, lang),
                        TextStyle::Small, ui.palette().text_muted);
        column.gap(16);
    }

    draw_week(ctx, column, service->schedule);
    std::string address = format_address(service->address);
    if (auto directions = ctx.text(service->address.directions); !directions.empty()) address += "\n" + std::string(directions);
    column.fact(_("Address"), address);
    column.fact(_("Languages spoken"), language_list(ctx.content, service->languages, lang));

    const auto& e = service->eligibility;
    std::string who;
    auto add = [&](std::string_view s) { who += (who.empty() ? "" : "\n") + std::string(s); };
    if (e.women_only) add(_("Women only"));
    if (e.children) add(_("Children and families welcome"));
    if (e.min_age || e.max_age) {
        char ages[128];
        if (e.min_age && e.max_age) std::snprintf(ages, sizeof ages, _("Ages %d to %d"), *e.min_age, *e.max_age);
        else if (e.min_age) std::snprintf(ages, sizeof ages, _("Age %d and over"), *e.min_age);
        else std::snprintf(ages, sizeof ages, _("Up to age %d"), *e.max_age);
        add(ages);
    }
    add(e.id_required ? _("You need an identity document") : _("No identity document needed"));
    if (e.referral_required) add(_("You need a referral"));
    add(ctx.text(e.notes));
    column.fact(_("Who can come"), who);
    column.fact(_("What to bring"), ctx.text(service->bring));

    std::string cost = service->free ? _("Free") : _("Not free");
    if (auto notes = ctx.text(service->cost_notes); !notes.empty()) cost += ". " + std::string(notes);
    column.fact(_("Cost"), cost);
    std::string access = service->wheelchair ? _("Wheelchair access") : _("No wheelchair access");
    if (auto notes = ctx.text(service->accessibility_notes); !notes.empty()) access += ". " + std::string(notes);
    column.fact(_("Access"), access);
    std::string privacy = service->anonymous ? _("You can stay anonymous") : "";
    if (auto notes = ctx.text(service->confidentiality_notes); !notes.empty())
        privacy += (privacy.empty() ? "" : ". ") + std::string(notes);
    column.fact(_("Privacy"), privacy);

    std::vector<QrItem> codes;
    if (!service->phones.empty())
        codes.push_back({"qr.phone", "tel:" + service->phones[0].number, service->phones[0].display});
    codes.push_back({"qr.address", address_payload(service->address, service->location), _("Address")});
    draw_qr_codes(ctx, column, codes);

    char checked[256];
    std::snprintf(checked, sizeof checked, _("Last checked: %s"), service->last_checked.iso().c_str());
    column.text(checked, TextStyle::Small, ui.palette().text_muted);
    column.gap(40);
    ui.end_scroll(column.y());
}

}  // namespace haven
