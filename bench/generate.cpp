#include "generate.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <vector>

// Deliberately independent of encart_core (no nlohmann, no fold): a bundle written by the code
// it benchmarks could hide the bugs it should reveal.
namespace encart::bench {
namespace {

using std::string_view;

// splitmix64: tiny, well mixed, and fully specified, unlike std::uniform_int_distribution whose
// output differs between libstdc++, libc++ and MSVC.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n): multiply-shift (Lemire) on the high 32 bits; integer-only, portable.
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
  }
  // Skewed toward 0 (the minimum of two draws): a few popular tags/authors, a long tail.
  std::uint32_t skewed(std::uint32_t n) { return std::min(below(n), below(n)); }
  bool percent(std::uint32_t p) { return below(100) < p; }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) { return items[below(N)]; }

 private:
  std::uint64_t state_;
};

struct Category { string_view name, slug; std::uint32_t weight; };
constexpr Category kCategories[] = {
    {"Politique", "politique", 18}, {"Économie", "economie", 16}, {"Société", "societe", 16},
    {"Sport", "sport", 14},         {"Culture", "culture", 10},   {"Monde", "monde", 12},
    {"Sciences", "sciences", 6},    {"Régions", "regions", 8}};

// Topics grouped by category: kTopicStart[c] .. kTopicStart[c + 1].
constexpr string_view kTopics[] = {
    "Élections", "Parlement", "Gouvernement", "Réforme constitutionnelle", "Partis", "Diplomatie",
    "Défense", "Justice",
    "Inflation", "Budget", "Fiscalité", "Banques", "Bourse", "Emploi", "Phosphates", "Startups",
    "Sécurité", "Santé", "Éducation", "Logement", "Droits des femmes", "Jeunesse", "Immigration",
    "Ramadan",
    "Football", "Mondial 2030", "CAN 2025", "Athlétisme", "Tennis", "Basket-ball", "Jeux olympiques",
    "Cinéma", "Musique", "Littérature", "Patrimoine", "Festival", "Théâtre", "Gastronomie", "Été",
    "Terrorisme", "Migrations", "Conflits", "ONU", "Commerce international", "Climat",
    "Relations internationales",
    "Intelligence artificielle", "Cybersécurité", "Numérique", "Espace", "Recherche",
    "Énergie solaire", "Télécoms",
    "Eau", "Sécheresse", "Agriculture", "Séisme", "Reconstruction", "Tourisme", "Transport"};
constexpr std::uint32_t kTopicStart[] = {0, 8, 16, 24, 31, 39, 46, 53, 60};
static_assert(std::size(kTopics) == 60 && std::size(kCategories) == 8);

constexpr string_view kPlaces[] = {
    "Maroc", "Rabat", "Casablanca", "Marrakech", "Fès", "Tanger", "Agadir", "Oujda", "Meknès",
    "Tétouan", "Laâyoune", "Dakhla", "Essaouira", "Kénitra", "Nador", "El Jadida", "Béni Mellal",
    "Ouarzazate", "Errachidia", "Safi", "France", "Paris", "Espagne", "Madrid", "Bruxelles",
    "Union européenne", "Algérie", "Tunisie", "Sénégal", "Dakar", "Mauritanie", "Égypte",
    "États-Unis", "Chine", "Royaume-Uni", "Sahel", "Afrique", "Méditerranée", "Golfe",
    "Côte d'Ivoire"};
static_assert(std::size(kPlaces) == 40);

// 20 x 20 names, paired into 40 distinct authors (see author_name).
constexpr string_view kFirstNames[] = {
    "Youssef", "Hélène", "Mehdi", "Inès", "Karim", "Amélie", "Nadia", "Jérôme", "Fatima Zahra",
    "Omar", "Léa", "Rachid", "Chloé", "Hamza", "Noémie", "Saïd", "Zineb", "François", "Salma",
    "Anaïs"};
constexpr string_view kLastNames[] = {
    "El Idrissi", "Bérard", "Alaoui", "Chraïbi", "Benjelloun", "Lefèvre", "Tazi", "Moreau",
    "Benali", "Ouazzani", "Ségal", "Bennani", "Faure", "El Fassi", "Daoudi", "Gauthier",
    "Kettani", "Rousseau", "Amrani", "Hébert"};

struct Actor { string_view text; bool plural; };
constexpr Actor kActors[] = {
    {"le gouvernement", false}, {"le Parlement", false}, {"Bank Al-Maghrib", false},
    {"les syndicats", true}, {"le ministère de l'Intérieur", false}, {"la Cour des comptes", false},
    {"les agriculteurs", true}, {"la fédération royale", false}, {"les élus locaux", true},
    {"le patronat", false}, {"les étudiants", true}, {"la mairie de Rabat", false},
    {"l'Union européenne", false}, {"les hôteliers", true}, {"la société civile", false},
    {"les médecins", true}};
struct Verb { string_view singular, plural; };
constexpr Verb kVerbs[] = {
    {"annonce", "annoncent"}, {"dévoile", "dévoilent"}, {"prépare", "préparent"},
    {"rejette", "rejettent"}, {"accélère", "accélèrent"}, {"suspend", "suspendent"},
    {"défend", "défendent"}, {"réclame", "réclament"}, {"présente", "présentent"},
    {"critique", "critiquent"}, {"adopte", "adoptent"}, {"repousse", "repoussent"},
    {"salue", "saluent"}};
constexpr string_view kObjects[] = {
    "un plan d'urgence", "la réforme des retraites", "un nouveau budget", "la hausse des prix",
    "la sécurité routière", "un programme pour l'été", "la création d'emplois", "un projet de loi",
    "des mesures fiscales", "la stratégie énergétique", "un accord de coopération",
    "le calendrier électoral", "la réforme de l'éducation", "un investissement record",
    "la gestion de l'eau", "la sécurité alimentaire"};
constexpr string_view kWhere[] = {
    "au Maroc", "à Rabat", "à Casablanca", "à Marrakech", "à Fès", "à Tanger", "à Agadir",
    "à Oujda", "dans le Souss", "dans l'Oriental", "en Europe", "à Paris", "avant l'été",
    "cet été", "après les élections", "d'ici 2026", "pour la rentrée", "dans les régions du Sud"};
constexpr string_view kAngles[] = {
    "ce qui change en 2025", "les chiffres qui inquiètent", "ce qu'il faut retenir",
    "le grand décryptage", "les réponses du gouvernement", "pourquoi les prix flambent",
    "la réforme en cinq questions", "« nous irons jusqu'au bout »"};
constexpr string_view kFollowUps[] = {
    "une décision très attendue par les professionnels", "malgré les critiques de l'opposition",
    "alors que la pression monte sur les prix", "dans un contexte économique tendu",
    "après des mois de négociations", "une première depuis dix ans"};
constexpr string_view kSources[] = {
    "le Haut-Commissariat au Plan", "des économistes interrogés par notre rédaction",
    "plusieurs élus de la majorité", "une étude publiée mardi", "les syndicats", "le ministère"};
constexpr string_view kConsequences[] = {
    "la mesure pourrait coûter plus de deux milliards de dirhams", "les effets se feront sentir",
    "le calendrier reste très serré", "près d'un ménage sur cinq serait concerné",
    "la réforme devrait entrer en vigueur", "la sécurité des usagers reste la priorité"};
constexpr string_view kDeadlines[] = {
    "dès l'été prochain", "d'ici la fin de l'année", "avant les élections de 2026",
    "dans les prochains mois", "à la rentrée"};
constexpr string_view kClosings[] = {
    "Décryptage.", "Le point sur les enjeux.", "Les réactions se multiplient.", "Explications.",
    "Reportage."};

constexpr std::size_t kTagCount = 300;  // 60 topics + 40 places + 200 "topic place" pairs
constexpr std::uint32_t kSpanDays = 730;
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kOffsetMs = 3'600'000;  // +01:00, the site's (Morocco's) offset

// Tag t: a topic (category-bound), a place (any category), or a topic paired with a place.
// Pairs k = 0..199 use topic k % 60 and place (k / 60 * 11 + k % 60) % 40, so for one topic the
// four places differ: all 300 tags are distinct.
std::string tag_name(std::size_t t) {
  if (t < 60) return std::string(kTopics[t]);
  if (t < 100) return std::string(kPlaces[t - 60]);
  const std::size_t k = t - 100;
  return std::string(kTopics[k % 60]) + " " + std::string(kPlaces[(k / 60 * 11 + k % 60) % 40]);
}
std::string author_name(std::uint32_t i) {  // i < 40; the second 20 shift last names by 7
  return std::string(kFirstNames[i % 20]) + " " + std::string(kLastNames[(i + i / 20 * 7) % 20]);
}

void append_json(std::string& out, string_view s) {
  out += '"';
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}
void append_capitalized(std::string& out, string_view s) {  // our word lists start with ASCII
  out += static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 'a' + 'A' : s[0]);
  out += s.substr(1);
}

// "2024-12-09T14:35:00+01:00" for an instant in UTC ms, written in the site's +01:00.
std::string iso_local(std::int64_t epoch_ms) {
  using namespace std::chrono;
  const std::int64_t local = epoch_ms + kOffsetMs;
  const sys_days day{days{local / kDayMs}};  // all instants are after 1970: no floor issue
  const year_month_day ymd{day};
  const std::int64_t in_day = local % kDayMs / 1000;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+01:00", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                static_cast<int>(in_day % 60));
  return buf;
}

// Share of an article's lifetime audience still to come k days after publication, in parts
// per million: 55% of the remainder each day. Integer-only, so no libm differences.
std::uint64_t remaining_ppm(std::int64_t k) {
  std::uint64_t r = 1'000'000;
  for (std::int64_t i = 0; i < k && r > 0; ++i) r = r * 55 / 100;
  return r;
}

struct Draft {
  std::int64_t published_ms;
  std::uint32_t draw;  // creation order: the tie-break that keeps the sort deterministic
};

}  // namespace

std::string generate_bundle(std::size_t count, std::uint32_t seed) {
  Rng rng(seed);
  std::string out;
  out.reserve(count * 900 + 200);
  out += "{\"version\":1,\"site\":{\"name\":\"Le Quotidien du Banc d'Essai\","
         "\"url\":\"https://bench.encart.example/\",\"lang\":\"fr\"},\"articles\":[";

  // Dates first: the bundle lists articles newest first, as a CMS export would.
  using namespace std::chrono;
  const std::int64_t last_day_ms =
      static_cast<std::int64_t>(sys_days{year{2024} / 12 / 10}.time_since_epoch().count()) * kDayMs;
  std::vector<Draft> drafts(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::int64_t local_ms = last_day_ms - rng.below(kSpanDays) * kDayMs +
                                  (6 + rng.below(17)) * 3'600'000ll + rng.below(12) * 300'000ll;
    drafts[i] = {local_ms - kOffsetMs, i};
  }
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return a.published_ms != b.published_ms ? a.published_ms > b.published_ms : a.draw < b.draw;
  });

  for (std::size_t i = 0; i < count; ++i) {
    const Draft& d = drafts[i];
    // Cumulative weights pick the category; topics and half the tags follow it, which gives
    // "related" realistic overlaps (same-category articles share tags more often).
    std::uint32_t roll = rng.below(100), c = 0;
    while (roll >= kCategories[c].weight) roll -= kCategories[c++].weight;
    const Category& cat = kCategories[c];
    const std::uint32_t topics = kTopicStart[c + 1] - kTopicStart[c];
    const std::uint32_t topic = kTopicStart[c] + rng.skewed(topics);

    char id[24];
    std::snprintf(id, sizeof id, "art-%07zu", count - i);  // oldest is art-0000001
    const std::string published = iso_local(d.published_ms);

    std::string title;
    const Actor& actor = rng.pick(kActors);
    const Verb& verb = rng.pick(kVerbs);
    const string_view verb_form = actor.plural ? verb.plural : verb.singular;
    switch (rng.below(3)) {
      case 0:
        title = std::string(kTopics[topic]) + " : " + std::string(actor.text) + " " +
                std::string(verb_form) + " " + std::string(rng.pick(kObjects)) + " " +
                std::string(rng.pick(kWhere));
        break;
      case 1:
        append_capitalized(title, actor.text);
        title += " " + std::string(verb_form) + " " + std::string(rng.pick(kObjects)) + " " +
                 std::string(rng.pick(kWhere));
        break;
      default:
        title = std::string(kTopics[topic]) + " " + std::string(rng.pick(kWhere)) + " : " +
                std::string(rng.pick(kAngles));
    }
    std::string summary;
    const Actor& actor2 = rng.pick(kActors);
    append_capitalized(summary, actor2.text);
    summary += " " + std::string(actor2.plural ? rng.pick(kVerbs).plural : rng.pick(kVerbs).singular) +
               " " + std::string(rng.pick(kObjects)) + " " + std::string(rng.pick(kWhere)) + ", " +
               std::string(rng.pick(kFollowUps)) + ". Selon " + std::string(rng.pick(kSources)) +
               ", " + std::string(rng.pick(kConsequences)) + " " + std::string(rng.pick(kDeadlines)) + ".";
    if (rng.percent(50)) summary += " " + std::string(rng.pick(kClosings));

    // Tags: the topic, one place, then 1 to 3 more (own-category pairs or popular tags), unique.
    std::vector<std::size_t> tags{topic, 60 + rng.skewed(40)};
    const std::size_t wanted = 3 + rng.below(3);
    while (tags.size() < wanted) {
      std::size_t t;
      if (rng.percent(50)) {  // a "topic place" pair of this category
        const std::size_t k = kTopicStart[c] + rng.below(topics) + 60 * rng.below(4);
        t = 100 + (k < 200 ? k : k - 60);
      } else {
        t = rng.skewed(kTagCount);
      }
      if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    }

    // Views: a lifetime audience from 50 to ~50k (log-uniform, 2% viral), decaying 45% a day,
    // plus a small daily trickle; every window is a slice of the same curve, so
    // views_24h <= views_7d <= views_30d <= views always holds.
    std::uint64_t lifetime = (50 + rng.below(50)) << rng.below(10);
    if (rng.percent(2)) lifetime *= 10;
    const std::uint64_t trickle = rng.below(4);
    const std::int64_t elapsed = (kBenchNowMs - d.published_ms) / kDayMs + 1;  // days, >= 1
    const std::uint64_t end_ppm = remaining_ppm(elapsed);
    const auto window = [&](std::int64_t w) {
      return lifetime * (remaining_ppm(std::max<std::int64_t>(0, elapsed - w)) - end_ppm) / 1'000'000 +
             trickle * static_cast<std::uint64_t>(std::min(w, elapsed));
    };

    out += i == 0 ? "\n{" : ",\n{";
    out += "\"id\":";
    append_json(out, id);
    out += ",\"url\":";
    append_json(out, "https://bench.encart.example/" + std::string(cat.slug) + "/" +
                         published.substr(0, 4) + "/" + published.substr(5, 2) + "/" + id);
    out += ",\"title\":";
    append_json(out, title);
    out += ",\"published\":";
    append_json(out, published);
    if (rng.percent(10)) {  // corrected a few hours later
      out += ",\"updated\":";
      append_json(out, iso_local(d.published_ms + (1 + rng.below(12)) * 3'600'000ll));
    }
    out += ",\"summary\":";
    append_json(out, summary);
    out += ",\"category\":";
    append_json(out, cat.name);
    out += ",\"tags\":[";
    for (std::size_t t = 0; t < tags.size(); ++t) {
      if (t > 0) out += ',';
      append_json(out, tag_name(tags[t]));
    }
    out += ']';
    const std::uint32_t author = rng.skewed(40);
    if (rng.percent(5)) {  // co-signed: exercises the "authors" array
      out += ",\"authors\":[";
      append_json(out, author_name(author));
      out += ',';
      append_json(out, author_name((author + 1 + rng.below(39)) % 40));
      out += ']';
    } else {
      out += ",\"author\":";
      append_json(out, author_name(author));
    }
    out += ",\"views\":" + std::to_string(window(elapsed)) + ",\"views_24h\":" +
           std::to_string(window(1)) + ",\"views_7d\":" + std::to_string(window(7)) +
           ",\"views_30d\":" + std::to_string(window(30));
    if (rng.percent(20)) {
      static constexpr int kSizes[][2] = {{1200, 675}, {800, 450}, {1024, 768}};
      const auto& size = rng.pick(kSizes);
      out += ",\"image\":{\"url\":";
      append_json(out, "https://cdn.bench.encart.example/img/" + published.substr(0, 4) + "/" + id + ".jpg");
      out += ",\"width\":" + std::to_string(size[0]) + ",\"height\":" + std::to_string(size[1]) +
             ",\"alt\":";
      append_json(out, "Illustration : " + std::string(kTopics[topic]));
      out += '}';
    }
    out += '}';
  }
  out += "\n]}\n";
  return out;
}

}  // namespace encart::bench
