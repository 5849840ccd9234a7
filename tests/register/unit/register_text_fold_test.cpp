// Unicode folding for matching keys: case folding, diacritics, punctuation, bad bytes, and the fast path
// agreeing with utf8proc.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <random>
#include <thread>

#include <utf8proc.h>

#include "register/normalize/text_fold.hpp"

namespace {
using namespace jobcenter::register_plugin;

std::string utf8(char32_t cp) {
    utf8proc_uint8_t bytes[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes);
    return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

// What fold_case must give (case-folded NFKC text), straight from utf8proc.
std::string utf8proc_case_fold(const std::string& text) {
    utf8proc_uint8_t* out = nullptr;
    auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                          &out, options);
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    EXPECT_GE(n, 0) << text;
    return n < 0 ? std::string() : std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

TEST(TextFold, FoldCaseIsNfkcCaseFold) {
    EXPECT_EQ(fold_case("ÄÄNEKOSKI"), "äänekoski");
    EXPECT_EQ(fold_case("Mäkinen ÅBO Öljy"), "mäkinen åbo öljy");
    EXPECT_EQ(fold_case("Straße"), "strasse");
    EXPECT_EQ(fold_case("ﬁrma"), "firma");           // ligature, compatibility form
    EXPECT_EQ(fold_case("ＥＳＩＭＥＲＫＫＩ"), "esimerkki");  // full-width letters
    EXPECT_EQ(fold_case("a\xCC\x88"), "ä");             // a + combining diaeresis composes
    EXPECT_EQ(fold_case("  Oy  Ab "), "  oy  ab ");      // spacing is left alone
    EXPECT_EQ(fold_case(""), "");
    for (std::string text : {"Helsingin Kaupunki", "Ω Ж ǅ", "e\xCC\x81t\xC3\xA9", "Caf\xC3\xA9 \xE2\x84\xA2", "Åström Øst"})
        EXPECT_EQ(fold_case(text), utf8proc_case_fold(text)) << text;
}

TEST(TextFold, InvalidBytesBecomeReplacementCharacters) {
    const std::string replacement = "\xEF\xBF\xBD";
    EXPECT_EQ(fold_case("a\xFF" "b"), "a" + replacement + "b");
    EXPECT_EQ(fold_case("M\xE4kinen"), "m" + replacement + "kinen");  // Latin-1 that slipped through
    EXPECT_EQ(fold_case("\xC3"), replacement);                           // truncated sequence
    EXPECT_EQ(fold_case("\xC0\xAF"), replacement + replacement);         // overlong
    EXPECT_EQ(fold_case("\xED\xA0\x80x"), replacement + replacement + replacement + "x");  // surrogate
    EXPECT_EQ(fold_key("a\xFF" "b"), "a b");
    EXPECT_EQ(fold_key("\xC3"), "");
    EXPECT_EQ(fold_key("\xE2\x82"), "");
    EXPECT_NO_THROW(fold_key(std::string("\0\x80\xBF\xF8\xFE", 5)));
}

TEST(TextFold, KeyStripsDiacritics) {
    EXPECT_EQ(fold_key("Äänekoski"), "aanekoski");
    EXPECT_EQ(fold_key("Aanekoski"), fold_key("ÄÄNEKOSKI"));  // units write it without the dots
    EXPECT_EQ(fold_key("Åbo"), "abo");
    EXPECT_EQ(fold_key("Café Éclair"), "cafe eclair");
    EXPECT_EQ(fold_key("Mäkinen Öljy"), "makinen oljy");
    EXPECT_EQ(fold_key("Søren Ærø Łódź Œuvre Þór Straße"), "soren aero lodz oeuvre thor strasse");
    EXPECT_EQ(fold_key("Sa\xCC\x88" "de"), "sade");  // decomposed input
}

TEST(TextFold, KeyTurnsPunctuationIntoSingleSpaces) {
    EXPECT_EQ(fold_key("  T:mi   Siivous-Mäkinen!  "), "t mi siivous makinen");
    EXPECT_EQ(fold_key("Väylä r.y."), "vayla r y");
    EXPECT_EQ(fold_key("Helsingin kaupunki / Kasko"), "helsingin kaupunki kasko");
    EXPECT_EQ(fold_key("Sosiaali- ja terveystoimiala"), "sosiaali ja terveystoimiala");
    EXPECT_EQ(fold_key("A\tB\nC\r\nD"), "a b c d");
    EXPECT_EQ(fold_key("Oy\xC2\xA0" "Ab"), "oy ab");  // no-break space
    EXPECT_EQ(fold_key("Oy – Ab «Ltd»"), "oy ab ltd");
    EXPECT_EQ(fold_key("Esimerkki™ Oy"), "esimerkki oy");  // a symbol separates, it does not become "tm"
    EXPECT_EQ(fold_key("...,;"), "");
    EXPECT_EQ(fold_key("Pub 1.5 & Grill"), "pub 1 5 grill");
}

TEST(TextFold, KeyDropsApostrophesAndInvisibleCharacters) {
    EXPECT_EQ(fold_key("Arnie Morton's of Chicago"), "arnie mortons of chicago");
    EXPECT_EQ(fold_key("Arnie Morton’s"), "arnie mortons");
    EXPECT_EQ(fold_key("O`Brien"), "obrien");
    EXPECT_EQ(fold_key("Kauppa\xC2\xAD" "keskus"), "kauppakeskus");  // soft hyphen
    EXPECT_EQ(fold_key("Zero\xE2\x80\x8BWidth"), "zerowidth");       // zero-width space
}

TEST(TextFold, KeyKeepingLeavesChosenPunctuation) {
    EXPECT_EQ(fold_key_keeping("Aleksanterink. 5", ".-#"), "aleksanterink. 5");
    EXPECT_EQ(fold_key_keeping("Itäkatu 1–3, #4", ".-#"), "itakatu 1-3 #4");  // en dash counts as '-'
    EXPECT_EQ(fold_key_keeping("Itäkatu 1–3, #4", ""), "itakatu 1 3 4");
}

TEST(TextFold, SplitTokens) {
    EXPECT_EQ(split_tokens("siivouspalvelu makinen"), (std::vector<std::string_view>{"siivouspalvelu", "makinen"}));
    EXPECT_EQ(split_tokens("  a  b "), (std::vector<std::string_view>{"a", "b"}));
    EXPECT_TRUE(split_tokens("").empty());
    std::vector<std::string_view> reused{"old"};
    split_tokens("x y z", reused);
    EXPECT_EQ(reused.size(), 3u);
    EXPECT_TRUE(is_ascii("plain text"));
    EXPECT_FALSE(is_ascii("Mäkinen"));
}

// The table fast path must give what utf8proc gives for the whole string, also across character boundaries.
TEST(TextFold, FastPathAgreesWithUtf8procForAllLatinPairs) {
    std::vector<std::string> chars;
    for (char32_t cp = 0x20; cp < 0x250; ++cp)
        if (cp < 0x7F || cp >= 0xA0) chars.push_back(utf8(cp));
    std::size_t mismatches = 0;
    for (const auto& a : chars) {
        for (const auto& b : chars) {
            std::string text = a + b;
            if (fold_case(text) != detail::fold_case_unicode(text) ||
                fold_key(text) != detail::fold_key_unicode(text, "") ||
                fold_key_keeping(text, ".-#") != detail::fold_key_unicode(text, ".-#")) {
                ADD_FAILURE() << "fast and utf8proc paths differ for '" << text << "'";
                if (++mismatches > 10) return;
            }
        }
    }
}

TEST(TextFold, FastPathAgreesWithUtf8procOnRandomText) {
    std::mt19937 random(20240611);
    std::uniform_int_distribution<int> length(1, 6);
    std::uniform_int_distribution<int> range(0, 3);
    auto code_point = [&]() -> char32_t {
        switch (range(random)) {
            case 0: return std::uniform_int_distribution<char32_t>(0x20, 0x7E)(random);
            case 1: return std::uniform_int_distribution<char32_t>(0xA0, 0x24F)(random);
            case 2: return std::uniform_int_distribution<char32_t>(0x250, 0x2FFF)(random);
            default: return std::uniform_int_distribution<char32_t>(0x300, 0x36F)(random);  // combining marks
        }
    };
    std::size_t mismatches = 0;
    for (int i = 0; i < 100000; ++i) {
        std::string text;
        for (int n = length(random); n > 0; --n) {
            char32_t cp = code_point();
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            text += utf8(cp);
        }
        if (fold_case(text) != detail::fold_case_unicode(text) || fold_key(text) != detail::fold_key_unicode(text, "")) {
            ADD_FAILURE() << "fast and utf8proc paths differ for '" << text << "'";
            if (++mismatches > 10) return;
        }
    }
}

TEST(TextFold, SafeFromSeveralThreadsAtOnce) {
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&results, i] {
            for (int k = 0; k < 200; ++k) results[i] = fold_key("Ääninen Ωmega Søren") + fold_case("ÅBO");
        });
    for (auto& t : threads) t.join();
    for (const auto& r : results) EXPECT_EQ(r, "aaninen ωmega sorenåbo");
}

}  // namespace
