#include "content/icons.h"

namespace kiosk::content {

namespace {
// Topics' icons first (kTopicIcons of them), then the home tiles' own.
constexpr size_t kTopicIcons = 14;
}  // namespace

const std::vector<Icon>& icons() {
  static const std::vector<Icon> all = {
      // topics (content/topics/*.en.md `icon`)
      {"apply", "assignment", 0xe85d},
      {"money", "payments", 0xef63},
      {"gavel", "gavel", 0xe90e},
      {"scales", "balance", 0xeaf6},
      {"lifebuoy", "support", 0xef73},
      {"prison", "lock_person", 0xf8f3},
      {"health", "medical_services", 0xf109},
      {"family", "family_restroom", 0xf1a2},
      {"id", "badge", 0xea67},
      {"truck", "local_shipping", 0xe558},
      {"building", "account_balance", 0xe84f},
      {"phone", "call", 0xe0b0},
      {"book", "menu_book", 0xea19},
      {"heart", "favorite", 0xe87d},
      // the home screen's tiles
      {"questions", "contact_support", 0xe94c},
      {"offices", "location_on", 0xe0c8},
      {"guides", "checklist", 0xe6b1},
      {"kids", "child_care", 0xeb41},
      {"search", "search", 0xe8b6},
      {"call", "call", 0xe0b0},
  };
  return all;
}

const Icon* find_icon(std::string_view name) {
  for (const auto& i : icons())
    if (name == i.name) return &i;
  return nullptr;
}

std::vector<std::string> topic_icon_names() {
  std::vector<std::string> out;
  for (size_t i = 0; i < kTopicIcons && i < icons().size(); ++i) out.push_back(icons()[i].name);
  return out;
}

}  // namespace kiosk::content
