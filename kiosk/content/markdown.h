// The small Markdown subset content is written in (paragraphs, bullet and
// numbered lists, bold), parsed with md4c into blocks the screens can draw.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

struct Span {
  std::string text;
  bool bold = false;
};

struct Block {
  enum class Type { Paragraph, Bullet, Numbered };
  Type type = Type::Paragraph;
  int number = 0;  // for Numbered
  std::vector<Span> spans;
  std::string plain() const;
};

struct MarkdownProblem {
  size_t offset;  // byte offset into the source text
  std::string message;
};

// Parses md; anything outside the subset is reported in *problems (if given)
// and its text is kept as plain text.
std::vector<Block> parse_markdown(std::string_view md, std::vector<MarkdownProblem>* problems = nullptr);

// Plain text of a Markdown body (for search and speech).
std::string markdown_plain(std::string_view md);

}  // namespace kiosk::content
