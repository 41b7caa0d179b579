#include "content/text_diff.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace copydesk::content {
namespace {

using Kind = DiffOp::Kind;
using Tokens = std::vector<std::string>;

std::string Concat(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += part;
  return out;
}

// The text a diff says was there before (kind != kInsert) or is there after (kind != kDelete).
std::string Side(const std::vector<DiffOp>& ops, Kind skipped) {
  std::string out;
  for (const DiffOp& op : ops) {
    if (op.kind != skipped) out += op.text;
  }
  return out;
}

std::string Before(const std::vector<DiffOp>& ops) {
  return Side(ops, Kind::kInsert);
}
std::string After(const std::vector<DiffOp>& ops) {
  return Side(ops, Kind::kDelete);
}

// Markdown paragraphs separated by blank lines, as the editor saves them.
std::string MakeArticle(const std::vector<std::string>& paragraphs,
                        const std::string& line_ending = "\n", bool final_newline = true) {
  std::string out;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) out += line_ending + line_ending;
    out += paragraphs[i];
  }
  if (final_newline) out += line_ending;
  return out;
}

const std::vector<std::string> kWords = {
    "énergie", "offre",  "hiver",    "client",  "gaz",    "chaudière", "économies", "2026",
    "CO2",     "winter", "heating",  "savings", "boiler", "customers", "propane",   "citerne",
    "été",     "prix",   "garantie", "service", "ça",     "cœur",      "safety",    "tank",
    "the",     "de",     "la",       "le",      "our",    "and",       "pour",      "avec"};
const std::vector<std::string> kSeparators = {
    " ", " ", " ", " ", ", ", ". ", " – ", "\u00a0: ", " « ", " » ", "’", "-", "\n", "\n\n", "… "};

// A plausible run of prose: words from kWords joined by separators from kSeparators.
std::string MakeProse(std::mt19937& rng, int words) {
  std::string out;
  for (int i = 0; i < words; ++i) {
    if (i > 0) out += kSeparators[rng() % kSeparators.size()];
    out += kWords[rng() % kWords.size()];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// TokenizeWords

TEST(TokenizeWords, FrenchElisionEndsAtTheApostrophe) {
  EXPECT_EQ(TokenizeWords("l’offre"), (Tokens{"l’", "offre"}));
  EXPECT_EQ(TokenizeWords("d'énergie"), (Tokens{"d'", "énergie"}));
  EXPECT_EQ(TokenizeWords("aujourd’hui qu’il"), (Tokens{"aujourd’", "hui", " ", "qu’", "il"}));
}

TEST(TokenizeWords, QuotesThatAreNotElisionsStandAlone) {
  EXPECT_EQ(TokenizeWords("'promo'"), (Tokens{"'", "promo", "'"}));
  EXPECT_EQ(TokenizeWords("customers' tanks"), (Tokens{"customers", "'", " ", "tanks"}));
  EXPECT_EQ(TokenizeWords("‘offre’"), (Tokens{"‘", "offre", "’"}));
}

TEST(TokenizeWords, HyphenSplitsCompounds) {
  EXPECT_EQ(TokenizeWords("bas-carbone"), (Tokens{"bas", "-", "carbone"}));
  EXPECT_EQ(TokenizeWords("dit-il"), (Tokens{"dit", "-", "il"}));
}

TEST(TokenizeWords, AccentedLettersAndDigitsMakeWords) {
  EXPECT_EQ(TokenizeWords("Cœur été ça"), (Tokens{"Cœur", " ", "été", " ", "ça"}));
  EXPECT_EQ(TokenizeWords("CO2 en 2026"), (Tokens{"CO2", " ", "en", " ", "2026"}));
  EXPECT_EQ(TokenizeWords("10 m²"), (Tokens{"10", " ", "m²"}));
}

TEST(TokenizeWords, RunsOfWhiteSpaceIncludingNoBreakSpacesAreOneToken) {
  EXPECT_EQ(TokenizeWords("Prix\u00a0: 12\u202f€"),
            (Tokens{"Prix", "\u00a0", ":", " ", "12", "\u202f", "€"}));
  EXPECT_EQ(TokenizeWords("un \t\n\n\u00a0deux"), (Tokens{"un", " \t\n\n\u00a0", "deux"}));
}

TEST(TokenizeWords, EachPunctuationMarkIsItsOwnToken) {
  EXPECT_EQ(TokenizeWords("«\u202fOui\u202f»…"),
            (Tokens{"«", "\u202f", "Oui", "\u202f", "»", "…"}));
  EXPECT_EQ(TokenizeWords("Fin.\u00a0!?"), (Tokens{"Fin", ".", "\u00a0", "!", "?"}));
  EXPECT_EQ(TokenizeWords("(a/b) – c — “d”;"), (Tokens{"(", "a", "/", "b", ")", " ", "–", " ", "c",
                                                       " ", "—", " ", "“", "d", "”", ";"}));
}

TEST(TokenizeWords, EmptyTextHasNoTokens) {
  EXPECT_TRUE(TokenizeWords("").empty());
}

TEST(TokenizeWords, InvalidUtf8KeepsEveryByte) {
  const std::string broken = "caf\xC3 \xE9t\xE9 \xED\xA0\x80 \xF0\x9F\x99 \x80\xFF";
  const Tokens tokens = TokenizeWords(broken);
  EXPECT_EQ(Concat(tokens), broken);
  // A truncated sequence at the very end is kept too.
  EXPECT_EQ(Concat(TokenizeWords("offre\xE2\x80")), "offre\xE2\x80");
}

TEST(TokenizeWords, ConcatenationGivesRandomBytesBack) {
  std::mt19937 rng(20260101);
  const std::vector<std::string> fragments = {"a",        "Z",
                                              "9",        " ",
                                              "\n",       "\r\n",
                                              "'",        "’",
                                              "-",        "é",
                                              "œ",        "\u00a0",
                                              "\u202f",   "«",
                                              "…",        "—",
                                              "\xC3",     "\x80",
                                              "\xE2\x80", "\xF0\x9F\x99\x82",
                                              "\xFF",     "\xED\xA0\x80",
                                              "\xC0\xAF"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 40);
    for (int i = 0; i < length; ++i) {
      if (rng() % 2 == 0) {
        text += static_cast<char>(rng() % 256);
      } else {
        text += fragments[rng() % fragments.size()];
      }
    }
    const Tokens tokens = TokenizeWords(text);
    ASSERT_EQ(Concat(tokens), text);
    for (const std::string& token : tokens) ASSERT_FALSE(token.empty());
  }
}

// ---------------------------------------------------------------------------------------------
// DiffWords

TEST(DiffWords, IdenticalTextsAreOneEqualOp) {
  const std::string text = "Profitez de l’offre hiver\u00a0: -10\u202f% sur le propane.";
  const std::vector<DiffOp> ops = DiffWords(text, text);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].kind, Kind::kEqual);
  EXPECT_EQ(ops[0].text, text);
}

TEST(DiffWords, EmptySides) {
  EXPECT_TRUE(DiffWords("", "").empty());
  const std::vector<DiffOp> added = DiffWords("", "Nouvelle offre");
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].kind, Kind::kInsert);
  EXPECT_EQ(added[0].text, "Nouvelle offre");
  const std::vector<DiffOp> removed = DiffWords("Ancienne offre", "");
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].kind, Kind::kDelete);
  EXPECT_EQ(removed[0].text, "Ancienne offre");
}

TEST(DiffWords, ReplacedWordIsOneDeletionThenOneInsertion) {
  const std::vector<DiffOp> ops =
      DiffWords("Our winter offer for propane.", "Our summer offer for propane.");
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(ops[0].kind, Kind::kEqual);
  EXPECT_EQ(ops[0].text, "Our ");
  EXPECT_EQ(ops[1].kind, Kind::kDelete);
  EXPECT_EQ(ops[1].text, "winter");
  EXPECT_EQ(ops[2].kind, Kind::kInsert);
  EXPECT_EQ(ops[2].text, "summer");
  EXPECT_EQ(ops[3].kind, Kind::kEqual);
  EXPECT_EQ(ops[3].text, " offer for propane.");
}

TEST(DiffWords, InsertedWordCarriesItsFollowingSpace) {
  const std::vector<DiffOp> ops = DiffWords("la nouvelle offre", "la nouvelle grande offre");
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[0].text, "la nouvelle ");
  EXPECT_EQ(ops[1].kind, Kind::kInsert);
  EXPECT_EQ(ops[1].text, "grande ");
  EXPECT_EQ(ops[2].text, "offre");
}

TEST(DiffWords, RewrittenPhraseReadsAsOneRemovalAndOneAddition) {
  const std::vector<DiffOp> ops = DiffWords("Profitez de l’offre hiver gaz dès maintenant.",
                                            "Profitez de l’offre été électricité dès maintenant.");
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(ops[0].text, "Profitez de l’offre ");
  EXPECT_EQ(ops[1].kind, Kind::kDelete);
  EXPECT_EQ(ops[1].text, "hiver gaz");
  EXPECT_EQ(ops[2].kind, Kind::kInsert);
  EXPECT_EQ(ops[2].text, "été électricité");
  EXPECT_EQ(ops[3].text, " dès maintenant.");
}

TEST(DiffWords, AccentChangeReplacesTheWholeWord) {
  const std::vector<DiffOp> ops = DiffWords("une economie reelle", "une économie reelle");
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(ops[1].text, "economie");
  EXPECT_EQ(ops[2].text, "économie");
}

TEST(DiffWords, AdjacentOpsNeverShareAKind) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    const std::vector<DiffOp> ops = DiffWords(MakeProse(rng, 30), MakeProse(rng, 30));
    for (std::size_t i = 1; i < ops.size(); ++i) ASSERT_NE(ops[i].kind, ops[i - 1].kind);
    for (const DiffOp& op : ops) ASSERT_FALSE(op.text.empty());
  }
}

TEST(DiffWords, ReconstructsBothSidesOfRandomEdits) {
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    const std::string before = MakeProse(rng, static_cast<int>(rng() % 80));
    std::string after = before;
    const int edits = static_cast<int>(rng() % 5);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = after.empty() ? 0 : rng() % after.size();
      const std::size_t cut = std::min<std::size_t>(rng() % 20, after.size() - at);
      after.replace(at, cut, MakeProse(rng, static_cast<int>(rng() % 4)));
    }
    const std::vector<DiffOp> ops = DiffWords(before, after);
    ASSERT_EQ(Before(ops), before);
    ASSERT_EQ(After(ops), after);
  }
}

TEST(DiffWords, ReconstructsBothSidesOfUnrelatedTexts) {
  std::mt19937 rng(3);
  for (int round = 0; round < 100; ++round) {
    const std::string before = MakeProse(rng, static_cast<int>(rng() % 60));
    const std::string after = MakeProse(rng, static_cast<int>(rng() % 60));
    const std::vector<DiffOp> ops = DiffWords(before, after);
    ASSERT_EQ(Before(ops), before);
    ASSERT_EQ(After(ops), after);
  }
}

TEST(DiffWords, ReconstructsBothSidesOfRandomBytes) {
  std::mt19937 rng(11);
  for (int round = 0; round < 500; ++round) {
    std::string before, after;
    for (int i = static_cast<int>(rng() % 30); i > 0; --i) before += "ab \xC3\xA9-'"[rng() % 8];
    for (int i = static_cast<int>(rng() % 30); i > 0; --i) after += "ab \xC3\xA9-'"[rng() % 8];
    const std::vector<DiffOp> ops = DiffWords(before, after);
    ASSERT_EQ(Before(ops), before);
    ASSERT_EQ(After(ops), after);
  }
}

// A long article body with a handful of scattered edits: what the revision view diffs.
TEST(DiffWords, LongArticleWithFewEditsGivesAFewOps) {
  std::mt19937 rng(2026);
  const std::string before = MakeProse(rng, 5000);
  std::string after = before;
  for (int e = 0; e < 6; ++e) {
    const std::size_t at = rng() % (after.size() - 40);
    after.replace(at, 12, " nouvelle garantie d’été ");
  }
  const std::vector<DiffOp> ops = DiffWords(before, after);
  EXPECT_EQ(Before(ops), before);
  EXPECT_EQ(After(ops), after);
  EXPECT_LE(ops.size(), 40u);
}

TEST(DiffWords, CompleteRewriteOfALongArticleStaysBounded) {
  std::mt19937 rng(99);
  const std::string before = MakeProse(rng, 5000);
  const std::string after = MakeProse(rng, 5000);
  const std::vector<DiffOp> ops = DiffWords(before, after);
  EXPECT_EQ(Before(ops), before);
  EXPECT_EQ(After(ops), after);
}

// ---------------------------------------------------------------------------------------------
// DiffToHtml

TEST(DiffToHtml, MarksRemovalsAndAdditions) {
  const std::string html = DiffToHtml(DiffWords("Offre d’hiver", "Offre d’été"));
  EXPECT_EQ(html, "Offre d’<del>hiver</del><ins>été</ins>");
}

TEST(DiffToHtml, EscapesMarkupInTheText) {
  const std::string html =
      DiffToHtml(DiffWords("Tom & Jerry", "Tom & \"Jerry\" <script>alert('x')</script>"));
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Tom &amp; "), std::string::npos);
  EXPECT_EQ(html.find('"'), std::string::npos);
  EXPECT_EQ(html.find('\''), std::string::npos);
  EXPECT_NE(html.find("&quot;"), std::string::npos);
}

TEST(DiffToHtml, KeepsNewlines) {
  const std::vector<DiffOp> ops = {{Kind::kEqual, "Titre\n\n"}, {Kind::kInsert, "Intro\n"}};
  EXPECT_EQ(DiffToHtml(ops), "Titre\n\n<ins>Intro\n</ins>");
}

// ---------------------------------------------------------------------------------------------
// MergeText

const std::vector<std::string> kArticle = {
    "# Bien préparer l’hiver avec votre citerne de propane",
    "Avant les premiers froids, vérifiez le niveau de votre citerne et programmez une livraison.",
    "Nos techniciens contrôlent gratuitement votre chaudière une fois par an.",
    "Profitez de -10 % sur votre commande de propane jusqu’au 31 octobre.",
};

std::string ArticleWith(std::size_t index, const std::string& paragraph) {
  std::vector<std::string> paragraphs = kArticle;
  paragraphs[index] = paragraph;
  return MakeArticle(paragraphs);
}

TEST(MergeText, EditsToDifferentParagraphsCombine) {
  const std::string base = MakeArticle(kArticle);
  const std::string mine = ArticleWith(1,
                                       "Avant les premiers froids, vérifiez le niveau de votre "
                                       "citerne et commandez en ligne.");
  const std::string theirs =
      ArticleWith(3, "Profitez de -15 % sur votre commande de propane jusqu’au 15 novembre.");
  std::vector<std::string> expected = kArticle;
  expected[1] =
      "Avant les premiers froids, vérifiez le niveau de votre citerne et commandez en "
      "ligne.";
  expected[3] = "Profitez de -15 % sur votre commande de propane jusqu’au 15 novembre.";
  EXPECT_EQ(MergeText(base, mine, theirs), MakeArticle(expected));
  EXPECT_EQ(MergeText(base, theirs, mine), MakeArticle(expected));
}

TEST(MergeText, SameSentenceEditedDifferentlyConflicts) {
  const std::string base = MakeArticle(kArticle);
  const std::string mine =
      ArticleWith(2, "Nos techniciens contrôlent votre chaudière deux fois par an.");
  const std::string theirs =
      ArticleWith(2, "Our technicians check your boiler for free once a year.");
  EXPECT_EQ(MergeText(base, mine, theirs), std::nullopt);
}

TEST(MergeText, SameChangeOnBothSidesIsNotAConflict) {
  const std::string base = MakeArticle(kArticle);
  const std::string edited =
      ArticleWith(2, "Nos techniciens contrôlent gratuitement votre chaudière chaque année.");
  EXPECT_EQ(MergeText(base, edited, edited), edited);
}

TEST(MergeText, OneSidedChangesAreTakenAsIs) {
  const std::string base = MakeArticle(kArticle);
  const std::string edited = ArticleWith(0, "# Préparer l’hiver");
  EXPECT_EQ(MergeText(base, edited, base), edited);
  EXPECT_EQ(MergeText(base, base, edited), edited);
  EXPECT_EQ(MergeText(base, base, base), base);
}

TEST(MergeText, AppendingAtTheEndAndEditingTheStartCombine) {
  const std::string base = MakeArticle(kArticle);
  std::vector<std::string> appended = kArticle;
  appended.push_back("Une question ? Appelez-nous au 01 23 45 67 89.");
  const std::string mine = MakeArticle(appended);
  const std::string theirs = ArticleWith(0, "# Winter is coming: get your propane tank ready");
  appended[0] = "# Winter is coming: get your propane tank ready";
  EXPECT_EQ(MergeText(base, mine, theirs), MakeArticle(appended));
  EXPECT_EQ(MergeText(base, theirs, mine), MakeArticle(appended));
}

TEST(MergeText, EditsToAdjacentLinesCombine) {
  const std::string base = "- Livraison en 48 h\n- Contrôle annuel offert\n- Paiement en 10 fois\n";
  const std::string mine = "- Livraison en 24 h\n- Contrôle annuel offert\n- Paiement en 10 fois\n";
  const std::string theirs =
      "- Livraison en 48 h\n- Contrôle annuel inclus\n- Paiement en 10 fois\n";
  EXPECT_EQ(MergeText(base, mine, theirs),
            "- Livraison en 24 h\n- Contrôle annuel inclus\n- Paiement en 10 fois\n");
}

TEST(MergeText, DeletingAParagraphTheOtherEditedConflicts) {
  const std::string base = MakeArticle(kArticle);
  const std::string mine = MakeArticle({kArticle[0], kArticle[1], kArticle[3]});
  const std::string theirs =
      ArticleWith(2, "Nos techniciens contrôlent gratuitement votre chaudière deux fois par an.");
  EXPECT_EQ(MergeText(base, mine, theirs), std::nullopt);
  EXPECT_EQ(MergeText(base, theirs, mine), std::nullopt);
}

TEST(MergeText, DeletingAndEditingDifferentParagraphsCombine) {
  const std::string base = MakeArticle(kArticle);
  const std::string mine = MakeArticle({kArticle[0], kArticle[1], kArticle[3]});
  const std::string theirs = ArticleWith(3, "Profitez de -20 % jusqu’au 31 octobre.");
  EXPECT_EQ(MergeText(base, mine, theirs),
            MakeArticle({kArticle[0], kArticle[1], "Profitez de -20 % jusqu’au 31 octobre."}));
}

TEST(MergeText, DifferentInsertionsAtTheSamePlaceConflict) {
  const std::string base = MakeArticle(kArticle);
  const std::string mine = MakeArticle(
      {kArticle[0], kArticle[1], "Livraison express en 24 h.", kArticle[2], kArticle[3]});
  const std::string theirs = MakeArticle(
      {kArticle[0], kArticle[1], "Free delivery this winter.", kArticle[2], kArticle[3]});
  EXPECT_EQ(MergeText(base, mine, theirs), std::nullopt);
  EXPECT_EQ(MergeText(base, mine, mine), mine);
}

TEST(MergeText, InsertionsAtDifferentPlacesCombine) {
  const std::string base = MakeArticle(kArticle);
  const std::string mine =
      MakeArticle({kArticle[0], "Chapô.", kArticle[1], kArticle[2], kArticle[3]});
  const std::string theirs =
      MakeArticle({kArticle[0], kArticle[1], kArticle[2], "Encadré.", kArticle[3]});
  EXPECT_EQ(MergeText(base, mine, theirs), MakeArticle({kArticle[0], "Chapô.", kArticle[1],
                                                        kArticle[2], "Encadré.", kArticle[3]}));
}

TEST(MergeText, AppendingAfterALastLineWithoutNewlineDoesNotTouchIt) {
  const std::string base = MakeArticle(kArticle, "\n", /*final_newline=*/false);
  std::vector<std::string> appended = kArticle;
  appended.push_back("Offre réservée aux particuliers.");
  const std::string mine = MakeArticle(appended, "\n", false);
  const std::string theirs = ArticleWith(3, "Profitez de -15 % jusqu’au 15 novembre.");
  appended[3] = "Profitez de -15 % jusqu’au 15 novembre.";
  // theirs kept the final newline ArticleWith adds, mine did not change it: theirs wins.
  EXPECT_EQ(MergeText(base, mine, theirs), MakeArticle(appended, "\n", true));
}

TEST(MergeText, FinalNewlineChangesMergeLikeAnyOtherChange) {
  const std::string with = MakeArticle(kArticle, "\n", true);
  const std::string without = MakeArticle(kArticle, "\n", false);
  const std::string title = "# Préparer l’hiver";
  std::vector<std::string> retitled = kArticle;
  retitled[0] = title;
  // Mine adds the final newline, theirs edits the title.
  EXPECT_EQ(MergeText(without, with, MakeArticle(retitled, "\n", false)),
            MakeArticle(retitled, "\n", true));
  // Mine removes it, theirs edits the title.
  EXPECT_EQ(MergeText(with, without, MakeArticle(retitled, "\n", true)),
            MakeArticle(retitled, "\n", false));
  // Both remove it.
  EXPECT_EQ(MergeText(with, without, without), without);
  // A single line without newline, edited on one side only.
  EXPECT_EQ(MergeText("Bonjour", "Bonjour", "Bonsoir"), "Bonsoir");
  EXPECT_EQ(MergeText("Bonjour", "Bonjour !", "Bonsoir"), std::nullopt);
}

TEST(MergeText, CarriageReturnsAreKeptAsTheyAre) {
  const std::string base = MakeArticle(kArticle, "\r\n");
  std::vector<std::string> mine_paragraphs = kArticle;
  mine_paragraphs[0] = "# Winter checklist";
  std::vector<std::string> theirs_paragraphs = kArticle;
  theirs_paragraphs[3] = "Offre valable jusqu’au 30 novembre.";
  std::vector<std::string> expected = mine_paragraphs;
  expected[3] = theirs_paragraphs[3];
  EXPECT_EQ(
      MergeText(base, MakeArticle(mine_paragraphs, "\r\n"), MakeArticle(theirs_paragraphs, "\r\n")),
      MakeArticle(expected, "\r\n"));
  // The same without a final line ending: nothing is added, nothing lost.
  EXPECT_EQ(
      MergeText(MakeArticle(kArticle, "\r\n", false), MakeArticle(mine_paragraphs, "\r\n", false),
                MakeArticle(theirs_paragraphs, "\r\n", false)),
      MakeArticle(expected, "\r\n", false));
}

TEST(MergeText, EmptyBase) {
  EXPECT_EQ(MergeText("", "", ""), "");
  EXPECT_EQ(MergeText("", "Bonjour\n", ""), "Bonjour\n");
  EXPECT_EQ(MergeText("", "Bonjour", "Bonjour"), "Bonjour");
  EXPECT_EQ(MergeText("", "Bonjour", "Hello"), std::nullopt);
}

// Whatever the texts (CRLF, stray "\r", blank lines, no final newline), a change made on one
// side only, or the same change on both, merges to exactly that text.
TEST(MergeText, OneSidedOrIdenticalChangesAlwaysGiveThatText) {
  std::mt19937 rng(77);
  const std::vector<std::string> pieces = {"Offre", " hiver", "\n", "\n", "\r\n",
                                           "\r",    "é",      "A",  "B"};
  const auto random_text = [&] {
    std::string out;
    for (int i = static_cast<int>(rng() % 16); i > 0; --i) out += pieces[rng() % pieces.size()];
    return out;
  };
  for (int round = 0; round < 2000; ++round) {
    const std::string base = random_text();
    const std::string edited = random_text();
    ASSERT_EQ(MergeText(base, edited, base), edited);
    ASSERT_EQ(MergeText(base, base, edited), edited);
    ASSERT_EQ(MergeText(base, edited, edited), edited);
  }
}

// Two people edit disjoint ranges of lines (separated by at least one untouched, non-blank
// line) of a random document: the merge always holds both edits, whichever side is "mine".
TEST(MergeText, DisjointRandomEditsAlwaysCombine) {
  std::mt19937 rng(1234);
  int fresh = 0;
  const auto new_line = [&] { return "Paragraphe " + std::to_string(++fresh) + " révisé.\n"; };
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> lines;
    const int count = 4 + static_cast<int>(rng() % 30);
    for (int i = 0; i < count; ++i) {
      lines.push_back(rng() % 3 == 0 ? "\n" : "Ligne " + std::to_string(i) + " du texte.\n");
    }
    // Choose a non-blank separator line, then one range on each side of it.
    std::vector<int> anchors;
    for (int i = 0; i < count; ++i) {
      if (lines[i] != "\n") anchors.push_back(i);
    }
    if (anchors.empty()) continue;
    const int anchor = anchors[rng() % anchors.size()];
    const auto pick_range = [&](int lo, int hi) {  // a range within [lo, hi]
      const int begin = lo + static_cast<int>(rng() % (hi - lo + 1));
      const int end = begin + static_cast<int>(rng() % (hi - begin + 1));
      return std::pair{begin, end};
    };
    const auto [first_begin, first_end] = pick_range(0, anchor);
    const auto [second_begin, second_end] = pick_range(anchor + 1, count);
    std::vector<std::string> first_new, second_new;
    for (int i = static_cast<int>(rng() % 3); i > 0; --i) first_new.push_back(new_line());
    for (int i = static_cast<int>(rng() % 3); i > 0; --i) second_new.push_back(new_line());

    const auto build = [&](bool first, bool second) {
      std::string out;
      for (int i = 0; i <= count; ++i) {
        if (first && i == first_begin) {
          for (const std::string& line : first_new) out += line;
        }
        if (second && i == second_begin) {
          for (const std::string& line : second_new) out += line;
        }
        if (i == count) break;
        const bool dropped = (first && i >= first_begin && i < first_end) ||
                             (second && i >= second_begin && i < second_end);
        if (!dropped) out += lines[i];
      }
      return out;
    };
    const std::string base = build(false, false);
    const std::string mine = build(true, false);
    const std::string theirs = build(false, true);
    const std::string both = build(true, true);
    ASSERT_EQ(MergeText(base, mine, theirs), both) << "round " << round << "\n" << base;
    ASSERT_EQ(MergeText(base, theirs, mine), both) << "round " << round << "\n" << base;
  }
}

TEST(MergeText, LongArticleWithEditsAtBothEndsMerges) {
  std::mt19937 rng(5);
  std::vector<std::string> paragraphs;
  for (int i = 0; i < 100; ++i)
    paragraphs.push_back(MakeProse(rng, 50) + " (" + std::to_string(i) + ")");
  for (std::string& p : paragraphs) std::erase(p, '\n');
  const std::string base = MakeArticle(paragraphs);
  std::vector<std::string> mine = paragraphs, theirs = paragraphs, both = paragraphs;
  mine[10] = both[10] = "Nouveau chapô.";
  theirs[80] = both[80] = "Nouvelle conclusion.";
  const std::optional<std::string> merged = MergeText(base, MakeArticle(mine), MakeArticle(theirs));
  EXPECT_EQ(merged, MakeArticle(both));
}

}  // namespace
}  // namespace copydesk::content
