// CUPS through libcups: printer state over IPP, a PDF as a job, and the
// worker thread that keeps both off the UI thread (print/printer.h).
#include "print/printer.h"

#include <chrono>
#include <cups/cups.h>
#include <memory>

namespace kiosk::print {

const char* state_name(PrinterState s) {
  switch (s) {
    case PrinterState::Ready: return "ready";
    case PrinterState::Offline: return "offline";
    case PrinterState::OutOfPaper: return "out_of_paper";
    case PrinterState::Jammed: return "jammed";
    case PrinterState::Stopped: return "stopped";
    case PrinterState::Missing: return "missing";
    case PrinterState::Unknown: return "unknown";
  }
  return "unknown";
}

namespace {

// "media-empty-error" -> "media-empty"; *report: an informational reason.
std::string bare(const std::string& r, bool* report = nullptr) {
  for (const char* suffix : {"-error", "-warning", "-report"}) {
    const std::string s = suffix;
    if (r.size() > s.size() && r.compare(r.size() - s.size(), s.size(), s) == 0) {
      if (report) *report = s == "-report";
      return r.substr(0, r.size() - s.size());
    }
  }
  if (report) *report = false;
  return r;
}

bool has(const std::vector<std::string>& reasons, std::initializer_list<const char*> names, bool reports_count) {
  for (const auto& r : reasons) {
    bool report = false;
    const std::string b = bare(r, &report);
    if (report && !reports_count) continue;
    for (const char* n : names)
      if (b == n) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v)
    if (s != "none") out += (out.empty() ? "" : ", ") + s;
  return out;
}

struct HttpDel {
  void operator()(http_t* h) const { httpClose(h); }
};
using Http = std::unique_ptr<http_t, HttpDel>;
struct IppDel {
  void operator()(ipp_t* i) const { ippDelete(i); }
};
using Ipp = std::unique_ptr<ipp_t, IppDel>;

// A connection to the local CUPS server (its socket, else localhost:631)
// whose every wait gives up after timeout_ms: no timeout callback, so a wait
// that runs out fails instead of asking to go on.
Http connect(int timeout_ms) {
  http_t* h = httpConnect2(cupsServer(), ippPort(), nullptr, AF_UNSPEC, cupsEncryption(), 1, timeout_ms, nullptr);
  if (h) httpSetTimeout(h, timeout_ms / 1000.0, nullptr, nullptr);
  return Http(h);
}

std::string printer_uri(const std::string& queue) {
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/printers/%s",
                   queue.c_str());
  return uri;
}

PrinterStatus unknown(const std::string& queue, const std::string& why) {
  PrinterStatus st;
  st.state = PrinterState::Unknown;
  st.message = why;
  st.staff_line = staff_words(st.state, queue, {}, why);
  return st;
}

PrinterStatus query(http_t* http, const std::string& queue) {
  ipp_t* req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
  const std::string uri = printer_uri(queue);
  ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
  static const char* const want[] = {"printer-state", "printer-state-reasons", "printer-is-accepting-jobs",
                                     "printer-state-message"};
  ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 4, nullptr, want);
  Ipp resp(cupsDoRequest(http, req, "/"));  // frees req
  if (!resp) return unknown(queue, cupsLastErrorString());
  const ipp_status_t code = ippGetStatusCode(resp.get());
  PrinterStatus st;
  if (code == IPP_STATUS_ERROR_NOT_FOUND) {
    st.state = PrinterState::Missing;
    st.staff_line = staff_words(st.state, queue, {}, "");
    return st;
  }
  if (code > IPP_STATUS_OK_CONFLICTING) return unknown(queue, cupsLastErrorString());
  int state = 0;
  bool accepting = true;
  if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "printer-state", IPP_TAG_ENUM)) state = ippGetInteger(a, 0);
  if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
    accepting = ippGetBoolean(a, 0) != 0;
  if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "printer-state-reasons", IPP_TAG_KEYWORD))
    for (int i = 0; i < ippGetCount(a); ++i)
      if (const char* r = ippGetString(a, i, nullptr)) st.reasons.emplace_back(r);
  if (ipp_attribute_t* a = ippFindAttribute(resp.get(), "printer-state-message", IPP_TAG_TEXT))
    if (const char* m = ippGetString(a, 0, nullptr)) st.message = m;
  st.state = classify(state, st.reasons, accepting);
  st.staff_line = staff_words(st.state, queue, st.reasons, st.message);
  return st;
}

// job-state: 3 pending, 4 held, 5 processing, 6 stopped, 7 canceled, 8 aborted, 9 completed.
int job_state(http_t* http, int job) {
  ipp_t* req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
  char uri[HTTP_MAX_URI];
  httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", ippPort(), "/jobs/%d", job);
  ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri);
  ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr, "job-state");
  Ipp resp(cupsDoRequest(http, req, "/"));
  if (!resp) return 0;
  ipp_attribute_t* a = ippFindAttribute(resp.get(), "job-state", IPP_TAG_ENUM);
  return a ? ippGetInteger(a, 0) : 0;
}

}  // namespace

PrinterState classify(int printer_state, const std::vector<std::string>& reasons, bool accepting) {
  if (has(reasons, {"media-jam", "jam"}, false)) return PrinterState::Jammed;
  if (has(reasons, {"media-empty", "media-needed", "input-tray-missing"}, false)) return PrinterState::OutOfPaper;
  if (has(reasons, {"offline", "shutdown", "timed-out", "connecting-to-device"}, true)) return PrinterState::Offline;
  if (printer_state == 5 || !accepting || has(reasons, {"paused", "moving-to-paused"}, true))
    return PrinterState::Stopped;
  if (printer_state == 3 || printer_state == 4) return PrinterState::Ready;
  return PrinterState::Unknown;
}

std::string staff_words(PrinterState s, const std::string& queue, const std::vector<std::string>& reasons,
                        const std::string& message) {
  const std::string p = "Printer \"" + queue + "\"";
  std::string detail = joined(reasons);
  if (!message.empty()) detail += (detail.empty() ? "" : "; ") + message;
  const std::string tail = detail.empty() ? "" : " (" + detail + ")";
  switch (s) {
    case PrinterState::Ready: return p + " is ready.";
    case PrinterState::Offline:
      return p + " is offline" + tail + ": check its power and cable. Visitors are told to scan the code instead.";
    case PrinterState::OutOfPaper:
      return p + " is out of paper" + tail + ": load paper. Visitors are told to scan the code instead.";
    case PrinterState::Jammed:
      return p + " is jammed" + tail + ": open it and clear the paper. Visitors are told to scan the code instead.";
    case PrinterState::Stopped:
      return p + " is stopped" + tail + ": fix it, then resume it (cupsenable " + queue + " and cupsaccept " + queue +
             "). Visitors are told to scan the code instead.";
    case PrinterState::Missing:
      return p + " does not exist in CUPS: check [printer] queue in the kiosk's settings (lpstat -p lists the queues).";
    case PrinterState::Unknown:
      return p + ": CUPS is not answering" + tail + ". Check that cups is running (systemctl status cups).";
  }
  return p + ": unknown state.";
}

Printer::Printer(std::string queue, int timeout_ms, int confirm_ms)
    : queue_(std::move(queue)), timeout_ms_(timeout_ms), confirm_ms_(confirm_ms) {}

PrinterStatus Printer::state() const {
  Http http = connect(timeout_ms_);
  if (!http) return unknown(queue_, cupsLastErrorString());
  return query(http.get(), queue_);
}

std::string cups_media(const Rendered& r, Paper paper) {
  if (paper == Paper::Letter) return "Letter";
  const long mm = static_cast<long>(r.height_pt / 72.0 * 25.4 + 0.999);
  return "Custom.80x" + std::to_string(mm) + "mm";
}

SubmitResult Printer::submit(const std::string& pdf, const std::string& title, const std::string& media) const {
  SubmitResult r;
  Http http = connect(timeout_ms_);
  if (!http) {
    r.status = unknown(queue_, cupsLastErrorString());
    r.error = r.status.staff_line;
    return r;
  }
  r.status = query(http.get(), queue_);
  if (!r.status.ready()) {
    r.error = r.status.staff_line;
    return r;
  }
  cups_option_t* options = nullptr;
  int num_options = 0;
  if (!media.empty()) num_options = cupsAddOption("media", media.c_str(), num_options, &options);
  r.job_id = cupsCreateJob(http.get(), queue_.c_str(), title.c_str(), num_options, options);
  cupsFreeOptions(num_options, options);
  if (r.job_id <= 0) {
    r.error = "Printer \"" + queue_ + "\" refused the job: " + cupsLastErrorString();
    return r;
  }
  bool sent = cupsStartDocument(http.get(), queue_.c_str(), r.job_id, "page.pdf", CUPS_FORMAT_PDF, 1) ==
              HTTP_STATUS_CONTINUE;
  sent = sent && cupsWriteRequestData(http.get(), pdf.data(), pdf.size()) == HTTP_STATUS_CONTINUE;
  sent = cupsFinishDocument(http.get(), queue_.c_str()) <= IPP_STATUS_OK_CONFLICTING && sent;
  if (!sent) {
    r.error = "Printer \"" + queue_ + "\" did not take the page: " + cupsLastErrorString();
    cupsCancelJob2(http.get(), queue_.c_str(), r.job_id, 0);
    return r;
  }
  // Watch the job: done, failed, or the printer stopping on it.
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(confirm_ms_);
  for (;;) {
    const int js = job_state(http.get(), r.job_id);
    if (js == 9) {
      r.printed = true;
      break;
    }
    if (js >= 6) {
      r.status = query(http.get(), queue_);
      r.error = "Printer \"" + queue_ + "\" did not print job " + std::to_string(r.job_id) + ": " +
                (r.status.ready() ? std::string("the job was stopped or cancelled") : r.status.staff_line);
      if (js == 6) cupsCancelJob2(http.get(), queue_.c_str(), r.job_id, 0);
      return r;
    }
    r.status = query(http.get(), queue_);
    if (!r.status.ready() && r.status.state != PrinterState::Unknown) {
      // Stopped on this page (no paper, a jam): cancel it, so it does not come
      // out later for the next visitor.
      cupsCancelJob2(http.get(), queue_.c_str(), r.job_id, 0);
      r.error = r.status.staff_line;
      return r;
    }
    if (std::chrono::steady_clock::now() >= until) {
      r.printed = true;  // still printing on a printer with nothing wrong: a slow printer
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  r.status = query(http.get(), queue_);
  return r;
}

PrintWorker::PrintWorker(Printer printer, Paper paper, std::function<void()> on_done)
    : printer_(std::move(printer)), paper_(paper), on_done_(std::move(on_done)), thread_([this] { run(); }) {}

PrintWorker::~PrintWorker() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

bool PrintWorker::print(PrintPage page) {
  std::lock_guard<std::mutex> lock(mu_);
  if (job_ || working_) return false;
  job_ = std::move(page);
  done_.reset();
  cv_.notify_all();
  return true;
}

bool PrintWorker::busy() const {
  std::lock_guard<std::mutex> lock(mu_);
  return job_.has_value() || working_;
}

std::optional<PrintOutcome> PrintWorker::take() {
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<PrintOutcome> out = std::move(done_);
  done_.reset();
  return out;
}

PrinterStatus PrintWorker::last_state() const {
  std::lock_guard<std::mutex> lock(mu_);
  return state_;
}

void PrintWorker::refresh() {
  std::lock_guard<std::mutex> lock(mu_);
  check_ = true;
  cv_.notify_all();
}

bool PrintWorker::checking() const {
  std::lock_guard<std::mutex> lock(mu_);
  return check_ || checking_;
}

void PrintWorker::run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || job_ || check_; });
    if (stop_) return;
    if (job_) {
      PrintPage page = std::move(*job_);
      job_.reset();
      working_ = true;
      lock.unlock();
      PrintOutcome o;
      Rendered pdf = render_pdf(page, paper_);
      if (!pdf.ok()) {
        o.staff_line = "Printing failed: " + pdf.error;
      } else {
        SubmitResult r = printer_.submit(pdf.pdf, "Kiosk page", cups_media(pdf, paper_));
        o.printed = r.printed;
        o.status = r.status;
        o.job_id = r.job_id;
        o.staff_line = r.error;
      }
      o.visitor_key = o.printed ? "print.ready" : "print.failed";
      lock.lock();
      state_ = o.status;
      done_ = std::move(o);
      working_ = false;
      if (on_done_) {
        lock.unlock();
        on_done_();
        lock.lock();
      }
      continue;
    }
    check_ = false;
    checking_ = true;
    lock.unlock();
    PrinterStatus st = printer_.state();
    lock.lock();
    state_ = std::move(st);
    checking_ = false;
    if (on_done_) {
      lock.unlock();
      on_done_();
      lock.lock();
    }
  }
}

}  // namespace kiosk::print
