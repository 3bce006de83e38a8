// Vocabulary of the benchmark bundles (generate.cpp): French news phrasing with the accents,
// apostrophes and guillemets real headlines have, so folding and word splitting do real work.
// Changing any list changes every generated bundle: figures before and after do not compare.
#pragma once

#include <cstdint>
#include <iterator>
#include <string_view>

namespace encart::bench::words {

using std::string_view;

struct Category {
  string_view name, slug;
  std::uint32_t weight;
};
constexpr Category kCategories[] = {{"Politique", "politique", 18}, {"Économie", "economie", 16},
                                    {"Société", "societe", 16},     {"Sport", "sport", 14},
                                    {"Culture", "culture", 10},     {"Monde", "monde", 12},
                                    {"Sciences", "sciences", 6},    {"Régions", "regions", 8}};

// Topics grouped by category: kTopicStart[c] .. kTopicStart[c + 1].
constexpr string_view kTopics[] = {
    // Politique (8)
    "Élections", "Parlement", "Gouvernement", "Réforme constitutionnelle", "Partis", "Diplomatie", "Défense",
    "Justice",
    // Économie (8)
    "Inflation", "Budget", "Fiscalité", "Banques", "Bourse", "Emploi", "Phosphates", "Startups",
    // Société (8)
    "Sécurité", "Santé", "Éducation", "Logement", "Droits des femmes", "Jeunesse", "Immigration", "Ramadan",
    // Sport (7)
    "Football", "Mondial 2030", "CAN 2025", "Athlétisme", "Tennis", "Basket-ball", "Jeux olympiques",
    // Culture (8)
    "Cinéma", "Musique", "Littérature", "Patrimoine", "Festival", "Théâtre", "Gastronomie", "Été",
    // Monde (7)
    "Terrorisme", "Migrations", "Conflits", "ONU", "Commerce international", "Climat",
    "Relations internationales",
    // Sciences (7)
    "Intelligence artificielle", "Cybersécurité", "Numérique", "Espace", "Recherche", "Énergie solaire",
    "Télécoms",
    // Régions (7)
    "Eau", "Sécheresse", "Agriculture", "Séisme", "Reconstruction", "Tourisme", "Transport"};
constexpr std::uint32_t kTopicStart[] = {0, 8, 16, 24, 31, 39, 46, 53, 60};
static_assert(std::size(kTopics) == 60 && std::size(kCategories) == 8);

constexpr string_view kPlaces[] = {"Maroc",       "Rabat",
                                   "Casablanca",  "Marrakech",
                                   "Fès",         "Tanger",
                                   "Agadir",      "Oujda",
                                   "Meknès",      "Tétouan",
                                   "Laâyoune",    "Dakhla",
                                   "Essaouira",   "Kénitra",
                                   "Nador",       "El Jadida",
                                   "Béni Mellal", "Ouarzazate",
                                   "Errachidia",  "Safi",
                                   "France",      "Paris",
                                   "Espagne",     "Madrid",
                                   "Bruxelles",   "Union européenne",
                                   "Algérie",     "Tunisie",
                                   "Sénégal",     "Dakar",
                                   "Mauritanie",  "Égypte",
                                   "États-Unis",  "Chine",
                                   "Royaume-Uni", "Sahel",
                                   "Afrique",     "Méditerranée",
                                   "Golfe",       "Côte d'Ivoire"};
static_assert(std::size(kPlaces) == 40);

// 20 x 20 names, paired into 40 distinct authors (see author_name).
constexpr string_view kFirstNames[] = {
    "Youssef", "Hélène", "Mehdi", "Inès",  "Karim",  "Amélie", "Nadia", "Jérôme",   "Fatima Zahra", "Omar",
    "Léa",     "Rachid", "Chloé", "Hamza", "Noémie", "Saïd",   "Zineb", "François", "Salma",        "Anaïs"};
constexpr string_view kLastNames[] = {"El Idrissi", "Bérard",  "Alaoui",   "Chraïbi",  "Benjelloun",
                                      "Lefèvre",    "Tazi",    "Moreau",   "Benali",   "Ouazzani",
                                      "Ségal",      "Bennani", "Faure",    "El Fassi", "Daoudi",
                                      "Gauthier",   "Kettani", "Rousseau", "Amrani",   "Hébert"};

struct Actor {
  string_view text;
  bool plural;
};
constexpr Actor kActors[] = {{"le gouvernement", false},
                             {"le Parlement", false},
                             {"Bank Al-Maghrib", false},
                             {"les syndicats", true},
                             {"le ministère de l'Intérieur", false},
                             {"la Cour des comptes", false},
                             {"les agriculteurs", true},
                             {"la fédération royale", false},
                             {"les élus locaux", true},
                             {"le patronat", false},
                             {"les étudiants", true},
                             {"la mairie de Rabat", false},
                             {"l'Union européenne", false},
                             {"les hôteliers", true},
                             {"la société civile", false},
                             {"les médecins", true}};
struct Verb {
  string_view singular, plural;
};
constexpr Verb kVerbs[] = {{"annonce", "annoncent"},   {"dévoile", "dévoilent"},   {"prépare", "préparent"},
                           {"rejette", "rejettent"},   {"accélère", "accélèrent"}, {"suspend", "suspendent"},
                           {"défend", "défendent"},    {"réclame", "réclament"},   {"présente", "présentent"},
                           {"critique", "critiquent"}, {"adopte", "adoptent"},     {"repousse", "repoussent"},
                           {"salue", "saluent"}};
constexpr string_view kObjects[] = {
    "un plan d'urgence",         "la réforme des retraites", "un nouveau budget",
    "la hausse des prix",        "la sécurité routière",     "un programme pour l'été",
    "la création d'emplois",     "un projet de loi",         "des mesures fiscales",
    "la stratégie énergétique",  "un accord de coopération", "le calendrier électoral",
    "la réforme de l'éducation", "un investissement record", "la gestion de l'eau",
    "la sécurité alimentaire"};
constexpr string_view kWhere[] = {"au Maroc",        "à Rabat",         "à Casablanca",
                                  "à Marrakech",     "à Fès",           "à Tanger",
                                  "à Agadir",        "à Oujda",         "dans le Souss",
                                  "dans l'Oriental", "en Europe",       "à Paris",
                                  "avant l'été",     "cet été",         "après les élections",
                                  "d'ici 2026",      "pour la rentrée", "dans les régions du Sud"};
constexpr string_view kAngles[] = {"ce qui change en 2025",        "les chiffres qui inquiètent",
                                   "ce qu'il faut retenir",        "le grand décryptage",
                                   "les réponses du gouvernement", "pourquoi les prix flambent",
                                   "la réforme en cinq questions", "« nous irons jusqu'au bout »"};
constexpr string_view kFollowUps[] = {"une décision très attendue par les professionnels",
                                      "malgré les critiques de l'opposition",
                                      "alors que la pression monte sur les prix",
                                      "dans un contexte économique tendu",
                                      "après des mois de négociations",
                                      "une première depuis dix ans"};
constexpr string_view kSources[] = {"le Haut-Commissariat au Plan",
                                    "des économistes interrogés par notre rédaction",
                                    "plusieurs élus de la majorité",
                                    "une étude publiée mardi",
                                    "les syndicats",
                                    "le ministère"};
constexpr string_view kConsequences[] = {"la mesure pourrait coûter plus de deux milliards de dirhams",
                                         "les effets se feront sentir",
                                         "le calendrier reste très serré",
                                         "près d'un ménage sur cinq serait concerné",
                                         "la réforme devrait entrer en vigueur",
                                         "la sécurité des usagers reste la priorité"};
constexpr string_view kDeadlines[] = {"dès l'été prochain", "d'ici la fin de l'année",
                                      "avant les élections de 2026", "dans les prochains mois",
                                      "à la rentrée"};
constexpr string_view kClosings[] = {"Décryptage.", "Le point sur les enjeux.",
                                     "Les réactions se multiplient.", "Explications.", "Reportage."};

// People quoted in summaries get invented surnames (2-3 syllables: ~8,000 possible), so the
// term dictionary has the long tail of names a real archive has, not just the word lists above.
constexpr string_view kSyllables[] = {"ben", "el",  "ka", "ri", "mou", "za", "la", "ni", "ta",  "ha",
                                      "sa",  "dou", "fi", "ja", "ou",  "mi", "ra", "ki", "bou", "na"};
constexpr string_view kRoles[] = {"députée de Rabat",
                                  "économiste",
                                  "maire adjoint",
                                  "chercheuse à l'université Mohammed-V",
                                  "porte-parole du collectif",
                                  "directeur d'une PME",
                                  "analyste financier",
                                  "syndicaliste"};

}  // namespace encart::bench::words
