#include "text/fold.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace encart::text {
namespace {

using Words = std::vector<std::string>;

// Every code point a forward scan yields.
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t before = pos;
    out += next_code_point(s, pos);
    if (pos <= before) {
      ADD_FAILURE() << "next_code_point did not advance at byte " << before;
      break;
    }
  }
  return out;
}

TEST(Fold, RemovesFrenchAccentsAndCase) {
  EXPECT_EQ(fold("Sécurité"), "securite");
  EXPECT_EQ(fold("ÉTÉ"), "ete");
  EXPECT_EQ(fold("été"), "ete");
  EXPECT_EQ(fold("Çà et là, Noël à Saint-Étienne"), "ca et la, noel a saint-etienne");
  EXPECT_EQ(fold("ÎLE-DE-FRANCE"), "ile-de-france");
  EXPECT_EQ(fold("Économie"), fold("economie"));
}

TEST(Fold, ExpandsSharpSToSs) {
  EXPECT_EQ(fold("ß"), "ss");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("STRASSE"), fold("Straße"));
}

TEST(Fold, TreatsUpperAndLowerOeLigatureAlike) {
  EXPECT_EQ(fold("Œ"), fold("œ"));
  EXPECT_EQ(fold("ŒUVRE"), fold("œuvre"));
  EXPECT_EQ(fold("Cœur"), fold("cœur"));
}

TEST(Fold, RemovesArabicHarakatAndHamzaOnAlef) {
  EXPECT_EQ(fold("أَمْن"), "امن");
  EXPECT_EQ(fold("أمن"), "امن");
  EXPECT_EQ(fold("إسلام"), "اسلام");
  EXPECT_EQ(fold("آمال"), "امال");
  EXPECT_EQ(fold("الأَمْن الوطني"), "الامن الوطني");
}

TEST(Fold, ExpandsLatinLigatures) {
  EXPECT_EQ(fold("ﬁ"), "fi");
  EXPECT_EQ(fold("ﬂ"), "fl");
  EXPECT_EQ(fold("ﬁnance"), "finance");
  EXPECT_EQ(fold("eﬀet"), "effet");
}

TEST(Fold, FoldsFullwidthAndTurkishDottedCapitalI) {
  EXPECT_EQ(fold("ＡＢＣ"), "abc");
  EXPECT_EQ(fold("İstanbul"), "istanbul");
}

TEST(Fold, FoldsGreekAndCyrillicCase) {
  EXPECT_EQ(fold("ΑΘΗΝΑ"), fold("αθηνα"));
  EXPECT_EQ(fold("Ἀθῆναι"), "αθηναι");
  EXPECT_EQ(fold("МОСКВА"), "москва");
}

TEST(Fold, KeepsSeparatorsAndAscii) {
  EXPECT_EQ(fold("L'été, déjà !"), "l'ete, deja !");
  EXPECT_EQ(fold("COP29 / 2024"), "cop29 / 2024");
  EXPECT_EQ(fold(""), "");
}

TEST(Fold, DropsSoftHyphen) { EXPECT_EQ(fold("sécu\u00ADrité"), "securite"); }

TEST(Fold, IsIdempotent) {
  for (const char* s : {"Sécurité", "ÉTÉ", "Straße", "أَمْن", "ﬁnance", "Œuvre", "İ"}) {
    EXPECT_EQ(fold(fold(s)), fold(s)) << s;
  }
}

TEST(Fold, TurnsInvalidUtf8IntoReplacementCharacter) {
  EXPECT_EQ(fold("a\xFF"
                 "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(fold("\xC3"), "\xEF\xBF\xBD");  // truncated é
}

TEST(Words, SplitsOnSpacesAndPunctuation) {
  EXPECT_EQ(words("Sécurité, santé; économie!"), (Words{"securite", "sante", "economie"}));
  EXPECT_EQ(words("  (Rabat) — «Maroc»…  "), (Words{"rabat", "maroc"}));
  EXPECT_EQ(words("Saint-Étienne/Lyon"), (Words{"saint", "etienne", "lyon"}));
}

TEST(Words, DropsElidedArticlesAtStraightAndTypographicApostrophes) {
  EXPECT_EQ(words("L'été"), (Words{"ete"}));
  EXPECT_EQ(words("L’été aujourd’hui"), (Words{"ete", "aujourd", "hui"}));
}

TEST(Words, SplitsOnNoBreakSpaces) {
  EXPECT_EQ(words("10\u00A0000\u00A0habitants"), (Words{"10", "000", "habitants"}));
  EXPECT_EQ(words("Pourquoi\u202F?"), (Words{"pourquoi"}));
}

TEST(Words, KeepsDigitsAndDuplicates) {
  EXPECT_EQ(words("COP29 COP29 2024"), (Words{"cop29", "cop29", "2024"}));
}

TEST(Words, FoldsArabicWords) { EXPECT_EQ(words("الأَمْن الوطني، يطلق"), (Words{"الامن", "الوطني", "يطلق"})); }

TEST(Words, KeepsCombiningMarksAndSoftHyphenInsideWords) {
  EXPECT_EQ(words("e\u0301te\u0301"), (Words{"ete"}));
  EXPECT_EQ(words("sécu\u00ADrité"), (Words{"securite"}));
}

TEST(Words, ReturnsNothingForSeparatorsOnly) {
  EXPECT_TRUE(words("").empty());
  EXPECT_TRUE(words(" ,;!?'’- ").empty());
}

TEST(Words, TreatsInvalidBytesAsSeparators) {
  EXPECT_EQ(words("abc\xFF"
                  "def"),
            (Words{"abc", "def"}));
  EXPECT_EQ(words("\xC0\xAF"
                  "x"),
            (Words{"x"}));
}

TEST(IsWordChar, AcceptsLettersDigitsAndMarks) {
  for (const char32_t cp : {U'a', U'Z', U'7', U'é', U'ß', U'œ', U'م', U'α', U'д', U'\u0301', U'\u064E',
                            U'\u00AD', U'\u200D', U'\u4E2D'}) {
    EXPECT_TRUE(is_word_char(cp)) << static_cast<std::uint32_t>(cp);
  }
}

TEST(IsWordChar, RejectsSpacesPunctuationAndReplacementCharacter) {
  for (const char32_t cp : {U' ', U'\t', U'-', U'\'', U'.', U'_', U'\u00A0', U'\u202F', U'\u2019', U'\u2014',
                            U'\u060C', U'\u00AB', U'\uFFFD', U'\U0001F600'}) {
    EXPECT_FALSE(is_word_char(cp)) << static_cast<std::uint32_t>(cp);
  }
}

TEST(NextCodePoint, DecodesOneToFourByteSequences) { EXPECT_EQ(decode("aé€😀"), U"aé€😀"); }

TEST(NextCodePoint, YieldsReplacementForEachBadByteAndNeverStalls) {
  EXPECT_EQ(decode("\xFF"), U"\uFFFD");
  EXPECT_EQ(decode("\x80"
                   "a"),
            U"\uFFFDa");
  EXPECT_EQ(decode("\xC0\xAF"), U"\uFFFD\uFFFD");                      // overlong '/'
  EXPECT_EQ(decode("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");            // UTF-16 surrogate
  EXPECT_EQ(decode("\xF4\x90\x80\x80"), U"\uFFFD\uFFFD\uFFFD\uFFFD");  // above U+10FFFF
  EXPECT_EQ(decode("\xE2\x82"), U"\uFFFD\uFFFD");                      // truncated at the end
  EXPECT_EQ(decode("\xE2\x82"
                   "a"),
            U"\uFFFD\uFFFDa");  // truncated in the middle
}

TEST(NextCodePoint, AdvancesOnEveryByteValueAndPair) {
  std::string s(2, '\0');
  for (int b0 = 0; b0 < 256; ++b0) {
    for (int b1 = 0; b1 < 256; ++b1) {
      s[0] = static_cast<char>(b0);
      s[1] = static_cast<char>(b1);
      std::size_t pos = 0;
      next_code_point(s, pos);
      ASSERT_GE(pos, 1u);
      ASSERT_LE(pos, 2u);
    }
  }
}

TEST(Length, CountsCodePointsNotBytes) {
  EXPECT_EQ(length(""), 0u);
  EXPECT_EQ(length("abc"), 3u);
  EXPECT_EQ(length("Sécurité"), 8u);
  EXPECT_EQ(length("أَمْن"), 5u);  // alef-hamza, fatha, meem, sukun, noon
  EXPECT_EQ(length("😀"), 1u);
  EXPECT_EQ(length("a\xFF"
                   "b"),
            3u);
}

TEST(LastCodePoint, ReturnsTheFinalCodePoint) {
  EXPECT_EQ(last_code_point(""), 0u);
  EXPECT_EQ(last_code_point("a"), U'a');
  EXPECT_EQ(last_code_point("sécurité"), U'é');
  EXPECT_EQ(last_code_point("أمن"), U'ن');
  EXPECT_EQ(last_code_point("ok 😀"), U'😀');
  EXPECT_EQ(last_code_point("sécu "), U' ');
  EXPECT_EQ(last_code_point("x\xFF"), U'\uFFFD');
  EXPECT_EQ(last_code_point("x\xF0\x9F\x98"), U'\uFFFD');  // truncated emoji
}

TEST(LastCodePoint, AgreesWithAForwardScanOnStrayContinuationBytes) {
  // A stray continuation byte at the end decodes (forwards) as U+FFFD; the last code point must
  // be that U+FFFD, not the character before it.
  for (const std::string s : {"a\x80", "\xC3\xA9\xA9", "abc\x80\x80"}) {
    const std::u32string all = decode(s);
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(static_cast<std::uint32_t>(last_code_point(s)), static_cast<std::uint32_t>(all.back()))
        << "input bytes: " << s.size();
  }
}

TEST(AppendUtf8, RoundTripsThroughNextCodePoint) {
  for (const char32_t cp :
       {U'\0', U'a', U'\u00E9', U'\u0645', U'\u20AC', U'\uFFFD', U'\U0001F600', U'\U0010FFFF'}) {
    std::string s;
    append_utf8(s, cp);
    std::size_t pos = 0;
    EXPECT_EQ(static_cast<std::uint32_t>(next_code_point(s, pos)), static_cast<std::uint32_t>(cp));
    EXPECT_EQ(pos, s.size());
  }
}

}  // namespace
}  // namespace encart::text
