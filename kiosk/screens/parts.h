// Pieces the visitor's screens share: titles, Markdown bodies, phone and
// office cards, and the small layout steps between them.
#pragma once
#include "content/model.h"
#include "screens/screens.h"

namespace kiosk::screens {

void gap(Ctx& c, float ems);
// A card: a surface behind whatever is drawn between card_begin and card_end
// (not nested).
struct Card {
  ImVec2 start;
  float pad, right;
};
Card card_begin(Ctx& c);
void card_end(Ctx& c, const Card& k);
// A card with text on the left and a QR code at its top right: what is drawn
// between the two calls goes left of the code.
struct QrCard {
  Card card;
  float top, side;
};
QrCard qr_card_begin(Ctx& c, float side);
void qr_card_end(Ctx& c, const QrCard& q, const std::string& payload, const std::string& label, const std::string& caption);
void title(Ctx& c, const std::string& text);
void section(Ctx& c, const std::string& text);
// A content body in the content's Markdown subset (paragraphs, lists, bold).
void markdown(Ctx& c, const std::string& md, ImFont* font = nullptr);
// "Support Enforcement Services, Judicial Branch" for "SES".
std::string agency_name(const Ctx& c, const std::string& agency);
// A phone line: name, the number large, hours, and (full) what it is for.
void phone_card(Ctx& c, const content::Contact& line, bool full);
// An office as a row that opens it: name, agency, street and phone.
bool office_row(Ctx& c, const content::Office& o);
// A row; large text on a short screen: its title in the bold text size, so
// more than one is in view beside the keyboard.
bool compact_row(Ctx& c, const std::string& title, const std::string& subtitle);
// The office's address and phone as plain text (what its QR code carries).
std::string office_card_text(const Ctx& c, const content::Office& o);
// Chips in a wrapping line; returns the index tapped or -1.
int chips(Ctx& c, const std::vector<std::string>& labels, int selected);
// Puts the cursor on cell i of a grid of `cols` columns, each `w` wide with
// `gap` between, whose first column starts at x0 (GetCursorPosX() before the
// first cell): beside the cell before it, or at the start of a new line (the
// caller adds its own space between rows). Right to left (Arabic) the first
// column is the rightmost, so a grid reads in the visitor's direction.
void grid_cell(Ctx& c, int i, int cols, float w, float gap, float x0);
// Rows for related items (FAQs, guides, phone lines) that open them.
void related_rows(Ctx& c, const std::vector<std::string>& ids);
// Typing: the text field and the on-screen keyboard sit together, in a
// footer in portrait and in a side panel in landscape.
struct KeysLayout {
  float footer = 0, side = 0;
  // the em of the panel's margins and field: the text's, or the normal
  // text's when large text would leave the keys shorter than without it
  float em = 0;
};
KeysLayout keys_layout(const Ctx& c);
// Draws the field and the keyboard; asks to set session field `field`.
void keyboard_panel(Ctx& c, const KeysLayout& k, TextField field, const std::string& label, const std::string& text,
                    const std::string& placeholder);
// Opens whatever an id names (answer, guide, office, phone line, kids page).
void open_item(Ctx& c, const std::string& id);
// The Print button under what it prints, with a printer configured (none
// otherwise): "Printing" while a page prints, then what became of it. `page`
// makes the page only when the button is tapped.
void print_button(Ctx& c, const char* id, const std::function<print::PrintPage()>& page);
// The words a printed page needs, in the visitor's language.
print::Words print_words(const Ctx& c);

}  // namespace kiosk::screens
