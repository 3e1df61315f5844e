// The staff tool's JSON output, built with nlohmann-json.
#include "tools/lib/json.h"

#include "content/markdown.h"
#include "content/schema.h"
#include "content/search.h"
#include "content/store.h"

namespace kiosk::tools {

std::string json_line(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json item_json(content::Store& store, const content::Item& item, const std::string& kind,
                         const std::string& locale) {
  nlohmann::ordered_json j;
  j["id"] = item.id;
  j["kind"] = kind;
  j["title"] = store.text(item.id, content::title_field(kind), locale);
  // the first phone of an office's phones or a phone line's phone
  if (auto phone = item.value("phones"); !phone.empty()) j["phone"] = phone;
  else if (auto line = item.value("phone"); !line.empty()) j["phone"] = line;
  if (auto street = item.value("street"); !street.empty())
    j["address"] = street + ", " + item.value("town") + (item.value("zip").empty() ? "" : " " + item.value("zip"));
  j["body"] = content::markdown_plain(store.text(item.id, "body", locale));
  return j;
}

nlohmann::ordered_json result_json(const content::SearchResult& r) {
  return {{"id", r.id}, {"kind", r.kind}, {"title", r.title}, {"snippet", r.snippet}};
}

}  // namespace kiosk::tools
