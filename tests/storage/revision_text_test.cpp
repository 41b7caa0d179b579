// Sealed revisions are stored compressed; whatever is stored, a reader gets the same JSON back.
#include "storage/revision_text.hpp"

#include <gtest/gtest.h>

#include "storage/database.hpp"

namespace copydesk::storage {
namespace {

TEST(RevisionText, APackedRevisionReadsBackTheSameAndIsSmaller) {
  std::string fields = "{\"body\":\"";
  for (int i = 0; i < 200; ++i) fields += "L'énergie d'aujourd'hui, \\\"citée\\\" 😀 ";
  fields += "\"}";
  const std::string packed = PackFields(fields);
  EXPECT_FALSE(IsPlainFields(packed));
  EXPECT_LT(packed.size() * 4, fields.size());
  EXPECT_EQ(UnpackFields(packed), fields);
}

TEST(RevisionText, ARevisionTooShortToGainStaysPlain) {
  EXPECT_EQ(PackFields("{}"), "{}");
  EXPECT_EQ(UnpackFields("{}"), "{}");
  EXPECT_EQ(UnpackFields(""), "");
}

TEST(RevisionText, PackingTwiceChangesNothing) {
  const std::string packed = PackFields("{\"lead\":\"" + std::string(500, 'a') + "\"}");
  EXPECT_EQ(PackFields(packed), packed);
}

TEST(RevisionText, ADamagedRevisionIsAnErrorNotAnotherText) {
  std::string packed = PackFields("{\"lead\":\"" + std::string(500, 'a') + "\"}");
  packed.resize(packed.size() / 2);
  EXPECT_THROW(UnpackFields(packed), StorageError);
}

}  // namespace
}  // namespace copydesk::storage
