#include "convert/slots.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace copydesk::convert {
namespace {

using namespace std::chrono_literals;

TEST(ConversionSlot, OneConversionMoreThanTheCoresWaitsForASlotToBeFreed) {
  const auto capacity = ConversionSlot::Capacity();
  ASSERT_GE(capacity, 1u);
  std::vector<std::unique_ptr<ConversionSlot>> held;
  for (std::size_t i = 0; i < capacity; ++i) held.push_back(std::make_unique<ConversionSlot>());

  std::atomic<bool> started{false};
  std::thread extra([&] {
    ConversionSlot slot;
    started = true;
  });
  std::this_thread::sleep_for(100ms);
  EXPECT_FALSE(started) << "a conversion ran although every slot was taken";

  held.pop_back();
  extra.join();
  EXPECT_TRUE(started);
}

}  // namespace
}  // namespace copydesk::convert
