// Text as the index sees it: folded, French elisions split, Markdown made plain; snippets that
// are safe HTML and mark what matched.
#include "search/analysis.hpp"

#include <gtest/gtest.h>

#include "search/snippet.hpp"

namespace copydesk::search {
namespace {

TEST(PrepareText, FoldsAccentsAndCase) {
  EXPECT_EQ(PrepareText("Médias ÉNERGIE Chèque", "en"), "medias energie cheque");
}

TEST(PrepareText, SplitsFrenchElisions) {
  EXPECT_EQ(PrepareText("l'offre d’énergie qu'elle jusqu'au", "fr"),
            "l offre d energie qu elle jusqu au");
  // Not an elision: the apostrophe stays (and English is left alone).
  EXPECT_EQ(PrepareText("aujourd'hui", "fr"), "aujourd'hui");
  EXPECT_EQ(PrepareText("customer's", "en"), "customer's");
}

TEST(MarkdownToText, KeepsTheWordsOnly) {
  const auto text = MarkdownToText(
      "## Titre\n\n- **gras** et _italique_\n1. [lien](https://x.example/y)\n> cite <b>ok</b>");
  EXPECT_EQ(text.find('#'), std::string::npos);
  EXPECT_EQ(text.find("https"), std::string::npos);
  EXPECT_EQ(text.find('*'), std::string::npos);
  EXPECT_EQ(text.find("<b>"), std::string::npos);
  for (const char* w : {"Titre", "gras", "italique", "lien", "cite", "ok"})
    EXPECT_NE(text.find(w), std::string::npos) << w;
}

TEST(GuessLanguage, TellsFrenchFromEnglish) {
  EXPECT_EQ(GuessLanguage("Le chèque énergie aide les ménages à payer leurs factures"), "fr");
  EXPECT_EQ(GuessLanguage("The smart meter sends readings to the supplier"), "en");
}

TEST(Stemming, MediaAndMediasMeet) {
  const auto fr = StemmerFor("fr");
  EXPECT_EQ(fr(PrepareText("médias", "fr")), fr(PrepareText("media", "fr")));
  EXPECT_EQ(fr(PrepareText("validation", "fr")), fr(PrepareText("validé", "fr")));
  EXPECT_EQ(fr(PrepareText("validation", "fr")), fr(PrepareText("validées", "fr")));
  EXPECT_EQ(fr(PrepareText("réalisées", "fr")), fr(PrepareText("réalisé", "fr")));
}

TEST(Snippet, MarksStemmedFoldedAndTypedWords) {
  Highlighter h({"facture"}, "chaud", "fr");
  const auto s = h.Snippet("Vos Factures baissent avec une chaudière neuve.");
  EXPECT_EQ(s, "Vos <mark>Factures</mark> baissent avec une <mark>chaudière</mark> neuve.");
}

TEST(Snippet, EscapesHtml) {
  Highlighter h({"remise"}, "", "fr");
  EXPECT_EQ(h.Snippet("<b>Remise</b> & \"promo\""),
            "&lt;b&gt;<mark>Remise</mark>&lt;/b&gt; &amp; &quot;promo&quot;");
}

TEST(Snippet, CutsAroundTheMatches) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "mot" + std::to_string(i) + " ";
  text += "compteur communicant";
  Highlighter h({"compteur"}, "", "fr");
  const auto s = h.Snippet(text, 10);
  EXPECT_EQ(s.rfind("…", 0), 0u) << s;
  EXPECT_NE(s.find("<mark>compteur</mark>"), std::string::npos) << s;
}

}  // namespace
}  // namespace copydesk::search
