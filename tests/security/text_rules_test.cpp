// Issue 13, item 10, the text rules below HTTP: which characters a name refuses, and which
// cells an export defuses.
#include <gtest/gtest.h>

#include <string>

#include "core/text.hpp"

namespace copydesk {
namespace {

TEST(NameCharacters, AcceptTheNamesPeopleHave) {
  for (std::string ok : {"Chloé Martin", "Équipe juridique", "Öffentlichkeitsarbeit", "Сергей",
                         "محمد", "張偉", "👩‍💻 Dev" /* emoji with a zero-width joiner */,
                         "می‌خواهم" /* Persian with a zero-width non-joiner */}) {
    EXPECT_FALSE(CheckNameCharacters(ok)) << ok;
  }
}

TEST(CsvExport, EveryControlAndFormatStartCountsAsAFormula) {
  for (std::string risky :
       {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\x01", "\x7f=", "\xC2\x85=1",
        "\xC2\xAD=1" /* soft hyphen */, "\xE2\x80\x8B=1", "\xE2\x80\x8E=1" /* LRM */,
        "\xE2\x80\xAE=1", "\xEF\xBB\xBF=1", "\xF3\xA0\x80\x81=1" /* language tag */}) {
    EXPECT_TRUE(StartsLikeSpreadsheetFormula(risky)) << risky;
  }
  for (std::string plain : {"", "Chloé", "1+1", " =1", "« citation »", "é=1"}) {
    EXPECT_FALSE(StartsLikeSpreadsheetFormula(plain)) << plain;
  }
}

}  // namespace
}  // namespace copydesk
