// Scripted steps against a headless app: screenshots, traces, checks.
#include "app/headless.h"

#include "app/loop.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <fstream>
#include <thread>
#include <SDL.h>

namespace kiosk::app {

namespace {
std::string visible_labels(const App& app) {
  std::string out;
  for (const auto& n : app.tree().nodes())
    if (n.visible()) out += (out.empty() ? "" : ", ") + std::string("\"") + n.label + "\"";
  return out;
}

void settle(App& app, int min_frames = 1) {
  app.tick();
  for (int i = 0; i < min_frames || app.wants_frame(); ++i) {
    app.frame();
    app.tick();
    if (i > 60) break;  // something animates forever: do not hang the script
  }
}
}  // namespace

int run_script(App& app, platform::ManualClock& clock, platform::Video& video, const std::vector<Step>& steps,
               const std::string& script_name, const std::string& out_dir) {
  namespace fs = std::filesystem;
  fs::create_directories(out_dir);
  std::ofstream trace(fs::path(out_dir) / "trace.jsonl");
  settle(app, 2);
  // what was said during the last step that did something (not a check)
  auto* recorded = dynamic_cast<platform::RecordedSpeech*>(&app.speech());
  size_t said_from = 0;
  int index = 0;
  for (const auto& st : steps) {
    ++index;
    const bool check = st.verb.rfind("expect", 0) == 0 || st.verb == "screenshot";
    if (!check && recorded) said_from = recorded->said.size();
    auto said_now = [&] {
      std::vector<std::string> out;
      if (recorded)
        for (size_t i = std::min(said_from, recorded->said.size()); i < recorded->said.size(); ++i) out.push_back(recorded->said[i].text);
      return out;
    };
    auto fail = [&](const std::string& why) {
      std::fprintf(stderr, "%s:%d: step %d '%s' failed: %s\n  screen '%s'%s, locale %s, showing: %s\n", script_name.c_str(),
                   st.line, index, st.source.c_str(), why.c_str(), app.screen().c_str(),
                   app.overlay().empty() ? "" : (" with " + app.overlay()).c_str(), app.session().prefs.locale.c_str(),
                   visible_labels(app).c_str());
      return 1;
    };
    const std::string& v = st.verb;
    if (v == "tap") {
      float x, y;
      if (st.args.size() == 2) {
        x = std::stof(st.args[0]);
        y = std::stof(st.args[1]);
      } else {
        const ui::A11yNode* n = app.tree().find(st.args[0]);
        // a bar button behind More (the compact bar: large text, a short
        // screen) is tapped the way a visitor reaches it, through More
        const std::string more = app.catalog().format(app.session().prefs.locale, "header.more");
        if (const ui::A11yNode* m = n || !app.overlay().empty() ? nullptr : app.tree().find(more); m && m->region == "nav") {
          app.handle({platform::InputEvent::Type::PointerDown, m->rect.cx(), m->rect.cy()});
          app.handle({platform::InputEvent::Type::PointerUp, m->rect.cx(), m->rect.cy()});
          settle(app, 2);
          n = app.tree().find(st.args[0]);
        }
        if (!n) return fail("nothing labelled \"" + st.args[0] + "\" is on screen");
        x = n->rect.cx();
        y = n->rect.cy();
      }
      app.handle({platform::InputEvent::Type::PointerDown, x, y});
      app.handle({platform::InputEvent::Type::PointerUp, x, y});
      settle(app, 2);
    } else if (v == "drag") {
      float x1 = std::stof(st.args[0]), y1 = std::stof(st.args[1]), x2 = std::stof(st.args[2]), y2 = std::stof(st.args[3]);
      int ms = st.args.size() > 4 ? std::stoi(st.args[4]) : 300;
      const int n = std::max(2, ms / 16);
      app.handle({platform::InputEvent::Type::PointerDown, x1, y1});
      settle(app, 1);
      for (int i = 1; i <= n; ++i) {
        clock.advance(ms / n);
        app.handle({platform::InputEvent::Type::PointerMove, x1 + (x2 - x1) * static_cast<float>(i) / static_cast<float>(n),
                    y1 + (y2 - y1) * static_cast<float>(i) / static_cast<float>(n)});
        app.frame();
      }
      app.handle({platform::InputEvent::Type::PointerUp, x2, y2});
      settle(app, 2);
    } else if (v == "type") {
      platform::InputEvent ev{platform::InputEvent::Type::Text};
      ev.text = st.args[0];
      app.handle(ev);
      settle(app, 2);
    } else if (v == "key") {
      platform::Key k = platform::key_from_name(st.args[0]);
      if (k == platform::Key::None) return fail("unknown key '" + st.args[0] + "'");
      platform::InputEvent ev{platform::InputEvent::Type::Key};
      ev.key = k;
      app.handle(ev);
      settle(app, 2);
    } else if (v == "advance") {
      // Moves the clock in one-second hops so every deadline on the way fires.
      int64_t ms = static_cast<int64_t>(std::stod(st.args[0]) * 1000);
      while (ms > 0) {
        int64_t hop = std::min<int64_t>(ms, 1000);
        clock.advance(hop);
        ms -= hop;
        app.tick();
        if (app.wants_frame()) app.frame();
      }
      settle(app, 1);
    } else if (v == "scroll-to") {
      // drags the list the way a visitor would (and holds still before
      // lifting, so it does not fly on) until the label is in view
      auto any = [&]() -> const ui::A11yNode* {  // one in view, else the first
        const ui::A11yNode* first = nullptr;
        for (const auto& n : app.tree().nodes())
          if (n.label == st.args[0]) {
            if (n.visible()) return &n;
            if (!first) first = &n;
          }
        return first;
      };
      const ui::A11yNode* n = any();
      for (int tries = 0; n && !n->visible() && tries < 40; ++tries) {
        const float target = n->clip.y + n->clip.h * 0.3f;
        const float d = std::clamp(n->rect.y - target, -n->clip.h * 0.6f, n->clip.h * 0.6f);
        const float x = n->clip.x + n->clip.w * 0.5f, y1 = n->clip.y + n->clip.h * (d > 0 ? 0.8f : 0.2f), y2 = y1 - d;
        app.handle({platform::InputEvent::Type::PointerDown, x, y1});
        settle(app, 1);
        for (int i = 1; i <= 25; ++i) {
          clock.advance(16);
          app.handle({platform::InputEvent::Type::PointerMove, x, y1 + (y2 - y1) * static_cast<float>(std::min(i, 20)) / 20});
          app.frame();
        }
        app.handle({platform::InputEvent::Type::PointerUp, x, y2});
        settle(app, 2);
        n = any();
      }
      if (!n) return fail("nothing labelled \"" + st.args[0] + "\" is on this screen, in view or not");
      if (!n->visible()) return fail("\"" + st.args[0] + "\" could not be scrolled into view");
    } else if (v == "open" || v == "locale") {
      // straight to a route or a language, as a tap on the screen asks for it
      // (kiosk-content proof opens every changed item this way)
      if (v == "locale") {
        app.ask(screens::intent::SetLocale{st.args[0]});
      } else {
        const auto route = session::parse_route(st.args[0], st.args.size() > 1 ? st.args[1] : "");
        if (!route) return fail("no screen '" + st.args[0] + "' with the place '" + (st.args.size() > 1 ? st.args[1] : "") + "'");
        app.ask(screens::intent::Open{*route});
      }
      settle(app, 2);
      if (v == "open" && app.screen() != st.args[0]) return fail("the route '" + st.args[0] + "' did not open");
    } else if (v == "frames") {
      for (int i = 0; i < std::stoi(st.args[0]); ++i) app.frame();
    } else if (v == "screenshot") {
      std::string name = st.args[0];
      if (name.size() < 4 || name.substr(name.size() - 4) != ".png") name += ".png";
      if (auto err = video.screenshot((fs::path(out_dir) / name).string()); !err.empty()) return fail(err);
    } else if (v == "expect") {
      if (!app.tree().find(st.args[0])) return fail("expected \"" + st.args[0] + "\" on screen");
    } else if (v == "expect-not") {
      if (app.tree().find(st.args[0])) return fail("expected \"" + st.args[0] + "\" NOT on screen");
    } else if (v == "expect-screen") {
      if (app.screen() != st.args[0]) return fail("expected screen '" + st.args[0] + "'");
    } else if (v == "expect-locale") {
      if (app.session().prefs.locale != st.args[0]) return fail("expected locale '" + st.args[0] + "'");
    } else if (v == "expect-said" || v == "expect-silent") {
      if (!recorded) return fail("speech is not recorded in this run (--speech espeak): nothing to check");
      const auto said = said_now();
      std::string all;
      bool found = false;
      for (const auto& u : said) {
        all += "\n    \"" + u + "\"";
        if (v == "expect-said" && u.find(st.args[0]) != std::string::npos) found = true;
      }
      if (v == "expect-said" && !found)
        return fail("expected \"" + st.args[0] + "\" to be said; " + (said.empty() ? "nothing was said" : "what was said:" + all));
      if (v == "expect-silent" && !said.empty()) return fail("expected nothing to be said; what was said:" + all);
    } else if (v == "expect-focus") {
      const ui::A11yNode* f = nullptr;
      for (const auto& n : app.tree().nodes()) if (n.focused) f = &n;
      if (!f || f->label != st.args[0])
        return fail("expected focus on \"" + st.args[0] + "\", focus is on " + (f ? "\"" + f->label + "\"" : "nothing"));
    }
    // one trace line per step
    std::string shown = screen_json(app, false).substr(1);
    if (!check) {  // and what the step made the kiosk say
      std::string said;
      for (const auto& u : said_now()) said += (said.empty() ? "" : ",") + json_str(u);
      if (!said.empty()) shown.insert(shown.size() - 1, ",\"said\":[" + said + "]");
    }
    trace << "{\"step\":" << index << ",\"line\":" << st.line << ",\"do\":" << json_str(st.source) << "," << shown << "\n";
  }
  return 0;
}

}  // namespace kiosk::app
