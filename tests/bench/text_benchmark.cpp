// Prints how long the text engine takes and how full the glyph atlas gets. A benchmark, not a test:
// it never fails on timing. Run: build/tests/text-benchmark [PACK_DIR]
#include "glyph_atlas.hpp"
#include "pack_loader.hpp"
#include "text_layout.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <vector>

using namespace haven;
using Clock = std::chrono::steady_clock;

namespace {

// A texture in memory, so the atlas can be filled without a window.
class MemoryTexture final : public GlyphTexture {
public:
    void* create_texture(int w, int h) override {
        pixels_.assign(size_t(w) * size_t(h), 0);
        width_ = w;
        return this;
    }
    void upload(void*, int x, int y, int w, int h, const std::uint32_t* rgba) override {
        for (int j = 0; j < h; ++j) std::copy(rgba + j * w, rgba + (j + 1) * w, pixels_.begin() + (y + j) * width_ + x);
    }

private:
    std::vector<std::uint32_t> pixels_;
    int width_ = 0;
};

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

size_t words(const std::string& s) {
    std::istringstream in(s);
    size_t n = 0;
    for (std::string w; in >> w;) ++n;
    return n;
}

// Paragraphs of the pack's articles in one language, repeated until they hold `target` words.
std::vector<std::string> article(const Content& c, const std::string& lang, size_t target) {
    std::vector<std::string> paragraphs;
    size_t total = 0;
    while (total < target) {
        for (const auto& topic : c.topics) {
            auto body = topic.body.by_language.find(lang);
            if (body == topic.body.by_language.end()) continue;
            for (const auto& block : body->second) {
                std::string text = block.text;
                for (const auto& item : block.items) text += (text.empty() ? "" : " ") + item;
                total += words(text);
                paragraphs.push_back(std::move(text));
                if (total >= target) return paragraphs;
            }
        }
        if (paragraphs.empty()) break;
    }
    return paragraphs;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void bench_article(FontSet& fonts, const Content& c, const std::string& lang, TextDirection direction) {
    const auto paragraphs = article(c, lang, 2000);
    size_t n = 0;
    for (const auto& p : paragraphs) n += words(p);
    TextRequest r;
    r.px = 32;
    r.direction = direction;
    r.max_width = 1920 - 2 * 40;  // the article column at 1080 p
    std::vector<double> cold, cached;
    size_t lines = 0;
    for (int run = 0; run < 7; ++run) {
        TextEngine engine(fonts);
        auto t0 = Clock::now();
        for (const auto& p : paragraphs) {
            r.text = p;
            lines += run == 0 ? engine.layout(r)->lines.size() : (engine.layout(r), 0);
        }
        cold.push_back(ms_since(t0));
        auto t1 = Clock::now();
        for (const auto& p : paragraphs) {
            r.text = p;
            engine.layout(r);
        }
        cached.push_back(ms_since(t1));
    }
    std::printf("%-3s article: %zu words, %zu paragraphs, %zu lines at %.0f px: cold %.1f ms, cached %.3f ms (median of 7)\n",
                lang.c_str(), n, paragraphs.size(), lines, double(r.max_width), median(cold), median(cached));
}

}  // namespace

int main(int argc, char** argv) {
    const char* pack = argc > 1 ? argv[1] : HAVEN_DEMO_PACK;
    auto loaded = load_pack(pack);
    if (!loaded.ok()) {
        std::fprintf(stderr, "cannot load %s\n", pack);
        return 1;
    }
    const Content& c = *loaded.content;

    auto t0 = Clock::now();
    FontSet fonts;
    TextEngine warm(fonts);
    for (const auto& l : c.manifest.languages) { TextRequest r; r.text = l.name; warm.compute(r); }  // loads each script's font
    std::printf("fonts: %zu faces loaded in %.1f ms\n", fonts.face_count(), ms_since(t0));

    bench_article(fonts, c, "ar", TextDirection::RightToLeft);
    bench_article(fonts, c, "bn", TextDirection::LeftToRight);

    // Every text of the pack in every language, at the sizes the screens use, through the atlas.
    MemoryTexture texture;
    GlyphAtlas atlas(fonts, texture);
    TextEngine engine(fonts);
    size_t texts = 0;
    auto t1 = Clock::now();
    auto show = [&](std::string_view text, float px, bool bold, TextDirection d, float width) {
        TextRequest r;
        r.text = text;
        r.px = px;
        r.bold = bold;
        r.direction = d;
        r.max_width = width;
        for (const auto& g : engine.layout(r)->glyphs) atlas.get(g.face, int(px), g.glyph);
        ++texts;
    };
    for (const auto& l : c.manifest.languages) {
        const auto d = l.direction == Direction::RightToLeft ? TextDirection::RightToLeft : TextDirection::LeftToRight;
        auto text = [&](const LocalizedText& t) {
            auto r = c.resolve(t, l.code);
            return r ? std::string_view(*r.value) : std::string_view();
        };
        show(l.name, 32, true, d, 0);
        for (const auto& topic : c.topics) {
            show(text(topic.title), 56, true, d, 1840);
            show(text(topic.title), 42, true, d, 1736);
            show(text(topic.summary), 32, false, d, 1736);
            if (auto body = c.resolve(topic.body, l.code))
                for (const auto& b : *body.value) {
                    show(b.text, b.kind == Block::Kind::Heading ? 42 : 32, b.kind == Block::Kind::Heading, d, 1840);
                    for (const auto& item : b.items) show(item, 32, false, d, 1840);
                }
        }
        for (const auto& s : c.services) {
            show(text(s.name), 56, true, d, 1840);
            show(text(s.name), 42, true, d, 1736);
            show(text(s.description), 32, false, d, 1840);
        }
        for (const auto& k : c.contacts) {
            show(text(k.name), 42, true, d, 1736);
            show(text(k.description), 32, false, d, 1840);
            show(text(k.safety_note), 32, false, d, 1840);
            show(k.phone.display, 96, true, TextDirection::LeftToRight, 0);
        }
        for (const auto& cat : c.categories) show(text(cat.name), 42, true, d, 1736);
    }
    std::printf("atlas after every pack text in all %zu languages: %zu texts, %zu glyphs, %d of %d rows used "
                "(%.0f%% of a %dx%d texture, %s), %.0f ms\n",
                c.manifest.languages.size(), texts, atlas.glyph_count(), atlas.used_height(), atlas.size(),
                100.0 * atlas.used_height() / atlas.size(), atlas.size(), atlas.size(),
                atlas.overflowed() ? "overflowed and was refilled" : "no overflow", ms_since(t1));
    return 0;
}
