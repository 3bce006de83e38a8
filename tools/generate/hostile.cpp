#include "hostile.h"

#include <unordered_map>

namespace encart::bench {
namespace {

constexpr std::size_t kBlock = 6;

std::uint32_t fnv1a_from(std::uint32_t state, const std::string& s) {
  for (const char c : s) state = (state ^ static_cast<unsigned char>(c)) * 16777619U;
  return state;
}

// xorshift32: a fixed sequence on every platform.
struct Letters {
  std::uint32_t x;
  std::string block() {
    std::string out(kBlock, 'a');
    for (char& c : out) {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      c = static_cast<char>('a' + x % 26);
    }
    return out;
  }
};

const char* kHead =
    R"({"version":1,"site":{"url":"https://example.ma/"},"articles":[{"id":"a","url":"/a","title":"T","published":"2024-12-09T10:00:00+01:00",)";

}  // namespace

std::vector<std::string> fnv1a_collisions(int doublings) {
  std::uint32_t state = 2166136261U;
  std::vector<std::string> words{""};
  Letters letters{0x9E3779B9U};
  for (int stage = 0; stage < doublings; ++stage) {
    // Birthday search: about 2^16 blocks until two reach the same 32-bit state.
    std::unordered_map<std::uint32_t, std::string> seen;
    for (;;) {
      std::string block = letters.block();
      const std::uint32_t next = fnv1a_from(state, block);
      const auto [it, fresh] = seen.emplace(next, block);
      if (fresh || it->second == block) continue;
      std::vector<std::string> longer;
      longer.reserve(words.size() * 2);
      for (const std::string& w : words) longer.push_back(w + it->second), longer.push_back(w + block);
      words = std::move(longer);
      state = next;
      break;
    }
  }
  return words;
}

std::vector<std::string> random_words(int doublings, std::uint32_t seed) {
  Letters letters{seed};
  std::vector<std::string> words(std::size_t{1} << doublings);
  for (std::string& w : words) {
    for (int b = 0; b < doublings; ++b) w += letters.block();
  }
  return words;
}

std::string bundle_with_tags(std::size_t tags) {
  std::string out = std::string(kHead) + "\"tags\":[";
  for (std::size_t i = 0; i < tags; ++i) out += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
  return out + "]}]}";
}

std::string bundle_with_text_of_size(std::size_t bytes) {
  const std::string head = std::string(kHead) + "\"tags\":[\"t0\"],\"text\":\"";
  std::string out = head;
  while (out.size() + 3 < bytes) out += out.size() % 7 == 0 ? ' ' : 'x';
  return out + "\"}]}";
}

std::string bundle_with_words(const std::vector<std::string>& words, std::size_t per_article) {
  std::string out = R"({"version":1,"site":{"url":"https://example.ma/"},"articles":[)";
  for (std::size_t first = 0, n = 0; first < words.size(); first += per_article, ++n) {
    out += n == 0 ? "" : ",";
    out += R"({"id":"a)" + std::to_string(n) +
           R"(","url":"/a","title":"T","published":"2024-12-09T10:00:00+01:00","text":")";
    for (std::size_t i = first; i < words.size() && i < first + per_article; ++i) out += words[i] + " ";
    out += "\"}";
  }
  return out + "]}";
}

std::string wordpress_empty_objects(std::size_t bytes) {
  std::string out = "[{}";
  out.reserve(bytes);
  while (out.size() + 4 <= bytes) out += ",{}";
  return out + "]";
}

namespace {

// 4000 made-up words, drawn skewed towards the first ones, as words of a language are: text
// with a realistic vocabulary (random words everywhere would make every word new to the index).
struct Vocabulary {
  Letters letters;
  std::vector<std::string> words;
  explicit Vocabulary(std::uint32_t seed) : letters{seed} {
    for (int i = 0; i < 4000; ++i)
      words.push_back(letters.block().substr(0, 3 + static_cast<std::size_t>(i % 6)));
  }
  const std::string& word() {
    const std::uint32_t a = letters.x % 4000;
    letters.block();
    return words[a * (letters.x % 4000) / 4000];
  }
};

std::string two_digits(unsigned n) {
  return {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
}

// Post `n`, `minutes` minutes before 2024-12-10T23:59 local time (+01:00), with `words` of body.
std::string wordpress_post(std::size_t n, Vocabulary& vocabulary) {
  const std::size_t minutes = n * 7;  // one post every 7 minutes, newest first
  const unsigned day = 10 - static_cast<unsigned>(minutes / 1440 % 9);
  const unsigned hour = 23 - static_cast<unsigned>(minutes / 60 % 24);
  const unsigned minute = 59 - static_cast<unsigned>(minutes % 60);
  const std::string local =
      "2024-12-" + two_digits(day) + "T" + two_digits(hour) + ":" + two_digits(minute) + ":00";
  const std::string gmt = hour == 0 ? "2024-12-" + two_digits(day - 1) + "T23:" + two_digits(minute) + ":00"
                                    : "2024-12-" + two_digits(day) + "T" + two_digits(hour - 1) + ":" +
                                          two_digits(minute) + ":00";
  const std::string id = std::to_string(1000 + n);
  std::string body;
  for (int p = 0; p < 6; ++p) {
    body += "<p>";
    for (int w = 0; w < 40; ++w) body += vocabulary.word() + (w % 9 == 8 ? ", " : " ");
    body += "l&#8217;&eacute;t&eacute;.</p>\\n";
  }
  const std::string title =
      vocabulary.word() + " " + vocabulary.word() + " &laquo;&nbsp;" + vocabulary.word() + "&nbsp;&raquo;";
  return R"({"id":)" + id + R"(,"date":")" + local + R"(","date_gmt":")" + gmt +
         R"(","guid":{"rendered":"https://example.ma/?p=)" + id + R"("},"modified":")" + local +
         R"(","modified_gmt":")" + gmt + R"(","slug":"post-)" + id +
         R"(","status":"publish","type":"post","link":"https://example.ma/2024/12/post-)" + id +
         R"(/","title":{"rendered":")" + title + R"("},"content":{"rendered":")" + body +
         R"(","protected":false},"excerpt":{"rendered":"<p>)" + vocabulary.word() + " " + vocabulary.word() +
         R"( [&hellip;]</p>\n","protected":false},"author":)" + std::to_string(n % 40) +
         R"(,"_embedded":{"author":[{"id":)" + std::to_string(n % 40) + R"(,"name":"Auteur )" +
         std::to_string(n % 40) + R"("}],"wp:term":[[{"taxonomy":"category","name":"Rubrique )" +
         std::to_string(n % 8) + R"("}],[{"taxonomy":"post_tag","name":"tag )" + std::to_string(n % 300) +
         R"("},{"taxonomy":"post_tag","name":"tag )" + std::to_string((n * 7) % 300) + R"("}]]}})";
}

}  // namespace

std::string wordpress_posts_of_size(std::size_t bytes) {
  Vocabulary vocabulary{0x2545F491U};
  std::string out = "[";
  out.reserve(bytes + 4096);
  for (std::size_t n = 0; out.size() + 1 < bytes; ++n) out += (n ? "," : "") + wordpress_post(n, vocabulary);
  return out + "]";
}

}  // namespace encart::bench
