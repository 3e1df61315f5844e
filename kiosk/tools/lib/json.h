// The staff tool's JSON output (dump --json, search --json): one object per
// line (keys in a fixed order), built with nlohmann-json, and valid JSON
// whatever a database holds.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::content {
class Store;
struct Item;
struct SearchResult;
}  // namespace kiosk::content

namespace kiosk::tools {

// One line of output: compact, and text that is not UTF-8 (a database built
// by something else, or damaged) shown as U+FFFD instead of breaking the JSON.
std::string json_line(const nlohmann::ordered_json& j);

// What a visitor reads of one item in `locale`: id, kind, title, the first
// phone and the address when it has them, and the body as plain text.
nlohmann::ordered_json item_json(content::Store& store, const content::Item& item, const std::string& kind,
                         const std::string& locale);

// One search result: id, kind, title and snippet.
nlohmann::ordered_json result_json(const content::SearchResult& r);

}  // namespace kiosk::tools
