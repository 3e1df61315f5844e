// md4c-driven parsing of the content Markdown subset.
#include "content/markdown.h"

#include <md4c.h>

namespace kiosk::content {

std::string Block::plain() const {
  std::string s;
  for (const auto& sp : spans) s += sp.text;
  return s;
}

namespace {
struct Ctx {
  std::string_view src;
  std::vector<Block> blocks;
  std::vector<MarkdownProblem>* problems;
  std::vector<MD_BLOCKTYPE> stack;
  std::vector<int> ol_counter;
  int bold = 0;
  bool in_block = false;
  size_t last_offset = 0;
  std::vector<std::string> pending;  // problems waiting for a text position

  void problem(std::string msg) { pending.push_back(std::move(msg)); }
  void flush(size_t off) {
    if (!problems) { pending.clear(); return; }
    for (auto& m : pending) problems->push_back({off, std::move(m)});
    pending.clear();
  }
  Block& current() {
    if (!in_block) {
      blocks.push_back({});
      in_block = true;
      // the innermost list decides the block type
      for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        if (*it == MD_BLOCK_UL) { blocks.back().type = Block::Type::Bullet; break; }
        if (*it == MD_BLOCK_OL) {
          blocks.back().type = Block::Type::Numbered;
          blocks.back().number = ol_counter.empty() ? 1 : ol_counter.back();
          break;
        }
      }
    }
    return blocks.back();
  }
};

const char* block_name(MD_BLOCKTYPE t) {
  switch (t) {
    case MD_BLOCK_H: return "a heading (#)";
    case MD_BLOCK_QUOTE: return "a quote (>)";
    case MD_BLOCK_CODE: return "a code block";
    case MD_BLOCK_HTML: return "HTML";
    case MD_BLOCK_HR: return "a horizontal line";
    case MD_BLOCK_TABLE: return "a table";
    default: return "an unsupported block";
  }
}

const char* span_name(MD_SPANTYPE t) {
  switch (t) {
    case MD_SPAN_EM: return "italics (*text* or _text_)";
    case MD_SPAN_A: return "a link";
    case MD_SPAN_IMG: return "an image";
    case MD_SPAN_CODE: return "code (`text`)";
    case MD_SPAN_DEL: return "strikethrough";
    default: return "unsupported formatting";
  }
}

int enter_block(MD_BLOCKTYPE t, void* detail, void* ud) {
  auto* c = static_cast<Ctx*>(ud);
  switch (t) {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_UL: break;
    case MD_BLOCK_OL: c->ol_counter.push_back(static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)); break;
    case MD_BLOCK_LI: c->in_block = false; break;
    case MD_BLOCK_P: c->in_block = false; break;
    default: c->problem(std::string("Markdown outside the supported subset: ") + block_name(t) +
                        " (use paragraphs, - lists, 1. lists and **bold** only)");
  }
  c->stack.push_back(t);
  return 0;
}

int leave_block(MD_BLOCKTYPE t, void*, void* ud) {
  auto* c = static_cast<Ctx*>(ud);
  if (t == MD_BLOCK_OL && !c->ol_counter.empty()) c->ol_counter.pop_back();
  if (t == MD_BLOCK_LI) {
    if (!c->ol_counter.empty()) ++c->ol_counter.back();
    c->in_block = false;
  }
  if (t == MD_BLOCK_P) c->in_block = false;
  if (!c->stack.empty()) c->stack.pop_back();
  return 0;
}

int enter_span(MD_SPANTYPE t, void*, void* ud) {
  auto* c = static_cast<Ctx*>(ud);
  if (t == MD_SPAN_STRONG) ++c->bold;
  else c->problem(std::string("Markdown outside the supported subset: ") + span_name(t) +
                  " (write web addresses as plain text; only **bold** is allowed)");
  return 0;
}

int leave_span(MD_SPANTYPE t, void*, void* ud) {
  auto* c = static_cast<Ctx*>(ud);
  if (t == MD_SPAN_STRONG) --c->bold;
  return 0;
}

int text_cb(MD_TEXTTYPE t, const MD_CHAR* text, MD_SIZE size, void* ud) {
  auto* c = static_cast<Ctx*>(ud);
  size_t off = static_cast<size_t>(text - c->src.data());
  if (off > c->src.size()) off = c->last_offset;  // md4c passes static strings for some entities
  c->last_offset = off;
  c->flush(off);
  if (t == MD_TEXT_HTML) {
    if (c->problems) c->problems->push_back({off, "HTML is not allowed in content text"});
    return 0;
  }
  std::string s = (t == MD_TEXT_BR || t == MD_TEXT_SOFTBR) ? std::string(" ") : std::string(text, size);
  Block& b = c->current();
  bool bold = c->bold > 0;
  if (!b.spans.empty() && b.spans.back().bold == bold) b.spans.back().text += s;
  else b.spans.push_back({s, bold});
  return 0;
}
}  // namespace

std::vector<Block> parse_markdown(std::string_view md, std::vector<MarkdownProblem>* problems) {
  Ctx c{md, {}, problems, {}, {}, 0, false, 0, {}};
  MD_PARSER p{};
  p.flags = 0;  // HTML stays recognisable, so the validator can refuse it
  p.enter_block = enter_block;
  p.leave_block = leave_block;
  p.enter_span = enter_span;
  p.leave_span = leave_span;
  p.text = text_cb;
  md_parse(md.data(), static_cast<MD_SIZE>(md.size()), &p, &c);
  c.flush(c.last_offset);
  return std::move(c.blocks);
}

std::string markdown_plain(std::string_view md) {
  std::string out;
  for (const auto& b : parse_markdown(md)) {
    if (!out.empty()) out += '\n';
    out += b.plain();
  }
  return out;
}

}  // namespace kiosk::content
