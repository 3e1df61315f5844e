#!/bin/bash
# The print_cups test: a real CUPS with the cups-pdf printer. Starts cupsd
# when it is not running, adds the queue kiosk-test-pdf (cups-pdf's PPD),
# runs print_tests "[print-cups]" (three pages through print::Printer, read
# back with pdftotext, then a stopped queue), and leaves the queue enabled.
# Exit 77 (CTest's skip) when not root: adding a printer needs root.
set -uo pipefail
tests=$1
queue=kiosk-test-pdf
if [[ $(id -u) -ne 0 ]]; then
  echo "print_cups: skipped: adding a CUPS printer needs root"
  exit 77
fi
for tool in cupsd lpadmin cupsenable cupsdisable cupsaccept lpstat pdftotext; do
  command -v "$tool" >/dev/null || { echo "print_cups: $tool is missing: run scripts/setup.sh (cups, printer-driver-cups-pdf, poppler-utils)" >&2; exit 1; }
done
ppd=$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd /usr/share/cups/model/CUPS-PDF_noopt.ppd 2>/dev/null | head -1)
[[ -n $ppd ]] || { echo "print_cups: no CUPS-PDF_noopt.ppd (printer-driver-cups-pdf)" >&2; exit 1; }

# cupsd: the system's when it runs, else one started here (and stopped at the end)
started=
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  if command -v systemctl >/dev/null && systemctl start cups 2>/dev/null; then :; else
    cupsd && started=yes
  fi
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
fi
lpstat -r 2>/dev/null | grep -q "is running" || { echo "print_cups: cupsd did not start" >&2; exit 1; }

cleanup() {
  cupsenable "$queue" 2>/dev/null
  cupsaccept "$queue" 2>/dev/null
  if [[ -n $started ]]; then
    kill "$(cat /run/cups/cupsd.pid 2>/dev/null || pgrep -o -x cupsd)" 2>/dev/null
  fi
}
trap cleanup EXIT

lpadmin -p "$queue" -v cups-pdf:/ -E -P "$ppd" 2>/dev/null || lpadmin -p "$queue" -v cups-pdf:/ -E -m "lsb/usr/cups-pdf/$(basename "$ppd")" || exit 1
# cups-pdf turns the job back into a PDF through PostScript: with poppler's
# pdftocairo as that step the text stays text, for pdftotext to read back.
lpadmin -p "$queue" -o pdftops-renderer-default=pdftocairo || exit 1
cupsenable "$queue" && cupsaccept "$queue" || exit 1

# Where cups-pdf writes: its "Out" setting (${HOME} is the job owner's home:
# root's here), else its default.
out=$(sed -n 's/^[[:space:]]*Out[[:space:]]\+//p' /etc/cups/cups-pdf.conf 2>/dev/null | tail -1)
out=${out:-/var/spool/cups-pdf/\$\{USER\}}
out=${out//\$\{HOME\}/$HOME}
out=${out//\$\{USER\}/$(id -un)}
mkdir -p "$out"
echo "print_cups: queue $queue, cups-pdf writes to $out"
KIOSK_PRINT_QUEUE=$queue KIOSK_PRINT_OUT=$out "$tests" "[print-cups]" --warn NoTests || exit 1
# the kiosk itself: a visitor taps Print on an office page, the PDF arrives
if [[ -n ${2:-} ]]; then
  KIOSK_PRINT_QUEUE=$queue KIOSK_PRINT_OUT=$out SDL_VIDEODRIVER=dummy "$2" "[.print-kiosk-cups]" --warn NoTests || exit 1
fi
