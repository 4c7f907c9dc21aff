// Dear ImGui allocates its draw lists (every glyph quad drawn), vertex buffers and internal strings
// through ImGui::MemAlloc/MemFree. These allocator functions overwrite each block before freeing it.
#pragma once

namespace haven {

void use_wiping_imgui_allocator();  // before ImGui::CreateContext()

// Frees the draw list memory ImGui keeps from frame to frame (overwritten on the way out): a list only
// grows, so the tail past a short screen still holds the quads of the long article drawn before it.
void release_imgui_draw_memory();

}  // namespace haven
