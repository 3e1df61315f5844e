"""Draws the usage report (kiosk-content report runs it): one PNG chart per CSV
table in DIR, with matplotlib's Agg backend (no display), and DIR/index.html:
the kiosks merged, the days covered, each chart with its caption, a link to
its CSV and the same numbers as a plain table (readable without images).

  python3 report_charts.py --dir DIR --zone America/New_York

Exit status 3 when matplotlib is missing (the tool names the package)."""
import argparse
import csv
import html
import os
import sys

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit(3)

VISIT = ("A visit is one touch (or key press) on the attract screen, the screen a kiosk shows "
         "while nobody uses it: the visitor's first touch starts a visit, and the kiosk goes back "
         "to the attract screen after Start over or when left alone.")

# file, title, caption, axis label of the values, chart kind, at most this many bars
CHARTS = [
    ("visits_by_hour.csv", "Visits by hour of day",
     "Visits started in each hour of the day ({zone}), all days together.", "Visits", "columns", None),
    ("visits_by_weekday.csv", "Visits by day of the week",
     "Visits started on each day of the week ({zone}).", "Visits", "columns", None),
    ("languages.csv", "Languages chosen",
     "How often visitors chose each language with a language button.", "Times chosen", "bars", None),
    ("topics.csv", "Topics opened",
     "How often each topic of questions was opened (the {top} most opened in the chart; every one in the table).",
     "Times opened", "bars", 15),
    ("guides.csv", "Guides opened",
     "How often each step-by-step guide was opened (its introduction shown).", "Times opened", "bars", 15),
    ("guides_left.csv", "Where visitors leave a guide",
     "For each guide, how many visitors left it at each step (another screen, Home, Start over or left alone), "
     "and how many finished it.", "Visitors", "bars", 30),
    ("searches_not_found.csv", "Searches that found nothing",
     "Searches that found no answer, as the kiosk keeps them: only the known words (the content's words "
     "and common dictionary words; never a name, a number or an unknown word). The {top} most frequent in the chart.",
     "Times searched", "bars", 20),
]

COLORS = ["#1f5fa8", "#e07b00", "#2a8a3e", "#b3261e", "#6a3d9a", "#8c564b", "#d6619e", "#5f6b73"]


def read_table(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    if len(head) > 1 and head[1] == "content id":  # named by title (report --db): the ids stay in the CSV
        head, body = head[:1] + head[2:], [r[:1] + r[2:] for r in body]
    return head, [(r[0], [int(n) for n in r[1:-1]], int(r[-1])) for r in body]


def short(label, n=38):
    return label if len(label) <= n else label[: n - 1] + "…"


def stacked(ax, rows, kiosks, horizontal):
    """One bar a row, each kiosk's count on the ones before it; the bars' positions."""
    at = list(range(len(rows)))
    base = [0] * len(rows)
    for i, k in enumerate(kiosks):
        vals = [r[1][i] for r in rows]
        color = COLORS[i % len(COLORS)]
        if horizontal:
            ax.barh(at, vals, left=base, label=k, color=color, height=0.7)
        else:
            ax.bar(at, vals, bottom=base, label=k, color=color, width=0.8)
        base = [b + v for b, v in zip(base, vals)]
    return at


def draw(path_png, title, head, rows, kind, value_label, top, zone):
    kiosks = head[1:-1]
    plt.rcParams.update({"font.size": 15, "axes.titlesize": 18, "axes.labelsize": 16,
                         "xtick.labelsize": 14, "ytick.labelsize": 14, "legend.fontsize": 14})
    if kind == "columns":
        fig, ax = plt.subplots(figsize=(12, 6))
        x = stacked(ax, rows, kiosks, horizontal=False)
        labels = [r[0] for r in rows]
        if head[0] == "hour":
            ax.set_xlabel("Hour of day, %s (0 = midnight to 1 am)" % zone)
        else:
            labels = [l[:3] for l in labels]
            ax.set_xlabel("Day of the week, %s" % zone)
        ax.set_xticks(x)
        ax.set_xticklabels(labels)
        ax.set_ylabel(value_label)
        ax.set_xlim(-0.6, len(rows) - 0.4)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", alpha=0.3)
    else:
        rows = rows[:top] if top else rows
        rows = list(reversed(rows))  # the largest on top
        fig, ax = plt.subplots(figsize=(12, max(3.2, 2.0 + 0.5 * len(rows))))
        y = stacked(ax, rows, kiosks, horizontal=True)
        ax.set_yticks(y)
        ax.set_yticklabels([short(r[0]) for r in rows])
        ax.set_xlabel(value_label)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="x", alpha=0.3)
        ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_title(title, loc="left", pad=12)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    if len(kiosks) > 1:
        ax.legend(title="Kiosk", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    fig.savefig(path_png, dpi=100)
    plt.close(fig)


def table_html(head, rows):
    out = ["<table>", "<thead><tr>" + "".join("<th scope=\"col\">%s</th>" % html.escape(h) for h in head) + "</tr></thead>", "<tbody>"]
    for label, vals, total in rows:
        out.append("<tr><th scope=\"row\">%s</th>%s<td>%d</td></tr>" % (
            html.escape(label), "".join("<td>%d</td>" % v for v in vals), total))
    out.append("</tbody></table>")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--zone", required=True)
    args = ap.parse_args()
    d, zone = args.dir, args.zone

    with open(os.path.join(d, "kiosks.csv"), newline="", encoding="utf-8") as f:
        kiosks = list(csv.DictReader(f))
    firsts = [k["first_day"] for k in kiosks if k["first_day"]]
    lasts = [k["last_day"] for k in kiosks if k["last_day"]]
    span = ("from %s to %s" % (min(firsts), max(lasts))) if firsts else "no counts yet"

    page = ["<!DOCTYPE html>", "<html lang=\"en\"><head><meta charset=\"utf-8\">",
            "<title>Kiosk usage report</title>",
            "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.5}"
            "img{max-width:100%;height:auto}table{border-collapse:collapse;margin:1em 0 2em}"
            "th,td{border:1px solid #999;padding:.25em .6em}td{text-align:right}thead th{background:#eee}"
            "tbody th{text-align:left;font-weight:normal}</style></head><body>",
            "<h1>Kiosk usage report</h1>",
            "<p>%d %s merged, %s (hours in %s).</p>" % (len(kiosks), "kiosk" if len(kiosks) == 1 else "kiosks",
                                                        html.escape(span), html.escape(zone)),
            "<ul>"]
    for k in kiosks:
        days = ("%s to %s" % (k["first_day"], k["last_day"])) if k["first_day"] else "no counts"
        page.append("<li><strong>%s</strong> (%s): %s visits, %s</li>" % (
            html.escape(k["kiosk"]), html.escape(k["file"]), html.escape(k["visits"]), html.escape(days)))
    page.append("</ul>")
    page.append("<p>%s The statistics hold counts per hour and nothing else: no time finer than the hour, "
                "no sequence of one visitor's steps. Every number is also in the CSV file linked under its "
                "chart; <a href=\"counts.csv\">counts.csv</a> has every count with its kiosk, and "
                "<a href=\"kiosks.csv\">kiosks.csv</a> the kiosks merged.</p>" % html.escape(VISIT))

    for name, title, caption, value_label, kind, top in CHARTS:
        head, rows = read_table(os.path.join(d, name))
        png = name[:-4] + ".png"
        cap = caption.format(zone=zone, top=top)
        page.append("<h2>%s</h2>" % html.escape(title))
        if not rows or all(total == 0 for _, _, total in rows):
            if os.path.exists(os.path.join(d, png)):
                os.remove(os.path.join(d, png))
            page.append("<p>%s</p><p>Nothing was counted. <a href=\"%s\">%s</a></p>" % (
                html.escape(cap), name, name))
            continue
        draw(os.path.join(d, png), title, head, rows, kind, value_label, top, zone)
        page.append("<figure><img src=\"%s\" alt=\"%s: chart; the same numbers are in the table below\">"
                    "<figcaption>%s <a href=\"%s\">The numbers as CSV (%s)</a>.</figcaption></figure>" % (
                        png, html.escape(title), html.escape(cap), name, name))
        page.append(table_html(head, rows))
    page.append("</body></html>")
    with open(os.path.join(d, "index.html"), "w", encoding="utf-8") as f:
        f.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
