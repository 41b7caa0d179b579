// How a delivery attempt is judged when the address check refused some of a name's addresses.
#include "webhooks/sender.hpp"

#include <gtest/gtest.h>

namespace copydesk::webhooks {
namespace {

TEST(WebhookSender, ARefusedAddressBlocksOnlyWhenNoOtherWasReached) {
  // Every address refused: libcurl could not connect, nothing answered.
  EXPECT_TRUE(BlockedBeforeConnecting(true, 0, true));
  // One address refused, another allowed one answered: its answer is the outcome.
  EXPECT_FALSE(BlockedBeforeConnecting(true, 200, false));
  EXPECT_FALSE(BlockedBeforeConnecting(true, 503, false));
  // One refused, the allowed one too slow: a timeout, retried like any other.
  EXPECT_FALSE(BlockedBeforeConnecting(true, 0, false));
  // Nothing refused: a receiver that is down is not blocked.
  EXPECT_FALSE(BlockedBeforeConnecting(false, 0, true));
}

}  // namespace
}  // namespace copydesk::webhooks
