#include "tools/lib/grades.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "content/markdown.h"
#include "content/schema.h"

extern char** environ;

namespace kiosk::tools {

namespace {

// One sentence per line: a line that does not end a sentence gets a period
// (a trailing colon becomes one), so a list is not one giant sentence.
void add_line(std::string& out, std::string line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.pop_back();
  if (line.empty()) return;
  char last = line.back();
  if (last == ':' || last == ';' || last == ',') line.back() = '.';
  else if (last != '.' && last != '!' && last != '?') line += '.';
  if (!out.empty()) out += "\n\n";
  out += line;
}

void add_markdown(std::string& out, const std::string& md) {
  for (const auto& b : content::parse_markdown(md)) add_line(out, b.plain());
}

}  // namespace

std::string shown_text(content::Store& store, const content::Item& item, const std::string& /*kind*/, const std::string& locale) {
  std::string out;
  add_line(out, store.text(item.id, "summary", locale));  // a guide's
  add_markdown(out, store.text(item.id, "body", locale));
  const int steps = std::atoi(item.value("steps").c_str());
  for (int i = 1; i <= steps; ++i) {
    const std::string p = "step." + std::to_string(i) + ".";
    add_markdown(out, store.text(item.id, p + "title", locale));
    add_markdown(out, store.text(item.id, p + "text", locale));
    const std::string cl = store.text(item.id, p + "checklist", locale);
    for (size_t pos = 0; pos < cl.size();) {
      size_t nl = cl.find('\n', pos);
      if (nl == std::string::npos) nl = cl.size();
      add_markdown(out, cl.substr(pos, nl - pos));
      pos = nl + 1;
    }
  }
  return out;
}

double grade_target(const content::Item& item, const std::string& /*kind*/) {
  return item.value("audience") == "children" ? 3.0 : 6.0;  // a kids' page for children
}

util::Result<double> kincaid(const std::string& text) {
  char in_path[] = "/tmp/kiosk-grade-XXXXXX";
  int in = ::mkstemp(in_path);
  if (in < 0) return {0, std::string("cannot make a temporary file: ") + std::strerror(errno)};
  ::unlink(in_path);
  for (size_t done = 0; done < text.size();) {
    ssize_t n = ::write(in, text.data() + done, text.size() - done);
    if (n <= 0) { ::close(in); return {0, "cannot write a temporary file"}; }
    done += static_cast<size_t>(n);
  }
  ::lseek(in, 0, SEEK_SET);
  int out[2];
  if (::pipe(out) != 0) { ::close(in); return {0, "cannot make a pipe"}; }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in, 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  char arg0[] = "style", arg1[] = "-L", arg2[] = "en";
  char* argv[] = {arg0, arg1, arg2, nullptr};
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "style", &fa, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(in);
  ::close(out[1]);
  if (rc != 0) {
    ::close(out[0]);
    return {0, rc == ENOENT ? "the program 'style' was not found: install the Debian package diction (apt-get install diction)"
                            : std::string("cannot run style: ") + std::strerror(rc)};
  }
  std::string report;
  char buf[4096];
  for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;) report.append(buf, static_cast<size_t>(n));
  ::close(out[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  auto at = report.find("Kincaid:");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || at == std::string::npos)
    return {0, "style gave no Kincaid grade" + (report.empty() ? std::string() : ": " + report.substr(0, 200))};
  return {std::strtod(report.c_str() + at + 8, nullptr), ""};
}

util::Result<std::vector<Grade>> grade_items(content::Store& store, const std::string& locale) {
  std::vector<Grade> out;
  for (const auto& k : content::kinds())
    for (const auto& it : store.items(k.kind)) {
      const char* kind = k.kind;
      Grade g;
      g.kind = kind;
      g.id = it.id;
      g.title = store.text(it.id, k.title, locale);
      g.text = shown_text(store, it, kind, locale);
      g.target = grade_target(it, kind);
      if (g.text.empty()) continue;
      auto grade = kincaid(g.text);
      if (!grade.ok()) return {{}, std::move(grade.why)};
      g.grade = grade.value;
      out.push_back(std::move(g));
    }
  return {std::move(out), ""};
}

}  // namespace kiosk::tools
