// The frame drawn around every screen of a visit, once, by the shell (not by each screen): back, home,
// emergency and quick exit in the top bar, and the demonstration notice.
#pragma once

#include "screen_context.hpp"

namespace haven {

// Draws the top bar; returns the area left for the screen.
Rect draw_shell_top(ScreenContext& ctx, Rect window);
// Draws the bottom notice for demonstration packs; returns the area left for the screen.
Rect draw_shell_bottom(ScreenContext& ctx, Rect area);

}  // namespace haven
