// encart: the publisher's command line, built from the same core as the widget (issue 5).
//   encart validate FILE [--format F] [--views FILE]   every skipped article with its reason
//   encart convert FILE -o OUT [--format F] [--views FILE]   any supported input to a bundle v1
//   encart stats FILE [--format F] [--views FILE]      what the sidebar will have to work with
//   encart render FILE --article ID [--views FILE] [--bundle-url URL [--views-url URL]
//                 [--layout tabs] [--most-read-window 24h|7d|30d|all]]
//   encart pack FILE -o DIR [--format F] [--views FILE] [--state FILE [--update]]
//                                                      the archive as a pack (docs/pack.md)
//   encart prune DIR [--older-than HOURS]              remove files earlier packs left behind
//   encart [COMMAND] --help                            usage, on standard output, exit 0
// Exit status: 0 done (skipped articles included), 1 the input cannot be loaded, 2 usage.
#include <malloc.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bundle/feeds.h"
#include "bundle/writer.h"
#include "engine/engine.h"
#include "files.h"
#include "output.h"
#include "pack_command.h"
#include "pack_state.h"
#include "pack_update.h"
#include "render/html.h"
#include "xml_feed.h"

extern const char kWidgetCss[];  // shim/styles.css, generated into the build (CMakeLists.txt)

namespace {

using encart::Bundle;

// Every command, once: the usage line and what it does (usage() and --help print these).
struct Command {
  const char* name;
  const char* synopsis;
  const char* description;
};
constexpr Command kCommands[] = {
    {"validate",
     "encart validate FILE [--format auto|bundle|jsonfeed|wordpress|rss|atom] [--views FILE] [--strict]",
     "Lists every skipped article with its index, field and reason. Exit 1 when the file cannot be\n"
     "loaded, or with --strict when any article is skipped (for a publisher's CI)."},
    {"convert", "encart convert FILE -o OUT [--format F] [--views FILE]",
     "Writes any supported input (bundle, JSON Feed, WordPress, RSS, Atom) as a bundle v1."},
    {"stats", "encart stats FILE [--format F] [--views FILE]",
     "Counts, date range, sections, authors, tags, and what has views, images, summaries."},
    {"render",
     "encart render FILE --article ID [--format F] [--views FILE] [--lang fr|en|ar|ar-MA] [--now ISO-8601]\n"
     "                    [--bundle-url URL [--views-url URL] [--layout stacked|tabs]\n"
     "                    [--most-read-window all|24h|7d|30d]]",
     "Prints the sidebar as static HTML; with --bundle-url, the whole <encart-sidebar> element\n"
     "pre-rendered in a declarative shadow root, adopted by the widget without a layout shift\n"
     "(--layout and --most-read-window as the element's layout and most-read-window).\n"
     "Render from what the widget will load: FILE is what --bundle-url serves, --views FILE what\n"
     "--views-url serves (a warning says when one is given without the other)."},
    {"pack", "encart pack FILE -o DIR [--format F] [--views FILE] [--state FILE [--update]]",
     "Writes the archive as a pack (docs/pack.md): content-addressed files a page fetches part by\n"
     "part, then manifest.json. Re-packing into DIR writes only the files that changed.\n"
     "--state FILE keeps the related lists between packs, and the articles in FILE.archive beside\n"
     "it (outside DIR: never deployed); a re-pack whose articles did not change, only their views,\n"
     "reads the lists instead of ranking them again.\n"
     "--update: FILE holds only the articles added or changed since the last pack; the others\n"
     "come from the state, and only the related lists the changes reach are ranked again (the\n"
     "rest wait for the next full pack)."},
    {"prune", "encart prune DIR [--older-than HOURS (default 24)]",
     "Removes the files of earlier packs that manifest.json no longer lists, once no pack has\n"
     "written them for HOURS (pages opened before a publish may still fetch them)."},
};

int usage(const char* why) {
  std::fprintf(stderr, "encart: %s\n", why);
  for (std::size_t i = 0; i < std::size(kCommands); ++i) {
    std::fprintf(stderr, "%s %s\n", i == 0 ? "usage:" : "      ", kCommands[i].synopsis);
  }
  std::fprintf(stderr, "       encart [COMMAND] --help\n");
  return 2;
}

// encart --help, encart COMMAND --help: on standard output, exit 0.
int help(const std::string& command) {
  for (const Command& c : kCommands) {
    if (command == c.name) {
      std::printf("usage: %s\n\n%s\n", c.synopsis, c.description);
      return 0;
    }
  }
  std::printf("encart: the publisher's command line of encart, the reading sidebar (README.md).\n\n");
  for (const Command& c : kCommands) std::printf("  %s\n      %s\n\n", c.synopsis, c.description);
  std::printf("Exit status: 0 done (skipped articles included), 1 the input cannot be loaded, 2 usage.\n");
  return 0;
}

struct Args {
  std::string command, file, out, format = "auto", views, article, lang = "fr", now, bundle_url, views_url;
  std::string layout, most_read_window;
  std::string older_than = "24";
  std::string state;
  bool strict = false;
  bool update = false;  // pack: FILE holds only the articles added or changed since the last pack
};

std::optional<Args> parse_args(int argc, char** argv, std::string& why) {
  Args a;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    std::string* target = nullptr;
    if (arg == "-o" || arg == "--out") target = &a.out;
    if (arg == "--format") target = &a.format;
    if (arg == "--views") target = &a.views;
    if (arg == "--article") target = &a.article;
    if (arg == "--lang") target = &a.lang;
    if (arg == "--now") target = &a.now;
    if (arg == "--bundle-url") target = &a.bundle_url;
    if (arg == "--views-url") target = &a.views_url;
    if (arg == "--layout") target = &a.layout;
    if (arg == "--most-read-window") target = &a.most_read_window;
    if (arg == "--older-than") target = &a.older_than;
    if (arg == "--state") target = &a.state;
    if (target != nullptr) {
      const auto v = value();
      if (!v) {
        why = arg + " needs a value";
        return std::nullopt;
      }
      *target = *v;
    } else if (arg == "--strict") {
      a.strict = true;
    } else if (arg == "--update") {
      a.update = true;
    } else if (arg.starts_with("-")) {
      why = "unknown option " + arg;
      return std::nullopt;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) {
    why = positional.empty() ? "no command" : "expected a command and one FILE";
    return std::nullopt;
  }
  a.command = positional[0];
  a.file = positional[1];
  return a;
}

// Reads FILE in any supported format: XML (RSS, Atom) through libxml2 into an element tree,
// which the core maps.
struct Input {
  std::string text;
  std::optional<encart::XmlElement> xml;  // RSS or Atom
  encart::InputFormat format = encart::InputFormat::kAuto;
  std::string views;
};

encart::Result<Input> read_input(const Args& a) {
  auto text = encart::cli::read_file(a.file);
  if (!text) return encart::Error{encart::ErrorCode::kBadBundle, a.file + ": cannot be read"};
  Input in;
  in.text = std::move(*text);
  const auto format = encart::parse_format_name(a.format);
  if (!format || *format == encart::InputFormat::kXmlTree) {
    return encart::Error{
        encart::ErrorCode::kBadBundle,
        "--format " + a.format + ": expected auto, bundle, jsonfeed, wordpress, rss or atom"};
  }
  const bool xml_format = *format == encart::InputFormat::kRss || *format == encart::InputFormat::kAtom;
  if (xml_format || (*format == encart::InputFormat::kAuto && encart::cli::looks_like_xml(in.text))) {
    auto tree = encart::cli::read_xml_tree(in.text);
    if (!tree) return tree.error();
    in.format = encart::xml_feed_format(tree.value());
    in.xml = std::move(tree).value();
    in.text.clear();
  } else {
    in.format = *format == encart::InputFormat::kAuto ? encart::detect_format(in.text) : *format;
  }
  if (!a.views.empty()) {
    auto views = encart::cli::read_file(a.views);
    if (!views) return encart::Error{encart::ErrorCode::kBadBundle, a.views + ": cannot be read"};
    in.views = std::move(*views);
  }
  return in;
}

encart::ParseOptions report_everything() {
  encart::ParseOptions o;
  o.max_reported_skips = SIZE_MAX;  // the command line lists every skipped article
  // The publisher's own archive on their own machine: the page's limit (256 MB) does not apply.
  o.max_bytes = std::size_t{4} << 30;
  return o;
}

struct Loaded {
  Input input;
  Bundle bundle;  // its warnings include the views file's
};

// FILE (and --views) read, parsed and merged: what validate, convert and stats work on. Without
// `with_views`, the views file is read into input.views and left for the caller. `base_url`, when
// given, resolves relative links in place of the input's own site.url.
encart::Result<Loaded> load(const Args& a, bool with_views = true, const std::string& base_url = "") {
  auto in = read_input(a);
  if (!in) return in.error();
  const Input& input = in.value();
  encart::ParseOptions options = report_everything();
  options.base_url = base_url;
  auto parsed = input.xml ? encart::parse_xml_feed(*input.xml, options)
                          : encart::parse_input(input.text, input.format, options);
  if (!parsed) return parsed.error();
  Loaded out{std::move(in).value(), std::move(parsed).value()};
  if (with_views) encart::apply_views(out.bundle, out.input.views);
  return out;
}

int fail(const std::string& file, const encart::Error& e) {
  encart::cli::write_line(stderr, "encart: " + file + ": " + e.message);
  return 1;
}

void print_skips(const Bundle& b, std::FILE* to) {
  for (const auto& s : b.skipped) {
    const std::string link = s.url.empty() ? "" : " (" + s.url + ")";
    encart::cli::write_line(
        to, (s.id.empty() ? "skipped" : "skipped \"" + s.id + "\"") + ": " + s.reason() + link);
  }
}

void print_warnings(const Bundle& b, std::FILE* to) {
  for (const auto& w : b.warnings) encart::cli::write_line(to, "warning: " + w);
}

int validate(const Args& a) {
  auto loaded = load(a);
  if (!loaded) return fail(a.file, loaded.error());
  const Bundle& b = loaded.value().bundle;
  print_skips(b, stdout);
  print_warnings(b, stdout);
  encart::cli::write_line(stdout, a.file + ": " + std::to_string(b.articles.size()) + " article(s) valid, " +
                                      std::to_string(b.skipped_total) + " skipped (" +
                                      encart::format_name(loaded.value().input.format) + ")");
  return a.strict && b.skipped_total > 0 ? 1 : 0;
}

int convert(const Args& a) {
  if (a.out.empty()) return usage("convert needs -o OUT");
  auto loaded = load(a);
  if (!loaded) return fail(a.file, loaded.error());
  const Bundle& b = loaded.value().bundle;
  std::ofstream file(a.out, std::ios::binary);
  file << encart::write_bundle(b);
  if (!file) return fail(a.out, encart::Error{encart::ErrorCode::kBadBundle, "cannot be written"});
  print_skips(b, stderr);
  print_warnings(b, stderr);
  encart::cli::write_line(stderr, a.out + ": " + std::to_string(b.articles.size()) + " article(s) written, " +
                                      std::to_string(b.skipped_total) + " skipped");
  return 0;
}

int stats(const Args& a) {
  auto loaded = load(a);
  if (!loaded) return fail(a.file, loaded.error());
  const Bundle& b = loaded.value().bundle;
  std::map<std::string, std::size_t> categories, authors, tags;
  std::size_t with_views = 0, with_image = 0, with_summary = 0, with_text = 0;
  std::string first, last;
  std::int64_t first_ms = INT64_MAX, last_ms = INT64_MIN;
  for (const auto& art : b.articles) {
    if (!art.category.empty()) ++categories[art.category];
    for (const auto& au : art.authors) ++authors[au];
    for (const auto& t : art.tags) ++tags[t];
    with_views += art.views[0] ? 1 : 0;
    with_image += art.image ? 1 : 0;
    with_summary += art.summary.empty() ? 0 : 1;
    with_text += art.text.empty() ? 0 : 1;
    if (art.published.epoch_ms < first_ms) first_ms = art.published.epoch_ms, first = art.published_text;
    if (art.published.epoch_ms > last_ms) last_ms = art.published.epoch_ms, last = art.published_text;
  }
  std::printf("format      %s\n", encart::format_name(loaded.value().input.format));
  std::printf("articles    %zu (%zu skipped)\n", b.articles.size(), b.skipped_total);
  if (!b.articles.empty()) encart::cli::write_line(stdout, "published   " + first + " .. " + last);
  std::printf("categories  %zu\n", categories.size());
  for (const auto& [name, n] : categories) {
    // Padded by characters, not bytes: "Économie" lines up with "Politique".
    std::size_t width = 0;
    for (const char c : name) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    std::printf("  ");
    encart::cli::write_bytes(stdout, encart::cli::escape_controls(name));
    std::printf("%*s %zu\n", static_cast<int>(width < 30 ? 30 - width : 0), "", n);
  }
  std::printf("authors     %zu\ntags        %zu\n", authors.size(), tags.size());
  std::printf("with views %zu, image %zu, summary %zu, text %zu\n", with_views, with_image, with_summary,
              with_text);
  print_warnings(b, stdout);
  return 0;
}

encart::Result<encart::LoadReport> load_into(encart::Engine& engine, const Input& input,
                                             const encart::LoadOptions& options) {
  if (!input.xml) return engine.load(input.text, options);
  auto bundle = encart::parse_xml_feed(*input.xml, options.parse);
  if (!bundle) return bundle.error();
  return engine.load_bundle(std::move(bundle).value(), options);
}

// What render says on standard error about the input: skipped articles (the first names its
// post) and, when the article to render is missing, whether it was one of them and why.
void report_render_input(const Args& a, const encart::LoadReport& report, bool article_found) {
  const auto& skipped = report.skipped;
  if (report.skipped_total > 0 && !skipped.empty()) {
    const std::string post = skipped[0].post().empty() ? "" : " (" + skipped[0].post() + ")";
    encart::cli::write_line(stderr, "encart: " + a.file + ": " + std::to_string(report.skipped_total) +
                                        " article(s) skipped; first: " + skipped[0].reason() + post);
  }
  if (article_found) return;
  const auto skip =
      std::find_if(skipped.begin(), skipped.end(), [&](const auto& s) { return s.id == a.article; });
  const std::string why = skip == skipped.end() ? "" : ": it was skipped (" + skip->reason() + ")";
  encart::cli::write_line(stderr, "encart: " + a.file + ": no article with id \"" + a.article + "\"" + why +
                                      " (related left out)");
}

std::optional<encart::ViewWindow> window_named(std::string_view name) {
  for (std::size_t w = 0; w < encart::kViewWindowCount; ++w) {
    if (encart::kViewWindows[w].name == name) return static_cast<encart::ViewWindow>(w);
  }
  return std::nullopt;
}

// The element with a declarative shadow root: the widget's own shell and stylesheet, lists
// filled. Browsers show it before (and without) JavaScript; the widget adopts it as its shell.
int render_element(const Args& a, const encart::SidebarRequest& request, const encart::Sidebar& s) {
  encart::ShellContent content{s.latest.html,      s.most_read.html,     s.related.html,
                               s.latest.has_more,  s.most_read.has_more, s.related.has_more,
                               s.category_options, s.author_options};
  // The element must load what was rendered: the same format and views, or its lists differ.
  if (!a.views.empty() && a.views_url.empty()) {
    std::fprintf(stderr, "encart: --views without --views-url: the widget will not have these view counts\n");
  }
  if (a.views.empty() && !a.views_url.empty()) {
    std::fprintf(stderr,
                 "encart: --views-url without --views: the widget will have view counts this page was not "
                 "rendered with (give --views FILE, the file --views-url serves)\n");
  }
  const encart::Layout layout = encart::parse_layout(a.layout);
  const encart::ElementSource source{.bundle_url = a.bundle_url,
                                     .format = a.format,
                                     .views_url = a.views_url,
                                     .article = a.article,
                                     .lang = a.lang,
                                     .layout = layout,
                                     .most_read_window = a.most_read_window};
  const encart::ShellOptions options{.layout = layout, .window = request.window, .windows = s.windows};
  encart::cli::write_bytes(
      stdout,
      encart::render_element(source, kWidgetCss, encart::render_shell(request.locale, content, options)) +
          "\n");
  return 0;
}

int render(const Args& a) {
  if (a.article.empty()) return usage("render needs --article ID");
  auto in = read_input(a);
  if (!in) return fail(a.file, in.error());
  encart::LoadOptions options;
  options.format = in.value().format;
  options.views = in.value().views;
  if (!a.now.empty()) {
    const auto now = encart::parse_iso8601(a.now, encart::OffsetRule::kOptional);
    if (!now) return usage("--now: expected an ISO 8601 date and time");
    options.now_ms = now->epoch_ms;
  } else {
    options.now_ms = static_cast<std::int64_t>(std::time(nullptr)) * 1000;
  }
  encart::Engine engine;
  auto loaded = load_into(engine, in.value(), options);
  if (!loaded) return fail(a.file, loaded.error());
  encart::SidebarRequest request;
  request.article = a.article;
  request.locale = encart::parse_locale(a.lang);
  if (!a.most_read_window.empty()) {
    const auto window = window_named(a.most_read_window);
    if (!window) return usage("--most-read-window: expected all, 24h, 7d or 30d");
    request.window = *window;
  }
  if (!a.layout.empty() && a.layout != "tabs" && a.layout != "stacked") {
    return usage("--layout: expected stacked or tabs");
  }
  auto sidebar = engine.sidebar(request);
  if (!sidebar) return fail(a.file, sidebar.error());
  report_render_input(a, loaded.value(), sidebar.value().article_found);
  const auto& s = sidebar.value();
  if (a.bundle_url.empty()) {  // the lists alone, for a page that styles them itself
    encart::cli::write_bytes(
        stdout,
        encart::render_static(s.latest.html, s.most_read.html, s.related.html, request.locale) + "\n");
    return 0;
  }
  return render_element(a, request, s);
}

int pack(const Args& a) {
  if (a.out.empty()) return usage("pack needs -o DIR");
  if (a.update && a.state.empty())
    return usage("pack --update needs --state FILE, written by an earlier pack");
  if (!a.state.empty() && !encart::cli::state_outside_pack(a.state, a.out)) return 1;
  encart::cli::PackStateContents previous;  // --update's starting point
  if (a.update) {
    std::error_code error, archive_error;
    const std::uintmax_t state_bytes =
        std::filesystem::file_size(a.state, error) +
        std::filesystem::file_size(encart::cli::archive_path(a.state), archive_error);
    if (!error && !archive_error) encart::cli::prefault_heap(encart::cli::update_heap_bytes(state_bytes));
  }
  if (a.update && !encart::cli::open_update_state(a.state, a.out, previous)) return 1;
  // The links of CHANGES resolve against the site of the last full pack, which an update keeps.
  auto loaded = load(a, false, a.update ? previous.archive.site.url : "");
  if (!loaded) return fail(a.file, loaded.error());
  std::string().swap(loaded.value().input.text);  // parsed: its memory goes to the index
  Bundle& b = loaded.value().bundle;
  print_skips(b, stderr);
  print_warnings(b, stderr);
  if (a.update) {
    return encart::cli::pack_update(std::move(previous), std::move(b), loaded.value().input.views, a.state,
                                    a.out, ENCART_VERSION);
  }
  // Opened before the engine takes the articles (and releases their text).
  encart::cli::PackState state = encart::cli::open_pack_state(a.state, b);
  encart::cli::start_state(state, b);  // the articles with their views as the input has them
  const std::size_t warned = b.warnings.size();
  encart::apply_views(b, loaded.value().input.views);
  for (std::size_t w = warned; w < b.warnings.size(); ++w)
    encart::cli::write_line(stderr, "warning: " + b.warnings[w]);
  const encart::Site site = b.site;
  const std::size_t skipped = b.skipped_total;
  encart::Engine engine;
  // What a pack holds does not depend on "now": pages decide what is visible when they show it.
  encart::LoadOptions options;
  options.related_index = !state.lists;  // lists read back need no index to rank them
  if (!a.state.empty() && options.related_index) {
    options.related_counts.keep = &state.counts.emplace();
    options.search_words.keep = &state.words.emplace();
  }
  auto report = engine.load_bundle(std::move(b), options);
  if (!report) return fail(a.file, report.error());
  encart::cli::keep_counts(state);
  return encart::cli::write_pack_directory(engine, site, skipped, a.out, ENCART_VERSION, std::move(state));
}

int prune(const Args& a) {
  char* end = nullptr;
  const double hours = std::strtod(a.older_than.c_str(), &end);
  if (end == a.older_than.c_str() || *end != '\0' || !(hours >= 0))
    return usage("--older-than: expected hours");
  return encart::cli::prune_pack_directory(a.file, hours);
}

// A command runs once and exits: memory freed on the way is wanted again at once. glibc's
// defaults give freed blocks of 128 KiB and more back to the kernel (trimmed, or each one its
// own mapping), and every page of them faults in again on the next use: at 100,000 articles a
// tenth of an update's CPU (encart pack --update) went to page faults and returning memory.
void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum: larger blocks are mapped still
  mallopt(M_TRIM_THRESHOLD, INT_MAX);
  mallopt(M_TOP_PAD, 64 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  keep_freed_memory();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") return help(i > 1 ? argv[1] : "");
  }
  std::string why;
  const auto args = parse_args(argc, argv, why);
  if (!args) return usage(why.c_str());
  if (args->command == "validate") return validate(*args);
  if (args->command == "convert") return convert(*args);
  if (args->command == "stats") return stats(*args);
  if (args->command == "render") return render(*args);
  if (args->command == "pack") return pack(*args);
  if (args->command == "prune") return prune(*args);
  return usage(("unknown command " + args->command).c_str());
}
