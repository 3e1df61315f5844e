// The printer behind the kiosk, through CUPS (libcups over IPP): what state
// it is in, in words for staff, and a PDF sent to it as a job. A worker
// thread renders and prints so the UI thread never waits on CUPS.
#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "print/pdf.h"

namespace kiosk::print {

enum class PrinterState { Ready, Offline, OutOfPaper, Jammed, Stopped, Missing, Unknown };
const char* state_name(PrinterState s);  // "ready", "offline", "out_of_paper", ...

struct PrinterStatus {
  PrinterState state = PrinterState::Unknown;
  std::vector<std::string> reasons;  // printer-state-reasons as CUPS gives them ("media-empty-error")
  std::string message;               // printer-state-message, when the printer says one
  std::string staff_line;            // English, for the staff menu and the log
  bool ready() const { return state == PrinterState::Ready; }
};

// What a printer's IPP attributes mean (printer-state 3 idle, 4 processing,
// 5 stopped; its reasons; whether it accepts jobs): a jam before no paper
// before offline before stopped. Pure, for the tests.
PrinterState classify(int printer_state, const std::vector<std::string>& reasons, bool accepting);
// "Printer \"lobby\" is out of paper: load paper, ..." for staff.
std::string staff_words(PrinterState s, const std::string& queue, const std::vector<std::string>& reasons,
                        const std::string& message);

// The CUPS media option for a rendered page: "Letter", or a custom size for a
// receipt cut to its length ("Custom.80x143mm"), so the queue's default paper
// (often A4) does not shrink or pad the page.
std::string cups_media(const Rendered& r, Paper paper);

struct SubmitResult {
  bool printed = false;  // CUPS took the job and it completed (or was still printing on a ready printer)
  int job_id = 0;
  PrinterStatus status;  // the printer's state when it failed (or after the job)
  std::string error;     // why not, for staff ("" when printed)
};

class Printer {
public:
  // `queue`: a CUPS queue name (lpstat -p). `timeout_ms` bounds each wait
  // on the CUPS server (connecting, each IPP answer); `confirm_ms` is how long
  // submit() watches the job for a jam or an empty tray before it says printed.
  explicit Printer(std::string queue, int timeout_ms = 3000, int confirm_ms = 20000);
  const std::string& queue() const { return queue_; }

  // The printer's state (IPP Get-Printer-Attributes). Takes at most
  // timeout_ms (Unknown, "CUPS is not answering", when the server does not
  // answer in time).
  PrinterStatus state() const;
  // Checks the state, then sends the PDF (Create-Job, Send-Document) and
  // watches the job until it completes, fails, or confirm_ms pass. A printer
  // that is not ready gets no job (it would print later, for nobody); a job
  // the printer stops on (jam, no paper) is cancelled. At most about
  // 3 x timeout_ms + confirm_ms.
  // `media`: the job's media option (cups_media()), "" = the queue's default.
  SubmitResult submit(const std::string& pdf, const std::string& title, const std::string& media = "") const;

private:
  std::string queue_;
  int timeout_ms_, confirm_ms_;
};

// What the app shows and says after a print: the visitor's words by catalog
// key, and a line for staff (the staff menu and the log).
struct PrintOutcome {
  bool printed = false;
  std::string visitor_key;  // "print.ready" (Your page is ready below the screen.) or "print.failed"
  std::string staff_line;   // "" when printed
  PrinterStatus status;
  int job_id = 0;
};

// Renders and prints on a thread of its own, one page at a time. Every call
// returns at once (a mutex, never held across CUPS).
class PrintWorker {
public:
  // `on_done` (optional) is called on the worker's thread after each print
  // and each state check: the app wakes its event loop there (an SDL user
  // event), then calls take() and last_state() on its own thread.
  PrintWorker(Printer printer, Paper paper, std::function<void()> on_done = {});
  ~PrintWorker();
  PrintWorker(const PrintWorker&) = delete;
  PrintWorker& operator=(const PrintWorker&) = delete;

  // Queues the page; false when a page is already printing (keep showing "Printing").
  bool print(PrintPage page);
  bool busy() const;
  // The outcome of the last print, once.
  std::optional<PrintOutcome> take();
  // The printer's state as last checked: at start, after each job and after refresh().
  PrinterStatus last_state() const;
  void refresh();
  // A state check is asked for or under way (last_state() is about to change).
  bool checking() const;

private:
  void run();
  Printer printer_;
  Paper paper_;
  std::function<void()> on_done_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::optional<PrintPage> job_;
  bool working_ = false, check_ = true, checking_ = false, stop_ = false;
  std::optional<PrintOutcome> done_;
  PrinterStatus state_;
  std::thread thread_;
};

}  // namespace kiosk::print
