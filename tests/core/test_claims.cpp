// What the kiosk claims, as the sources say it (issue 17): the Spanish term
// list the validator enforces, "no fee to apply" never without the $35 yearly
// fee, and each correction of the content audit, in English and Spanish.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <regex>

#include "fixtures.h"
#include "i18n/text.h"
#include "tools/lib/model.h"

using namespace kiosk;
using test::all;
using test::has;

namespace {

const char* kSources = "[[source]]\nfile = \"002_655b8a153c870c4a.txt\"\ntitle = \"Brief guide\"\ndate = \"2024-10\"\n";
const char* kTopic = "+++\ntitle = \"Applying\"\nicon = \"apply\"\norder = 1\nsource = \"002_655b8a153c870c4a.txt\"\n"
                     "source_date = \"2024-10\"\nreview_by = 2027-10-01\n+++\nHow to apply.\n";
const char* kFaqEn = "+++\nquestion = \"Who decides?\"\ntopic = \"apply\"\nkeywords = [\"court\"]\n"
                     "source = \"002_655b8a153c870c4a.txt\"\nsource_date = \"2024-10\"\nreview_by = 2027-10-01\n+++\n"
                     "The court decides.\n\nAsk about parentage.\n";
const char* kPoHead = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
const char* kTerms = "[[concept]]\nname = \"court\"\nuse = \"tribunal\"\navoid = [\"corte\", \"cortes\"]\n\n"
                     "[[concept]]\nname = \"parentage\"\nuse = \"filiación\"\nallow = [\"paternidad o maternidad\"]\n"
                     "avoid = [\"paternidad\"]\n";

// Problems of validating a fixture folder with a Spanish FAQ (its body and
// question given), a Spanish UI string and, when given, a term list.
std::vector<std::string> term_problems(const std::string& es_question, const std::string& es_body,
                                       const std::string& es_ui, const std::string& terms = kTerms) {
  test::TempDir d;
  d.file("content/sources.toml", kSources);
  d.file("content/topics/apply.en.md", kTopic);
  d.file("content/faq/who.en.md", kFaqEn);
  d.file("content/faq/who.es.md", "+++\nquestion = \"" + es_question +
                                      "\"\nkeywords = [\"corte\", \"paternidad\"]\n+++\n" + es_body + "\n");
  if (!terms.empty()) d.file("content/terms.es.toml", terms);
  d.file("locales/en.po", std::string(kPoHead) + "msgid \"home.who\"\nmsgstr \"Who decides\"\n\n"
                          "msgid \"keyboard.rows\"\nmsgstr \"qwertyuiop|asdfghjkl|zxcvbnm\"\n");
  d.file("locales/es.po", std::string(kPoHead) + "msgid \"home.who\"\nmsgstr \"" + es_ui + "\"\n");
  return test::validation_messages(d.path);
}

// Every text a visitor reads, per file: each string of the front matter
// (questions, titles, steps, hours...) but the search keywords, and the body;
// and every UI string. English and Spanish.
struct Text {
  std::string where, locale, text;
};
void strings_of(const toml::node& n, const std::string& key, std::vector<std::string>& out) {
  if (key == "keywords") return;
  if (auto s = n.value<std::string>()) out.push_back(*s);
  if (auto* a = n.as_array())
    for (auto& e : *a) strings_of(e, key, out);
  if (auto* t = n.as_table())
    for (auto& [k, v] : *t) strings_of(v, std::string(k.str()), out);
}
const std::vector<Text>& real_texts() {
  static std::vector<Text> texts;
  if (texts.empty()) {
    std::vector<tools::Diag> diags;
    auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
    for (const auto& f : set.files) {
      if (f.locale != "en" && f.locale != "es") continue;
      std::vector<std::string> s;
      strings_of(f.meta, "", s);
      s.push_back(f.body);
      for (auto& x : s) texts.push_back({f.path, f.locale, std::move(x)});
    }
    for (const auto& p : set.po)
      if (p.locale == "en" || p.locale == "es")
        for (const auto& e : p.entries) texts.push_back({p.path + ":" + std::to_string(e.line), p.locale, e.pattern});
  }
  return texts;
}

// A sentence of `text` says applying costs nothing ("It is free to apply",
// "no fee to apply", "Solicitar es gratis", "No se cobra nada por solicitar").
bool says_applying_is_free(const std::string& text, const std::string& locale) {
  static const std::regex sentence(R"([^.!?\n]+)");
  static const std::regex free_en(R"(\b(free|no fee|no application fee|no cost|no charge|does not cost|doesn't cost)\b)");
  static const std::regex apply_en(R"(\b(apply|applying|application)\b)");
  static const std::regex free_es(R"(\b(gratis|gratuit[oa]s?|sin costo|sin cargo|no se cobra|no hay que pagar|no cuesta|no tiene costo)\b)");
  static const std::regex apply_es(R"(\b(solicit\w*|aplicar)\b)");
  const std::string folded = i18n::fold(text);
  for (std::sregex_iterator it(folded.begin(), folded.end(), sentence), end; it != end; ++it) {
    const std::string s = it->str();
    if (locale == "es" ? std::regex_search(s, free_es) && std::regex_search(s, apply_es)
                       : std::regex_search(s, free_en) && std::regex_search(s, apply_en))
      return true;
  }
  return false;
}

std::string joined(const std::string& where_starts) {
  std::string s;
  for (const auto& t : real_texts())
    if (t.where.rfind(where_starts, 0) == 0) s += t.text + "\n";
  return s;
}

}  // namespace

TEST_CASE("validate refuses a Spanish variant that is not the chosen term, at its line", "[content][terms]") {
  SECTION("the chosen terms pass; keywords may use any word") {
    auto p = term_problems("¿Quién decide?", "El tribunal decide.\n\nPregunte por la paternidad o maternidad.", "Quién decide");
    INFO(all(p));
    REQUIRE(p.empty());
  }
  SECTION("a variant in the body, the question and a UI string") {
    auto p = term_problems("¿Decide la Corte?", "El tribunal decide.\n\nPregunte por la paternidad.", "Qué decide la corte");
    INFO(all(p));
    REQUIRE(has(p, "content/faq/who.es.md:2: 'corte' is not the word chosen for court: write 'tribunal'"));
    REQUIRE(has(p, "content/faq/who.es.md:7: 'paternidad' is not the word chosen for parentage: write 'filiación'"));
    REQUIRE(has(p, "es.po:5: 'corte' is not the word chosen for court: write 'tribunal'"));
    REQUIRE(p.size() == 3);
  }
  SECTION("accents and capitals do not hide a variant") {
    auto p = term_problems("¿Quién decide?", "PATERNIDÁD legal.", "Quién decide");
    REQUIRE(has(p, "content/faq/who.es.md:5: 'paternidad' is not the word chosen"));
  }
  SECTION("without a term list nothing is refused") {
    REQUIRE(term_problems("¿Decide la corte?", "La corte decide.", "corte", "").empty());
  }
  SECTION("a broken term list is a problem at its line") {
    auto p = term_problems("¿Quién decide?", "El tribunal decide.", "Quién decide", "[[concept]]\nname = \"court\"\nuse = \"tribunal\"\n");
    INFO(all(p));
    REQUIRE(has(p, "content/terms.es.toml:1: a [[concept]] needs name, use and avoid"));
  }
}

TEST_CASE("the real Spanish content and UI strings use one term per concept", "[content][terms]") {
  std::vector<tools::Diag> diags;
  auto set = tools::load_content(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/locales", diags);
  REQUIRE(std::filesystem::exists(KIOSK_SOURCE_DIR "/content/terms.es.toml"));
  tools::check_terms(set, diags);
  std::string msgs;
  for (auto& d : diags) msgs += d.str() + "\n";
  INFO(msgs);
  REQUIRE(diags.empty());
}

TEST_CASE("no text says applying is free without the $35 yearly fee", "[content][fee]") {
  // the detector itself: the sentences the audit found, and what is right
  REQUIRE(says_applying_is_free("Start here. It is free to apply.", "en"));
  REQUIRE(says_applying_is_free("There is no fee to apply.", "en"));
  REQUIRE(says_applying_is_free("Solicitar es gratis.", "es"));
  REQUIRE(says_applying_is_free("- Solicitar servicios. No se cobra nada por solicitar.", "es"));
  REQUIRE_FALSE(says_applying_is_free("Call the toll-free line. Apply at an office.", "en"));
  int free_texts = 0;
  for (const auto& t : real_texts()) {
    if (!says_applying_is_free(t.text, t.locale)) continue;
    ++free_texts;
    INFO(t.where << ": " << t.text);
    CHECK(t.text.find("$35") != std::string::npos);
  }
  // "no fee to apply" is true (002 line 29) and stays where it was: 12 offices,
  // the apply question, the fee question, the guide (a step and its
  // introduction) and which-office, in both languages
  REQUIRE(free_texts >= 2 * 16);
}

TEST_CASE("the corrections of the content audit stay made, in English and Spanish", "[content][claims]") {
  struct Claim {
    const char* where;   // a file (or the start of one's path), or locales/xx.po:
    const char* absent;  // what the old text said, against or past the sources
    const char* present; // what the sources say ("" when only the absence counts)
  };
  const Claim claims[] = {
      {"content/faq/agencies-ses-help.en.md", "SES main office is at 287", "Administration** office is at 287 Main Street"},
      {"content/faq/agencies-ses-help.en.md", "", "Hartford (Main Office)** is at 999 Asylum Street"},
      {"content/faq/agencies-ses-help.es.md", "oficina principal de SES está en 287", "999 Asylum Street"},
      {"content/faq/agencies-ses-help.en.md", "paternity", "establishing parentage"},
      {"content/contacts/cip.en.md", "if a child you care about has a parent in prison", "statewide phone number"},
      {"content/contacts/cip.es.md", "si un niño que a usted le importa", "para todo el estado"},
      {"content/kids/teens-cip.en.md", "adult you trust, can call", "phone number for the whole state"},
      {"content/kids/teens-cip.es.md", "adulto de confianza, pueden llamar", "para todo el estado"},
      {"content/kids/caregivers-cip.en.md", "Call CIP at", "has been incarcerated"},
      {"content/faq/cip-kids.en.md", "call CIP at", "statewide phone number"},
      {"content/faq/cip-what.en.md", "family member is in prison", "has been incarcerated"},
      {"content/offices/cip-imrp.en.md", "family member is in prison", "has been incarcerated"},
      {"content/offices/cip-imrp.es.md", "tienen en prisión a su padre", "ha estado encarcelado"},
      {"locales/en.po:", "helps children and families when a parent is in prison", "gives grants, does research"},
      {"locales/es.po:", "ayuda a los niños y las familias cuando", "da subvenciones, hace estudios"},
      {"content/faq/contempt-what.en.md", "Often", "In the most serious cases"},
      {"content/faq/contempt-what.es.md", "Muchas veces", "En los casos más graves"},
      {"content/contacts/call-center.en.md", "before you travel", "Please check before you call."},
      {"content/contacts/call-center.es.md", "antes de ir", "confirme el horario antes de llamar"},
      {"content/faq/call-center-hours.en.md", "", "Please check before you call."},
      {"content/faq/access-fair.en.md", "open to everyone who applies", "available to all people who apply or get services, no matter"},
      {"content/faq/access-fair.es.md", "abiertos a todas las personas", "sin importar"},
      {"content/faq/health-childcare-how.en.md", "Most child care", "The most common child care"},
      {"content/faq/health-childcare-how.es.md", "La mayoría de las órdenes", "más común"},
      {"content/faq/hard-cant-pay.en.md", "two ways", "three ways"},
      {"content/faq/hard-cant-pay.en.md", "", "hire a lawyer (an attorney)"},
      {"content/faq/hard-cant-pay.es.md", "dos maneras", "contratar a un abogado"},
      {"content/faq/hard-cant-pay.en.md", "", "local **SES** office"},
      {"content/faq/prison-change.en.md", "", "or the local SES office"},
      {"content/guides/cant-pay.en.md", "", "Ask your local SES office or the call center for a review"},
      {"content/faq/apply-services.en.md", "medical care", "medical support"},
      {"content/faq/apply-services.es.md", "atención médica", "manutención médica"},
      {"content/faq/agencies-legal-advice.en.md", "take the side", "does not represent either the parent who has the child or the parent who pays"},
      {"content/faq/agencies-legal-advice.es.md", "toma el lado", "no representa ni al padre"},
      {"content/faq/payments-info.en.md", "Child Support Information Line", "Child Support Payment Information"},
      {"content/guides/moved.es.md", "cobrará", "descuente la manutención"},
      {"content/faq/apply-how.es.md", "En esta pantalla", "En este quiosco"},
      {"locales/es.po:", "No estás solo.", "No estás solo ni sola."},
  };
  for (const auto& c : claims) {
    const std::string text = joined(c.where);
    INFO(c.where << "\n" << text);
    REQUIRE_FALSE(text.empty());
    if (*c.absent) CHECK(text.find(c.absent) == std::string::npos);
    if (*c.present) CHECK(text.find(c.present) != std::string::npos);
  }
  // words the newer sources replaced, in no English text a visitor reads
  for (const auto& t : real_texts()) {
    if (t.locale != "en") continue;
    INFO(t.where << ": " << t.text);
    CHECK(t.text.find("paternity") == std::string::npos);
    CHECK(t.text.find("Paternity") == std::string::npos);
    CHECK(t.text.find("Information Line") == std::string::npos);
  }
}
